import type { RecordVersionView, RecordView } from '../../../domain/record-view';

export type ExamVersionView = Extract<RecordVersionView, { recordType: 'exam' }>;

export interface LinkedExam {
  record: RecordView;
  /** The signed exam version the plan rests on. */
  version: ExamVersionView;
}

/** The exam version a plan rests on, found among the patient's records. */
export function findLinkedExam(records: readonly RecordView[], examVersionId: number | null): LinkedExam | null {
  for (const record of records) {
    const version = record.versions.find((candidate) => candidate.id === examVersionId);
    if (version?.recordType === 'exam') return { record, version };
  }
  return null;
}
