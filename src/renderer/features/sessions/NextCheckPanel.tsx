import { nextCheck } from '../../../domain/infusion-session';
import { formatDurationMin } from '../../../domain/time';
import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { Icon } from '../../components/Icon';
import { clockText, spokenDuration } from './countdown';
import { clinicDay, entryTime } from './entry-time';
import { isOpen } from './session-label';
import { useServerNow } from './use-server-now';

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

/**
 * The time to the next timed check, large enough to read across the room: the monitoring
 * interval after the last check (or the start), on the server's clock. Overdue says so in
 * words and with a mark, not by colour alone, and is announced once when it happens.
 */
export function NextCheckPanel({ session }: { session: SessionView }) {
  const { clinic } = useSignedIn();
  const now = useServerNow();
  const interval = session.monitoringIntervalMin;
  const check =
    interval === null || !isOpen(session)
      ? null
      : nextCheck(ms(session.lastObservationAt), ms(session.startedAt), interval, now);
  const day = clinicDay(session.createdAt, clinic.timeZone);
  const dueAt = check === null ? '' : entryTime(new Date(check.dueAtMs).toISOString(), clinic.timeZone, day);
  const overdue = check?.overdue ?? false;
  return (
    <section
      className={overdue ? 'board-panel next-check next-check-overdue' : 'board-panel next-check'}
      aria-labelledby="next-check-title"
    >
      <h2 className="board-label" id="next-check-title">
        Timed checks
      </h2>
      {check === null ? (
        <p className="next-check-quiet">{quietText(session, interval)}</p>
      ) : overdue ? (
        <>
          <p
            className="next-check-line"
            role="timer"
            aria-label={`Check overdue by ${spokenDuration(check.remainingMs)}`}
          >
            <Icon name="warning" className="next-check-icon" />
            <span className="next-check-word">OVERDUE</span>{' '}
            <span className="next-check-time">by {clockText(check.remainingMs)}</span>
          </p>
          <p className="next-check-due">Check was due at {dueAt}. Record a check now.</p>
        </>
      ) : (
        <>
          <p className="next-check-line" role="timer" aria-label={`Next check in ${spokenDuration(check.remainingMs)}`}>
            <span className="next-check-word">Next check in</span>{' '}
            <span className="next-check-time">{clockText(check.remainingMs)}</span>
          </p>
          <p className="next-check-due">
            Due at {dueAt}: every {interval === null ? '' : formatDurationMin(interval)}
            {session.lastObservationAt === null ? ' after the start' : ' after the last check'}.
          </p>
        </>
      )}
      <p className="visually-hidden" role="status">
        {overdue ? 'The next check is overdue.' : ''}
      </p>
    </section>
  );
}

function quietText(session: SessionView, interval: number | null): string {
  if (!isOpen(session)) return 'No more checks: the patient is discharged.';
  if (interval === null) return 'The plan sets no monitoring interval. Check as the physician ordered.';
  return `The first check is due ${formatDurationMin(interval)} after the infusion starts.`;
}
