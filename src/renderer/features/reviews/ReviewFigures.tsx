import { useId } from 'react';
import type { ReviewComputed } from '../../../domain/course-review';
import {
  patientTotalMgText,
  planText,
  scaleText,
  seriesMgText,
  sessionsText,
} from '../../../domain/course-review-text';
import { formatDateTime } from '../../../domain/time';
import { Facts } from '../../components/Facts';

/**
 * The series a review looks back on, read-only: its sessions counted, the drug given and each
 * scale's baseline and latest value. Arithmetic on what was charted, never a suggestion.
 */
export function ReviewFigures({
  figures,
  timeZone,
  asSigned,
}: {
  figures: ReviewComputed | null | undefined;
  timeZone: string;
  /** Whether these are the figures frozen at signing, or the series as it stands now (a draft). */
  asSigned: boolean;
}) {
  const uid = useId();
  return (
    <section className="card" aria-labelledby={`${uid}-figures`}>
      <h2 id={`${uid}-figures`}>Series reviewed</h2>
      {figures === null || figures === undefined ? (
        <p className="value-unknown">
          The series’ figures cannot be shown: the plan named is not a signed plan of this patient.
        </p>
      ) : (
        <>
          <p className="hint">
            {asSigned
              ? 'As recorded when the review was signed.'
              : 'As charted now; frozen with the review when it is signed.'}
          </p>
          <Facts
            columns={2}
            facts={[
              {
                label: 'Plan',
                value: `${planText(figures)}${
                  figures.plan.signedAt === null
                    ? ''
                    : `, signed ${formatDateTime(figures.plan.signedAt, timeZone)}${figures.plan.signedBy === null ? '' : ` by ${figures.plan.signedBy}`}`
                }`,
              },
              { label: 'Sessions', value: sessionsText(figures) },
              { label: 'Drug given in this series', value: seriesMgText(figures) },
              { label: 'Drug given in total', value: patientTotalMgText(figures) },
              ...figures.scales.map((scale) => ({ label: scale.name, value: scaleText(scale) })),
            ]}
          />
          {figures.scales.length === 0 && (
            <p className="value-unknown">No scale was recorded at the exam or the sessions.</p>
          )}
        </>
      )}
    </section>
  );
}
