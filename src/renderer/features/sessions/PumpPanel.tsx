import { toDecimal } from '../../../domain/quantity';
import { plannedEnd } from '../../../domain/session-planned-end';
import { quantityText } from '../../../domain/quantity-text';
import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { Icon } from '../../components/Icon';
import { clinicDay, entryTime } from './entry-time';
import type { PumpNow, PumpState } from './pump-now';
import { pumpNow } from './pump-now';
import { PlannedEndLine } from './PlannedEndLine';
import { useServerNow } from './use-server-now';

const stateWords: Record<PumpState, string> = {
  'not-started': 'Not started',
  running: 'Running',
  paused: 'Paused',
  stopped: 'Stopped',
  ended: 'Ended',
};

/** "Running since 14:05, as the plan says." / "Ended at 15:02. Volume infused 100.7 mL." */
function stateLine(pump: PumpNow, since: string | null, asPlanned: boolean): string {
  if (pump.state === 'not-started') return 'Start it here once the pump is set.';
  const at =
    since === null ? '' : pump.state === 'running' || pump.state === 'paused' ? ` since ${since}` : ` at ${since}`;
  const rate = pump.rateMlPerH === null ? '' : quantityText(pump.rateMlPerH, 'mL/h');
  if (pump.state === 'running') return `Running${at}${asPlanned ? ', as the plan says.' : '.'}`;
  if (pump.state === 'paused') return `Paused${at}. Last rate ${rate}.`;
  const volume = pump.volumeInfusedMl === null ? '' : ` Volume infused ${quantityText(pump.volumeInfusedMl, 'mL')}.`;
  return `${stateWords[pump.state]}${at}.${volume}`;
}

/** What the pump is doing as charted; a running rate off the plan is said in words, with its reason. */
export function PumpPanel({ session }: { session: SessionView }) {
  const { clinic } = useSignedIn();
  const now = useServerNow();
  const pump = pumpNow(session.entries);
  const end = plannedEnd(session.entries, session.plannedDurationMin ?? null, now);
  const planned = session.plannedRateMlPerH;
  const deviates = pump.rateMlPerH !== null && planned !== null && !toDecimal(pump.rateMlPerH).equals(planned);
  const since =
    pump.since === null ? null : entryTime(pump.since, clinic.timeZone, clinicDay(session.createdAt, clinic.timeZone));
  const running = pump.state === 'running' && pump.rateMlPerH !== null;
  return (
    <section className="board-panel pump-now" aria-labelledby="pump-now-title">
      <h2 className="board-label" id="pump-now-title">
        Pump as charted
      </h2>
      <p className="board-figure">{running ? quantityText(pump.rateMlPerH ?? '0', 'mL/h') : stateWords[pump.state]}</p>
      <p className="pump-since">{stateLine(pump, since, !deviates)}</p>
      {end !== null && (
        <PlannedEndLine end={end} durationMin={session.plannedDurationMin ?? 0} day={session.createdAt} />
      )}
      {(running || pump.state === 'paused') && deviates && planned !== null && pump.rateMlPerH !== null && (
        <p className="deviation">
          <Icon name="warning" className="deviation-icon" />
          <span>
            <strong>Differs from the plan:</strong> charted {quantityText(pump.rateMlPerH, 'mL/h')}, plan{' '}
            {quantityText(planned, 'mL/h')}. Reason: <span dir="auto">{pump.rateReason || 'Not known'}</span>
          </span>
        </p>
      )}
    </section>
  );
}
