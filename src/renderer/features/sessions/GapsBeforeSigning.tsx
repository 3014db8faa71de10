import type { SessionView } from '../../../domain/session-view';
import { formatDurationMin } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { clinicDay, entryTime } from './entry-time';
import { sessionGaps } from './session-gaps';

/**
 * What the signed record will report of the timed checks, shown where the nurse signs: each
 * stretch longer than the interval without a check, with its explanation or "not explained".
 */
export function GapsBeforeSigning({ session }: { session: SessionView }) {
  const { clinic } = useSignedIn();
  const gaps = sessionGaps(session);
  if (gaps.length === 0) return null;
  const day = clinicDay(session.createdAt, clinic.timeZone);
  const time = (instant: string) => entryTime(instant, clinic.timeZone, day);
  const unexplained = gaps.some((gap) => gap.explanation === null);
  return (
    <Notice
      tone={unexplained ? 'warning' : 'info'}
      title={
        gaps.length === 1
          ? 'One stretch longer than the interval without a check'
          : `${gaps.length} stretches longer than the interval without a check`
      }
    >
      <ul className="gap-list">
        {gaps.map((gap) => (
          <li key={`${gap.fromAt}-${gap.untilAt}`}>
            No check from {time(gap.fromAt)} to {time(gap.untilAt)} ({formatDurationMin(gap.minutes)}):{' '}
            {gap.explanation === null ? (
              <strong>not explained</strong>
            ) : (
              <span dir="auto">explained: {gap.explanation}</span>
            )}
          </li>
        ))}
      </ul>
      {unexplained && (
        <p>
          The signed record prints these as they stand. To explain one, cancel and correct the discharge (its “Correct”
          button in the timeline).
        </p>
      )}
    </Notice>
  );
}
