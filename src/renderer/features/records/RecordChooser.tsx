import { useState } from 'react';
import { Notice } from '../../components/Notice';

export interface RecordChoice {
  recordId: number;
  label: string;
}

export interface RecordChooserWords {
  /** Ids of the group's title and of the list: `${titleId}`, `${fieldId}` and its hint. */
  titleId: string;
  fieldId: string;
  title: string;
  label: string;
  hint: string;
  start: string;
  /** What to say, and to do first, when there is nothing to choose. */
  emptyTitle: string;
  emptyText: string;
}

/** Chooses the signed record a new one starts from (a plan's exam, a review's plan), then starts it as a draft. */
export function RecordChooser({
  words,
  choices,
  busy,
  onStart,
  onCancel,
}: {
  words: RecordChooserWords;
  choices: readonly RecordChoice[];
  busy: boolean;
  onStart: (recordId: number) => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState(choices[0]?.recordId ?? 0);
  if (choices.length === 0) {
    return (
      <Notice tone="info" title={words.emptyTitle}>
        <p>{words.emptyText}</p>
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          Close
        </button>
      </Notice>
    );
  }
  return (
    <div className="new-plan" role="group" aria-labelledby={words.titleId}>
      <h3 id={words.titleId} className="form-subsection-title">
        {words.title}
      </h3>
      <div className="field">
        <label className="field-label" htmlFor={words.fieldId}>
          {words.label}
        </label>
        <p className="hint" id={`${words.fieldId}-hint`}>
          {words.hint}
        </p>
        <select
          id={words.fieldId}
          className="input select input-long"
          aria-describedby={`${words.fieldId}-hint`}
          // Opened by its button: the choice it asks for takes the focus.
          autoFocus
          value={chosen}
          onChange={(event) => setChosen(Number(event.target.value))}
        >
          {choices.map((choice) => (
            <option key={choice.recordId} value={choice.recordId}>
              {choice.label}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onStart(chosen)}>
          {busy ? 'Starting…' : words.start}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
