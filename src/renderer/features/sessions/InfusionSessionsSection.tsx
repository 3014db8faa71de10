import { Link } from 'react-router';
import { useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { currentSignedPlan } from './plan-version';
import { sessionLabel } from './session-label';
import { SessionPagesList } from './SessionPagesList';
import { useSessionPages } from './use-session-pages';

/**
 * The patient's infusion sessions on the chart, newest first a page at a time, with the way to
 * start the next one: a nurse starts from the current signed plan, one session at a time, within
 * the plan's series.
 */
export function InfusionSessionsSection({ patientId }: { patientId: number }) {
  const { user } = useSignedIn();
  const pages = useSessionPages(patientId);
  const records = useCall('records.list', { patientId }, { live: true });
  const first = pages.first.status === 'ready' ? pages.first.value : null;
  const plan = records.loaded.status === 'ready' ? currentSignedPlan(records.loaded.value.records) : null;
  const open = first?.open ?? undefined;
  const charted =
    plan === null ? 0 : (first?.series.find((series) => series.planRecordId === plan.record.id)?.charted ?? 0);
  const total = plan?.version.content.series.infusions ?? null;
  const canStart =
    user.role === 'nurse' &&
    first !== null &&
    plan !== null &&
    open === undefined &&
    (total === null || charted < total);
  return (
    <section className="card" aria-labelledby="sessions-title">
      <div className="section-heading">
        <h2 id="sessions-title">Infusion sessions</h2>
        <div className="sessions-heading-actions">
          {open !== undefined && (
            <Link className="button button-primary" to={`/patients/${patientId}/sessions/${open.id}`}>
              Continue {sessionLabel(open)}
            </Link>
          )}
          {canStart && (
            <Link className="button button-primary" to={`/patients/${patientId}/sessions/new`}>
              Start infusion session
            </Link>
          )}
          {first !== null && first.total > 0 && (
            <Link className="button button-secondary" to={`/patients/${patientId}/course`}>
              Course of infusions
            </Link>
          )}
        </div>
      </div>
      {first === null ? (
        <LoadState loaded={pages.first} what="infusion sessions" />
      ) : first.total === 0 ? (
        <p className="value-unknown">No infusion sessions charted yet.</p>
      ) : (
        <SessionPagesList patientId={patientId} total={first.total} pages={pages} />
      )}
      {user.role === 'nurse' && records.loaded.status === 'ready' && plan === null && (
        <p className="hint">No infusion can start yet: the patient has no current signed infusion plan.</p>
      )}
    </section>
  );
}
