import { useState } from 'react';
import type { RecordView } from '../../../domain/record-view';
import { formatDate } from '../../../domain/time';
import { Notice } from '../../components/Notice';

export interface CandidateExam {
  recordId: number;
  label: string;
}

/** Signed exams that record the patient as a candidate: the only ones a plan may rest on. */
export function candidateExams(records: readonly RecordView[]): CandidateExam[] {
  return records.flatMap((record) => {
    const signed = record.versions.filter((version) => version.status === 'signed').at(-1);
    if (signed?.recordType !== 'exam' || signed.content.candidacy.decision !== 'candidate') return [];
    const date = signed.content.examDate === null ? 'undated' : formatDate(signed.content.examDate);
    const indication = signed.content.indication.text.trim();
    return [
      {
        recordId: record.id,
        label: `Exam of ${date}${indication === '' ? '' : `: ${indication}`}, version ${signed.version}`,
      },
    ];
  });
}

/** Chooses the signed exam a new plan rests on, then starts the plan as a draft. */
export function NewPlanChooser({
  exams,
  busy,
  onStart,
  onCancel,
}: {
  exams: readonly CandidateExam[];
  busy: boolean;
  onStart: (examRecordId: number) => void;
  onCancel: () => void;
}) {
  const [chosen, setChosen] = useState(exams[0]?.recordId ?? 0);
  if (exams.length === 0) {
    return (
      <Notice tone="info" title="No exam to rest a plan on">
        <p>A plan rests on a signed exam that records the patient as a candidate. Record and sign an exam first.</p>
        <button type="button" className="button button-secondary button-small" onClick={onCancel}>
          Close
        </button>
      </Notice>
    );
  }
  return (
    <div className="new-plan" role="group" aria-labelledby="new-plan-title">
      <h3 id="new-plan-title" className="form-subsection-title">
        New infusion plan
      </h3>
      <div className="field">
        <label className="field-label" htmlFor="new-plan-exam">
          Exam the plan rests on
        </label>
        <p className="hint" id="new-plan-exam-hint">
          Signed exams that record the patient as a candidate. The plan starts with the weight recorded at that exam.
        </p>
        <select
          id="new-plan-exam"
          className="input select input-long"
          aria-describedby="new-plan-exam-hint"
          // Opened by "New plan": the choice it asks for takes the focus.
          autoFocus
          value={chosen}
          onChange={(event) => setChosen(Number(event.target.value))}
        >
          {exams.map((exam) => (
            <option key={exam.recordId} value={exam.recordId}>
              {exam.label}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => onStart(chosen)}>
          {busy ? 'Starting…' : 'Start the plan'}
        </button>
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
