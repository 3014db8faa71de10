import { supervisionTimeline } from '../../../domain/session-supervision';
import { supervisionText } from '../../../domain/supervision-text';
import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { clinicDay, entryTime } from './entry-time';

/** "Supervised by": each physician from when (and until a handover), in the order they took over. */
export function SupervisionPanel({ session }: { session: SessionView }) {
  const { clinic } = useSignedIn();
  const periods = supervisionTimeline(session.entries);
  const day = clinicDay(session.createdAt, clinic.timeZone);
  const time = (instant: string) => entryTime(instant, clinic.timeZone, day);
  return (
    <section className="card" aria-labelledby="supervised-by-title">
      <h2 id="supervised-by-title">Supervised by</h2>
      {periods.length === 0 ? (
        <p>Not recorded (this session started before the supervising physician was recorded).</p>
      ) : (
        <ul>
          {periods.map((period) => (
            <li key={`${period.fromAt}-${period.physicianUserId}`}>
              {supervisionText(period)} from {time(period.fromAt)}
              {period.untilAt === null ? '' : ` until ${time(period.untilAt)}`}
              {period.note === '' ? '' : `: ${period.note}`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
