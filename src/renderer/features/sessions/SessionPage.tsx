import { Link, useParams } from 'react-router';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { parseRouteId } from '../../lib/route-id';
import { planVersionOf } from './plan-version';
import { SessionScreen } from './SessionScreen';

export function SessionPage() {
  const params = useParams();
  const patientId = parseRouteId(params.patientId);
  const sessionId = parseRouteId(params.sessionId);
  if (patientId === null || sessionId === null) return <NotFoundPage />;
  return <SessionLoader key={`${patientId}-${sessionId}`} patientId={patientId} sessionId={sessionId} />;
}

/** Opening a session record is audited by the back end: who looked at which record, when. */
function SessionLoader({ patientId, sessionId }: { patientId: number; sessionId: number }) {
  const patient = useCall('patients.get', { patientId });
  const session = useCall('sessions.get', { sessionId });
  const records = useCall('records.list', { patientId });
  const failed = [patient.loaded, session.loaded].find((loaded) => loaded.status !== 'ready');
  if (failed !== undefined || patient.loaded.status !== 'ready' || session.loaded.status !== 'ready') {
    return (
      <div className="page">
        <p className="breadcrumb">
          <Link to={`/patients/${patientId}`}>Back to the chart</Link>
        </p>
        <LoadState loaded={failed ?? { status: 'loading' }} what="infusion session" />
      </div>
    );
  }
  const view = session.loaded.value;
  if (view.patientId !== patientId) return <NotFoundPage />;
  // The plan's extra figures (dose rate, duration) are a help, not a need: the screen works without them.
  const plan =
    records.loaded.status === 'ready'
      ? planVersionOf(records.loaded.value.records, view.planRecordId, view.planVersionId)
      : null;
  return <SessionScreen patient={patient.loaded.value} session={view} plan={plan} onChange={session.replace} />;
}
