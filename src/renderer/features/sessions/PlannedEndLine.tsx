import type { PlannedEnd } from '../../../domain/session-planned-end';
import { formatDurationMin } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { Icon } from '../../components/Icon';
import { clinicDay, entryTime } from './entry-time';

/**
 * When the infusion should end by the plan (start + planned duration + time paused), large
 * enough to read across the room; past it, "Over time" in words and with a mark, not by
 * colour alone.
 */
export function PlannedEndLine({ end, durationMin, day }: { end: PlannedEnd; durationMin: number; day: string }) {
  const { clinic } = useSignedIn();
  const time = (instant: string) => entryTime(instant, clinic.timeZone, clinicDay(day, clinic.timeZone));
  const paused = end.pausedMin === 0 ? '' : ` + ${formatDurationMin(end.pausedMin)} paused`;
  return (
    <>
      <p className="pump-planned-end">
        <span className="pump-planned-end-label">Planned end</span>{' '}
        <span className="pump-planned-end-time">{time(end.plannedEndAt)}</span>
      </p>
      <p className="pump-planned-end-rule">
        Start {time(end.startedAt)} + {formatDurationMin(durationMin)} planned{paused}.
      </p>
      {end.overTimeMin > 0 && (
        <p className="deviation pump-over-time">
          <Icon name="warning" className="deviation-icon" />
          <span>
            <strong>Over time by {formatDurationMin(end.overTimeMin)}:</strong> the planned end was{' '}
            {time(end.plannedEndAt)}.
          </span>
        </p>
      )}
    </>
  );
}
