import { candidacyLabels } from '../../../domain/exam';
import type { RecordVersionView } from '../../../domain/record-view';
import { doseText, durationText, seriesText } from '../plans/plan-text';
import { reviewSummary } from '../reviews/review-summary';

/** One line on the chart: the indication and decision of an exam, the dose and series of a plan. */
export function recordSummary(version: RecordVersionView): string {
  if (version.recordType === 'exam') {
    const { indication, candidacy } = version.content;
    return [indication.text, candidacy.decision === null ? '' : candidacyLabels[candidacy.decision]]
      .filter((part) => part.trim() !== '')
      .join(' · ');
  }
  if (version.recordType === 'review') return reviewSummary(version.content);
  const dose = doseText(version.content);
  const duration = durationText(version.content.durationMin);
  return [dose === '' ? '' : `${dose}${duration === '' ? '' : ` over ${duration}`}`, seriesText(version.content.series)]
    .filter((part) => part !== '')
    .join(' · ');
}
