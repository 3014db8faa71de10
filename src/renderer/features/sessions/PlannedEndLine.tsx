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
  // On another day than the session's (an infusion across midnight) the time carries its date:
  // smaller, so the large time still fits the panel on a 768 px tablet.
  const shown = time(end.plannedEndAt);
  const dated = /^(\d{2}-[A-Z][a-z]{2}-\d{4}) (\d{2}:\d{2})$/.exec(shown);
  const date = dated?.[1] ?? null;
  const clock = dated?.[2] ?? shown;
  return (
    <>
      <p className="pump-planned-end">
        <span className="pump-planned-end-label">Planned end</span>{' '}
        <span className="pump-planned-end-time">
          {date !== null && <span className="pump-planned-end-day">{date} </span>}
          {clock}
        </span>
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
