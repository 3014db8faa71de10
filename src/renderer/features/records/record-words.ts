import type { RecordType } from '../../../domain/record';
import type { RecordVersionView, RecordView } from '../../../domain/record-view';
import { formatDate } from '../../../domain/time';

/** "exam" or "infusion plan", as the record reads inside a sentence. */
export const recordWhat: Record<RecordType, string> = { exam: 'exam', plan: 'infusion plan', review: 'course review' };

/** The version a reader sees: the newest signed one, or the draft when nothing is signed yet. */
export function shownVersion(view: RecordView): RecordVersionView | undefined {
  return view.versions.filter((version) => version.status === 'signed').at(-1) ?? view.versions.at(-1);
}

/** "Exam of 23-Nov-2026" or "Infusion plan: Ketamine hydrochloride". */
export function recordTitle(version: RecordVersionView, drugName: (drugId: string | null) => string): string {
  if (version.recordType === 'exam') {
    return version.content.examDate === null
      ? 'Exam, not yet dated'
      : `Exam of ${formatDate(version.content.examDate)}`;
  }
  if (version.recordType === 'review') {
    return version.content.reviewDate === null
      ? 'Course review, not yet dated'
      : `Course review of ${formatDate(version.content.reviewDate)}`;
  }
  const name = version.computed?.drugName ?? drugName(version.content.drugId);
  return name === '' ? 'Infusion plan, drug not yet chosen' : `Infusion plan: ${name}`;
}
