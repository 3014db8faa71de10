import type { RecordView } from '../../../domain/record-view';
import { formatDate } from '../../../domain/time';
import type { RecordChoice, RecordChooserWords } from './RecordChooser';
import { RecordChooser } from './RecordChooser';

export type CandidateExam = RecordChoice;

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

const words: RecordChooserWords = {
  titleId: 'new-plan-title',
  fieldId: 'new-plan-exam',
  title: 'New infusion plan',
  label: 'Exam the plan rests on',
  hint: 'Signed exams that record the patient as a candidate. The plan starts with the weight recorded at that exam.',
  start: 'Start the plan',
  emptyTitle: 'No exam to rest a plan on',
  emptyText: 'A plan rests on a signed exam that records the patient as a candidate. Record and sign an exam first.',
};

/** Chooses the signed exam a new plan rests on, then starts the plan as a draft. */
export function NewPlanChooser({
  exams,
  ...actions
}: {
  exams: readonly CandidateExam[];
  busy: boolean;
  onStart: (examRecordId: number) => void;
  onCancel: () => void;
}) {
  return <RecordChooser words={words} choices={exams} {...actions} />;
}
