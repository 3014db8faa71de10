import type { KeyboardEvent, ReactNode } from 'react';
import { useEffect, useRef } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { TextArea } from '../../components/TextArea';
import { fieldId, focusField } from '../../lib/focus-field';
import { OccurredAtFields } from './OccurredAtFields';
import { TimingReasonField } from './TimingReasonField';
import type { FrameEditor } from './use-entry-editor';
import { WitnessFields } from './WitnessFields';

/**
 * Enter in a field does not save a half-typed chart entry (a long form, where Enter is
 * ambiguous): the Save button does, by Enter or Space once it has focus.
 */
function keepEnterFromSaving(event: KeyboardEvent<HTMLFormElement>) {
  if (event.key === 'Enter' && event.target instanceof HTMLInputElement) event.preventDefault();
}

/** Element ids of every charting form start with this (one form is open at a time). */
export const editorPrefix = 'entry';

/**
 * What every charting form shares: its title (focused when it opens), the error summary,
 * the time it happened, the witness when one is needed, the reason for a correction, and
 * Save / Cancel.
 */
export function EntryEditorFrame({
  title,
  intro,
  editor,
  witnessNeeded = false,
  saveLabel,
  onCancel,
  focusOnOpen = true,
  children,
}: {
  title: string;
  intro?: ReactNode;
  editor: FrameEditor;
  witnessNeeded?: boolean;
  saveLabel: string;
  onCancel: () => void;
  /** False where the page's own heading takes focus when it opens. */
  focusOnOpen?: boolean;
  children: ReactNode;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = fieldId(editorPrefix, 'title');
  const { state, registrations } = editor;
  useEffect(() => {
    if (focusOnOpen) heading.current?.focus();
  }, [focusOnOpen]);
  return (
    <section className="card session-editor" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {intro}
      {editor.restored && (
        <Notice tone="info" live="status">
          What you typed here before and had not saved is back. Check it, then save.
        </Notice>
      )}
      <ErrorSummary
        problems={state.problems}
        attempt={state.attempt}
        onSelect={(path) => focusField(editorPrefix, path)}
        title={state.problems.length === 1 ? 'This was not saved: there is a problem' : 'This was not saved'}
      />
      <form onSubmit={(event) => void state.onSubmit(event)} onKeyDown={keepEnterFromSaving} noValidate>
        {children}
        <OccurredAtFields
          prefix={editorPrefix}
          path="when"
          legend="When it happened"
          what="it happened"
          date={registrations.date}
          time={registrations.time}
          typedDate={editor.when.date}
          messages={state.messages}
          onNow={editor.setNow}
        />
        {editor.timing.asked && (
          <TimingReasonField
            prefix={editorPrefix}
            findings={editor.timing.findings}
            registration={registrations.timingReason}
            messages={state.messages}
          />
        )}
        {witnessNeeded && (
          <WitnessFields
            prefix={editorPrefix}
            username={registrations.witnessUsername}
            password={registrations.witnessPassword}
            messages={state.messages}
          />
        )}
        {editor.correcting && (
          <TextArea
            id={fieldId(editorPrefix, 'correctionReason')}
            label="Reason for the correction"
            hint="The original entry stays in the record, struck through, with this reason beside it."
            registration={registrations.reason}
            error={state.messages.get('correctionReason')}
          />
        )}
        <div className="actions actions-bar">
          <button type="submit" className="button button-primary" disabled={state.submitting}>
            {state.submitting ? 'Saving…' : saveLabel}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              editor.discard();
              onCancel();
            }}
          >
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
