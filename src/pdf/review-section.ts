import type { ReviewComputed, ReviewContent } from '../domain/course-review';
import {
  decisionText,
  outcomeText,
  patientTotalMgText,
  planText,
  scaleText,
  seriesMgText,
  sessionsText,
} from '../domain/course-review-text';
import { formatDate } from '../domain/time';
import type { DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { clinicTime, orNone } from './summary-wording';
import { styles } from './summary-theme';

/** The course review: the plan reviewed, its figures as signed, the outcome, decision and reason. */
export function writeReviewSection(
  flow: DocumentFlow,
  review: ReviewContent,
  computed: ReviewComputed,
  timeZone: string,
): void {
  flow.heading('Series reviewed');
  const plan = computed.plan;
  const signed =
    plan.signedAt === null
      ? ''
      : `, signed ${clinicTime(plan.signedAt, timeZone)}${plan.signedBy === null ? '' : ` by ${plan.signedBy}`}`;
  flow.fields([
    { label: 'Plan', value: [text(planText(computed), styles.bodyBold), text(signed)] },
    { label: 'Sessions', value: [text(sessionsText(computed))] },
    { label: 'Drug given in this series', value: [text(seriesMgText(computed), styles.bodyBold)] },
    { label: 'Drug given in total', value: [text(patientTotalMgText(computed))] },
    ...computed.scales.map((scale) => ({ label: scale.name, value: [text(scaleText(scale))] })),
  ]);
  if (computed.scales.length === 0) flow.paragraph([text('No scale was recorded at the exam or the sessions.')]);
  flow.heading('Review');
  flow.fields([
    {
      label: 'Review date',
      value: [text(review.reviewDate === null ? 'Not known' : formatDate(review.reviewDate), styles.bodyBold)],
    },
    { label: 'Outcome', value: [text(outcomeText(review), styles.bodyBold)] },
    { label: 'Decision', value: [text(decisionText(review), styles.bodyBold)] },
    { label: 'Reason', value: [text(orNone(review.reason))] },
    { label: 'Notes', value: [text(orNone(review.notes))] },
  ]);
}
