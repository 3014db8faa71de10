import { Link } from 'react-router';
import type { RegisterOverview } from '../../../contract/register-methods';
import type { DiscrepancyCategory } from '../../../domain/register';
import { discrepancyCategoryLabels } from '../../../domain/register';
import { formatDateTime } from '../../../domain/time';
import { writeOffCategoryOf } from './register-report-form';
import { entryDetailLines } from './register-words';

export type Discrepancy = RegisterOverview['discrepancies'][number];

/** Counts that differ from the expected balance: what still needs an explanation or a physician's review. */
export function DiscrepancyList({
  discrepancies,
  clinicTimeZone,
  mayExplain,
  mayReview,
  onExplain,
  onReview,
  mayReportLoss = false,
  onLossReport,
}: {
  discrepancies: readonly Discrepancy[];
  clinicTimeZone: string;
  mayExplain: boolean;
  mayReview: boolean;
  onExplain: (discrepancy: Discrepancy) => void;
  onReview: (discrepancy: Discrepancy) => void;
  /** Physicians and nurses produce the (signed) Form 106 information for a write-off. */
  mayReportLoss?: boolean;
  onLossReport?: (discrepancy: Discrepancy, category: DiscrepancyCategory) => void;
}) {
  if (discrepancies.length === 0) return <p>No discrepancy is waiting for an explanation or a review.</p>;
  return (
    <ul className="register-discrepancies">
      {discrepancies.map((item) => {
        const writeOff = writeOffCategoryOf(item.explanation);
        return (
          <li key={item.count.id} className="register-discrepancy">
            <p className="register-discrepancy-title">
              <Link to={`/register/containers/${item.count.containerId}`}>{item.containerLabel}</Link>, counted{' '}
              {formatDateTime(item.count.occurredAt, clinicTimeZone)} by {item.count.printedName}
              {item.count.witnessPrintedName !== null && ` and ${item.count.witnessPrintedName}`}
            </p>
            {entryDetailLines(item.count).map((line) => (
              <p key={line}>{line}</p>
            ))}
            <p>
              {item.explanation === null ? (
                <strong>Needs an explanation.</strong>
              ) : (
                <>
                  Explained by {item.explanation.printedName}
                  {writeOff !== null && ` (${discrepancyCategoryLabels[writeOff]}, written off)`}:{' '}
                  <span dir="auto">{item.explanation.reason ?? 'Not known'}</span>
                </>
              )}
            </p>
            <p>{item.review === null ? <strong>Needs a physician’s review.</strong> : 'Reviewed.'}</p>
            <div className="actions">
              {mayExplain && item.explanation === null && (
                <button type="button" className="button button-primary button-small" onClick={() => onExplain(item)}>
                  Explain<span className="visually-hidden"> the discrepancy of {item.containerLabel}</span>
                </button>
              )}
              {mayReview && item.review === null && (
                <button type="button" className="button button-secondary button-small" onClick={() => onReview(item)}>
                  Review<span className="visually-hidden"> the discrepancy of {item.containerLabel}</span>
                </button>
              )}
              {mayReportLoss && writeOff !== null && onLossReport !== undefined && (
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => onLossReport(item, writeOff)}
                >
                  Form 106 information (PDF)<span className="visually-hidden"> for {item.containerLabel}</span>
                </button>
              )}
            </div>
          </li>
        );
      })}
    </ul>
  );
}
