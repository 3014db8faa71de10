import { Link } from 'react-router';
import { useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { currentSignedPlan } from './plan-version';
import { isOpen, sessionLabel } from './session-label';
import { SessionList } from './SessionList';

/**
 * The patient's infusion sessions on the chart, with the way to start the next one: a nurse
 * starts from the current signed plan, one session at a time, within the plan's series.
 */
export function InfusionSessionsSection({ patientId }: { patientId: number }) {
  const { user } = useSignedIn();
  const sessions = useCall('sessions.list', { patientId }, { live: true });
  const records = useCall('records.list', { patientId }, { live: true });
  const list = sessions.loaded.status === 'ready' ? sessions.loaded.value.sessions : [];
  const plan = records.loaded.status === 'ready' ? currentSignedPlan(records.loaded.value.records) : null;
  const open = list.find(isOpen);
  const charted = plan === null ? 0 : list.filter((session) => session.planRecordId === plan.record.id).length;
  const total = plan?.version.content.series.infusions ?? null;
  const canStart = user.role === 'nurse' && plan !== null && open === undefined && (total === null || charted < total);
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
          {list.length > 0 && (
            <Link className="button button-secondary" to={`/patients/${patientId}/course`}>
              Course of infusions
            </Link>
          )}
        </div>
      </div>
      {sessions.loaded.status !== 'ready' ? (
        <LoadState loaded={sessions.loaded} what="infusion sessions" />
      ) : list.length === 0 ? (
        <p className="value-unknown">No infusion sessions charted yet.</p>
      ) : (
        <SessionList patientId={patientId} sessions={[...list].reverse()} />
      )}
      {user.role === 'nurse' && records.loaded.status === 'ready' && plan === null && (
        <p className="hint">No infusion can start yet: the patient has no current signed infusion plan.</p>
      )}
    </section>
  );
}
