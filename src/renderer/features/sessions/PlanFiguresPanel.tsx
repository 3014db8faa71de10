import { quantityText } from '../../../domain/quantity-text';
import { formatDurationMin } from '../../../domain/time';
import type { SessionView } from '../../../domain/session-view';
import type { PlanVersion } from './plan-version';
import { sessionLabel } from './session-label';

const quantity = (value: string | undefined, unit: string) =>
  value === undefined ? 'Not known' : quantityText(value, unit);

/** The signed plan's figures for this infusion, the pump rate largest, as the plan printed them. */
export function PlanFiguresPanel({ session, plan }: { session: SessionView; plan: PlanVersion | null }) {
  const derived = plan?.computed?.derived ?? {};
  const duration = plan?.content.durationMin ?? null;
  return (
    <section className="board-panel plan-figures" aria-labelledby="plan-figures-title">
      <h2 className="board-label" id="plan-figures-title">
        Plan: pump rate
      </h2>
      <p className="board-figure">
        {session.plannedRateMlPerH === null ? 'Not known' : quantityText(session.plannedRateMlPerH, 'mL/h')}
      </p>
      <dl className="plan-figure-list">
        <div>
          <dt className="label">Dose rate</dt>
          <dd className="value">{quantity(derived.rateMgPerH, 'mg/h')}</dd>
        </div>
        <div>
          <dt className="label">Total dose</dt>
          <dd className="value">{quantity(derived.totalMg, 'mg')}</dd>
        </div>
        <div>
          <dt className="label">Duration</dt>
          <dd className="value">{duration === null ? 'Not known' : formatDurationMin(duration)}</dd>
        </div>
        <div>
          <dt className="label">Checks</dt>
          <dd className="value">
            {session.monitoringIntervalMin === null
              ? 'Not known'
              : `Every ${formatDurationMin(session.monitoringIntervalMin)}`}
          </dd>
        </div>
        <div>
          <dt className="label">Series</dt>
          <dd className="value">{sessionLabel(session)}</dd>
        </div>
        {plan?.computed !== null && plan?.computed !== undefined && (
          <div>
            <dt className="label">Drug</dt>
            <dd className="value" dir="auto">
              {plan.computed.drugName}
              {plan.content.concentrationMgPerMl === null
                ? ''
                : `, ${quantityText(plan.content.concentrationMgPerMl, 'mg/mL')}`}
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}
