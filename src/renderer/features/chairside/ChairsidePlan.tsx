import type { LimitCheck } from '../../../domain/limits';
import { formatQuantity } from '../../../domain/quantity';
import type { RecordVersionView } from '../../../domain/record-view';
import { DerivationList } from '../plans/DerivationList';
import { doseText, durationText, preparationWords, seriesText } from '../plans/plan-text';
import { PumpDeliveryNote } from '../plans/PumpDeliveryNote';
import { weightUsedText } from '../plans/weight-used';
import { SignatureLines } from '../records/SignatureLines';
import { KeyFigures } from './KeyFigure';

type PlanVersion = Extract<RecordVersionView, { recordType: 'plan' }>;

/**
 * The signed plan as the nurse reads it at the chair: the pump rate largest, then the
 * volume to draw up and the other figures, each with its unit; how they were worked out; the reasons for anything
 * outside the clinic's ranges; who signed it and when. Nothing on it can be edited.
 */
export function ChairsidePlan({
  version,
  position,
  stale,
}: {
  version: PlanVersion;
  /** "Next: infusion 2 of 6", when the infusions charted are known. */
  position: string | null;
  /** The plan changed since this was opened: these figures are out of date. */
  stale: boolean;
}) {
  const { content, computed } = version;
  const line = (quantity: string) => computed?.lines.find((candidate) => candidate.quantity === quantity);
  const shown = (quantity: string) => line(quantity)?.shown ?? '';
  const concentration =
    content.concentrationMgPerMl === null ? '' : formatQuantity(content.concentrationMgPerMl, 'mg/mL');
  const reasons = (computed?.findings ?? []).filter((finding) => finding.level === 'soft');
  return (
    <div className={stale ? 'chairside-plan chairside-stale' : 'chairside-plan'}>
      <section className="chair-drug" aria-labelledby="chair-drug-title">
        <h2 id="chair-drug-title" className="visually-hidden">
          Drug
        </h2>
        <p className="chair-drug-name" dir="auto">
          {computed?.drugName ?? content.drugId} <span className="chair-drug-strength">{concentration}</span>
        </p>
        <p className="chair-diluent" dir="auto">
          {preparationWords(content)}
        </p>
      </section>
      <section aria-labelledby="chair-figures-title">
        <h2 id="chair-figures-title" className="chair-section-title">
          {stale ? (
            <>
              <span className="out-of-date">Out of date</span> Figures of the plan as it was opened
            </>
          ) : (
            'Figures'
          )}
        </h2>
        <KeyFigures
          figures={[
            // The rate in the named pump's steps; plans signed before pumps were named have only mL/h.
            { label: 'Pump rate', shown: shown('pumpRateMlPerH') || shown('rateMlPerH'), primary: true },
            // What the nurse draws up, as large as the figures it is checked against, named as
            // in "How the figures were worked out" below.
            { label: line('drugVolumeMl')?.label ?? 'Drug volume to add', shown: shown('drugVolumeMl') },
            { label: 'Total dose', shown: shown('totalMg') },
            { label: 'Rate', shown: shown('rateMgPerH') },
            { label: 'Duration', shown: durationText(content.durationMin) },
            { label: 'Observations every', shown: durationText(content.monitoringIntervalMin) },
          ]}
        />
        <PumpDeliveryNote delivery={computed?.delivery ?? null} />
      </section>
      <div className="chair-columns">
        <section aria-labelledby="chair-how-title">
          <h2 id="chair-how-title" className="chair-section-title">
            How the figures were worked out
          </h2>
          <p className="chair-fact">
            <span className="label">Dose</span> <span className="value">{doseText(content)}</span>
          </p>
          <p className="chair-fact">
            <span className="label">Weight used</span> <span className="value">{weightUsedText(content.weight)}</span>
          </p>
          <DerivationList lines={computed?.lines ?? []} />
        </section>
        <section aria-labelledby="chair-series-title">
          <h2 id="chair-series-title" className="chair-section-title">
            Series
          </h2>
          <p className="chair-series">{seriesText(content.series)}</p>
          {position !== null && <p className="chair-position">{position}</p>}
          {reasons.length > 0 && (
            <>
              <h2 className="chair-section-title">Outside the clinic&apos;s configured ranges</h2>
              <ul className="chair-reasons">
                {reasons.map((finding) => (
                  <li key={finding.check}>
                    <p>{finding.message}</p>
                    <p>
                      <span className="label">Reason given</span>{' '}
                      <span className="value" dir="auto">
                        {content.overrideReasons[finding.check as LimitCheck] ?? 'None'}
                      </span>
                    </p>
                  </li>
                ))}
              </ul>
            </>
          )}
          <h2 className="chair-section-title">Medication notes</h2>
          <dl className="chair-notes">
            <dt className="label">Premedication</dt>
            <dd dir="auto">{content.premedication.trim() === '' ? 'None recorded' : content.premedication}</dd>
            <dt className="label">Rescue medication</dt>
            <dd dir="auto">{content.rescueMedication.trim() === '' ? 'None recorded' : content.rescueMedication}</dd>
            {content.notes.trim() !== '' && (
              <>
                <dt className="label">Notes</dt>
                <dd dir="auto">{content.notes}</dd>
              </>
            )}
          </dl>
        </section>
      </div>
      <section className="chair-signed" aria-labelledby="chair-signed-title">
        <h2 id="chair-signed-title" className="chair-section-title">
          Signed plan, version {version.version} ({version.displayStatus.toLowerCase()})
        </h2>
        {version.amendmentReason !== null && (
          <p className="chair-fact">
            <span className="label">Reason for the amendment</span>{' '}
            <span className="value" dir="auto">
              {version.amendmentReason}
            </span>
          </p>
        )}
        <SignatureLines signatures={version.signatures} />
      </section>
    </div>
  );
}
