import { useId } from 'react';
import type { ReviewComputed, ReviewContent } from '../../../domain/course-review';
import { decisionText, outcomeText } from '../../../domain/course-review-text';
import { formatDate } from '../../../domain/time';
import { Facts } from '../../components/Facts';
import { ReviewFigures } from './ReviewFigures';

function Text({ value }: { value: string }) {
  return value.trim() === '' ? (
    <p className="value-unknown">None recorded</p>
  ) : (
    <p className="narrative" dir="auto">
      {value}
    </p>
  );
}

/** A signed (or someone else's) course review, read-only: the series' figures, outcome, decision, reason. */
export function ReviewView({
  content,
  computed,
  timeZone,
}: {
  content: ReviewContent;
  /** What was computed at signing; null for a draft (the figures are then not shown as signed). */
  computed: ReviewComputed | null;
  timeZone: string;
}) {
  // Several versions may be shown on one page (the history): ids must not repeat.
  const uid = useId();
  return (
    <div className="record-view">
      {computed !== null && <ReviewFigures figures={computed} timeZone={timeZone} asSigned />}
      <section className="card" aria-labelledby={`${uid}-review`}>
        <h2 id={`${uid}-review`}>Outcome and decision</h2>
        <Facts
          columns={3}
          facts={[
            { label: 'Review date', value: content.reviewDate === null ? '' : formatDate(content.reviewDate) },
            { label: 'Outcome', value: content.outcome === null ? '' : outcomeText(content) },
            { label: 'Decision', value: content.decision === null ? '' : decisionText(content) },
          ]}
        />
        <h3 className="form-subsection-title">Reason</h3>
        <Text value={content.reason} />
        <h3 className="form-subsection-title">Notes</h3>
        <Text value={content.notes} />
      </section>
    </div>
  );
}
