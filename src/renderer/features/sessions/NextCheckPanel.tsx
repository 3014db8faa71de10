import { timedCheckState } from '../../../domain/session-timed-checks';
import { formatDurationMin } from '../../../domain/time';
import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { Icon } from '../../components/Icon';
import { clockText, spokenDuration } from './countdown';
import { clinicDay, entryTime } from './entry-time';
import { isOpen } from './session-label';
import { useServerNow } from './use-server-now';

/**
 * The time to the next timed check, large enough to read across the room: the monitoring
 * interval after the last check (or the start), on the server's clock. Overdue says so in
 * words and with a mark, not by colour alone, and is announced once when it happens. Once
 * the infusion has ended or been stopped the countdown stops, unless the clinic sets a recovery
 * check interval: then recovery checks count down from the stop until the discharge.
 */
export function NextCheckPanel({ session }: { session: SessionView }) {
  const { clinic } = useSignedIn();
  const now = useServerNow();
  const interval = session.monitoringIntervalMin;
  const state = timedCheckState(session.entries, interval, now, session.recoveryCheckIntervalMin ?? null);
  const check = isOpen(session) && (state.kind === 'due' || state.kind === 'recovery-due') ? state : null;
  const recovery = check?.kind === 'recovery-due';
  const day = clinicDay(session.createdAt, clinic.timeZone);
  const time = (instant: string) => entryTime(instant, clinic.timeZone, day);
  const dueAt = check === null ? '' : time(check.dueAt);
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
        isOpen(session) && state.kind === 'finished' ? (
          <>
            <p className="next-check-quiet">
              {state.by === 'stop' ? 'The infusion was stopped early at' : 'The infusion ended at'} {time(state.at)}:
              timed checks have stopped.
            </p>
            <p className="next-check-due">
              Recovery checks are optional: record one with “Record a check” if your clinic’s flow asks for it.
            </p>
          </>
        ) : (
          <p className="next-check-quiet">{quietText(session, interval)}</p>
        )
      ) : overdue ? (
        <>
          <p
            className="next-check-line"
            role="timer"
            aria-label={`${recovery ? 'Recovery check' : 'Check'} overdue by ${spokenDuration(check.remainingMs)}`}
          >
            <Icon name="warning" className="next-check-icon" />
            <span className="next-check-word">{recovery ? 'RECOVERY CHECK OVERDUE' : 'OVERDUE'}</span>{' '}
            <span className="next-check-time">by {clockText(check.remainingMs)}</span>
          </p>
          <p className="next-check-due">
            {recovery ? 'Recovery check' : 'Check'} was due at {dueAt}. Record a check now.
          </p>
        </>
      ) : (
        <>
          <p
            className="next-check-line"
            role="timer"
            aria-label={`Next ${recovery ? 'recovery check' : 'check'} in ${spokenDuration(check.remainingMs)}`}
          >
            <span className="next-check-word">{recovery ? 'Next recovery check in' : 'Next check in'}</span>{' '}
            <span className="next-check-time">{clockText(check.remainingMs)}</span>
          </p>
          <p className="next-check-due">
            {check.kind === 'recovery-due'
              ? `Next recovery check due at ${dueAt}: every ${formatDurationMin(session.recoveryCheckIntervalMin ?? 0)} ${check.after === 'stop' ? 'after the infusion stopped' : 'after the last recovery check'}, until the discharge.`
              : `Due at ${dueAt}: every ${interval === null ? '' : formatDurationMin(interval)}${check.after === 'start' ? ' after the start' : ' after the last check'}.`}
          </p>
        </>
      )}
      <p className="visually-hidden" role="status">
        {overdue ? `The next ${recovery ? 'recovery check' : 'check'} is overdue.` : ''}
      </p>
    </section>
  );
}

function quietText(session: SessionView, interval: number | null): string {
  if (!isOpen(session)) return 'No more checks: the patient is discharged.';
  if (interval === null) return 'The plan sets no monitoring interval. Check as the physician ordered.';
  return `The first check is due ${formatDurationMin(interval)} after the infusion starts.`;
}
