import type { ReviewContent } from '../../../domain/course-review';
import { decisionText, outcomeText } from '../../../domain/course-review-text';

/** One line on the chart: "Partial response · Maintenance, every 28 days". */
export function reviewSummary(content: ReviewContent): string {
  return [content.outcome === null ? '' : outcomeText(content), content.decision === null ? '' : decisionText(content)]
    .filter((part) => part !== '')
    .join(' · ');
}
