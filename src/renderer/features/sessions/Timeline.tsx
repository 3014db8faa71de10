import { infusionFinishedAt, isRecoveryCheck } from '../../../domain/recovery-checks';
import type { SessionView } from '../../../domain/session-view';
import { mayCall } from '../../app/permissions';
import { useSignedIn } from '../../app/sign-in-context';
import { clinicDay, entryTime, zoneOffsetText } from './entry-time';
import type { PlanVersion } from './plan-version';
import { TimelineEntry } from './TimelineEntry';

/** Every entry of the session in the order things happened, corrections and corrected ones alike. */
export function Timeline({
  session,
  plan = null,
  onCorrect,
}: {
  session: SessionView;
  /** The plan charted against: a volume infused is then also given in the mg it carries. */
  plan?: PlanVersion | null;
  onCorrect: (entryId: number) => void;
}) {
  const { user, clinic } = useSignedIn();
  const day = clinicDay(session.createdAt, clinic.timeZone);
  const context = {
    plannedRateMlPerH: session.plannedRateMlPerH,
    time: (instant: string) => entryTime(instant, clinic.timeZone, day),
    plan: plan?.content ?? null,
  };
  const byId = new Map(session.entries.map((entry) => [entry.id, entry]));
  const mayCorrect = mayCall(user.role, 'sessions.correct');
  const finishedAt = infusionFinishedAt(session.entries);
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">Timeline</h2>
      <p className="hint">
        Clinic time ({zoneOffsetText(session.createdAt, clinic.timeZone)}). “Happened” is when it happened; “charted” is
        when it was saved. Corrections never erase: the original stays, struck through.
      </p>
      <ol className="timeline">
        {session.entries.map((entry) => (
          <TimelineEntry
            key={entry.id}
            entry={entry}
            correctedBy={entry.correctedByEntryId === null ? null : (byId.get(entry.correctedByEntryId) ?? null)}
            corrects={entry.correctsEntryId === null ? null : (byId.get(entry.correctsEntryId) ?? null)}
            context={context}
            onCorrect={mayCorrect && entry.correctedByEntryId === null ? () => onCorrect(entry.id) : null}
            recovery={isRecoveryCheck(entry, finishedAt)}
          />
        ))}
      </ol>
    </section>
  );
}
