import type { MonitoringItem } from '../../../domain/session-monitoring';
import { supervisionAvailabilities, supervisionAvailabilityLabels } from '../../../domain/session-supervision';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import type { StartSupervisionValues } from './start-supervision';

interface Physician {
  userId: number;
  printedName: string;
}

interface Props {
  value: StartSupervisionValues;
  onChange: (value: StartSupervisionValues) => void;
  requiredMonitoring: readonly MonitoringItem[];
}

/** The supervising physician (and the monitoring reason) at the start, with the clinic's physicians loaded. */
export function SupervisionStartLoader(props: Props) {
  const { loaded } = useCall('sessions.physicians', {});
  if (loaded.status !== 'ready') return <LoadState loaded={loaded} what="clinic's physicians" />;
  return <SupervisionStartFields {...props} physicians={loaded.value.physicians} />;
}

/**
 * Who supervises: an active physician on site or immediately available, chosen from the
 * clinic's physicians (never typed, so the record names a user). Where the clinic requires
 * monitoring, the reason for going without any of it is asked here too.
 */
export function SupervisionStartFields({
  value,
  onChange,
  requiredMonitoring,
  physicians,
}: Props & { physicians: readonly Physician[] }) {
  const set = (change: Partial<StartSupervisionValues>) => onChange({ ...value, ...change });
  return (
    <section className="card" aria-labelledby="supervision-title">
      <h2 id="supervision-title">Supervision</h2>
      <div className="field">
        <label className="field-label" htmlFor="supervision-physician">
          Supervising physician
        </label>
        <p className="hint" id="supervision-physician-hint">
          The physician on site or immediately available during this infusion.
        </p>
        <select
          id="supervision-physician"
          className="input select"
          aria-describedby="supervision-physician-hint"
          value={value.physicianUserId}
          onChange={(event) => set({ physicianUserId: event.target.value })}
        >
          <option value="">Choose the physician</option>
          {physicians.map((physician) => (
            <option key={physician.userId} value={String(physician.userId)}>
              {physician.printedName}
            </option>
          ))}
        </select>
        {physicians.length === 0 && (
          <p className="field-error">No active physician is set up: ask your administrator.</p>
        )}
      </div>
      <fieldset className="field radio-group">
        <legend className="field-label">The physician is</legend>
        {supervisionAvailabilities.map((availability) => (
          <label key={availability} className="radio" htmlFor={`supervision-${availability}`}>
            <input
              id={`supervision-${availability}`}
              type="radio"
              name="supervision-availability"
              value={availability}
              checked={value.availability === availability}
              onChange={() => set({ availability })}
            />
            <span>{supervisionAvailabilityLabels[availability]}</span>
          </label>
        ))}
      </fieldset>
      {requiredMonitoring.length > 0 && (
        <div className="field">
          <label className="field-label" htmlFor="monitoring-reason">
            Reason for going ahead without required monitoring (only if some is not in use)
          </label>
          <textarea
            id="monitoring-reason"
            className="input textarea"
            rows={2}
            value={value.monitoringReason}
            onChange={(event) => set({ monitoringReason: event.target.value })}
          />
        </div>
      )}
    </section>
  );
}
