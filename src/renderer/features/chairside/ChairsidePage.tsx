import { Link, useParams } from 'react-router';
import { formatDateTime } from '../../../domain/time';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { MessageText } from '../../components/MessageText';
import { PageHeading } from '../../components/PageHeading';
import { PatientBanner } from '../../components/PatientBanner';
import { ChairsideConsent } from '../consents/ConsentForPlan';
import { parseRouteId } from '../../lib/route-id';
import { ChairsidePlan } from './ChairsidePlan';
import { PlanChangedAlert } from './PlanChangedAlert';
import { seriesPosition } from './series-position';
import { usePlanArrival } from './use-plan-arrival';
import { usePlanWatch } from './use-plan-watch';

export function ChairsidePage() {
  const patientId = parseRouteId(useParams().patientId);
  if (patientId === null) return <NotFoundPage />;
  return <Chairside key={patientId} patientId={patientId} />;
}

/** The read-only chairside screen: the patient's current signed plan, large, watched for changes. */
function Chairside({ patientId }: { patientId: number }) {
  const { clinic } = useSignedIn();
  const { loaded, reload } = useCall('chairside.get', { patientId });
  // Unaudited, so it may follow every change: the series position stays current. One session is
  // enough: the page carries the open session and the count per plan.
  const sessions = useCall('sessions.page', { patientId, limit: 1 }, { live: true });
  const view = loaded.status === 'ready' ? loaded.value : null;
  const plan = view?.plan ?? null;
  const version = plan?.versions.find((candidate) => candidate.id === view?.currentVersionId) ?? null;
  const status = usePlanWatch(plan?.id ?? null);
  // No plan on screen, so none can change under the nurse: a newly signed one is shown as it arrives.
  usePlanArrival(patientId, view !== null && plan === null, reload);
  const change =
    status === null || plan === null
      ? null
      : status.discontinued && plan.discontinued === null
        ? ({ kind: 'discontinued' } as const)
        : status.currentVersionId !== view?.currentVersionId
          ? ({ kind: 'amended', signedAt: status.latestSignedAt } as const)
          : null;
  return (
    <div className="page chairside">
      {view !== null && <PatientBanner patient={view.patient} clinicTimeZone={clinic.timeZone} />}
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/patients/${patientId}`}>Chart</Link>
      </p>
      <PageHeading title="Chairside plan" />
      <LoadState loaded={loaded} what="chairside plan" />
      {plan !== null && change !== null && (
        <PlanChangedAlert planRecordId={plan.id} status={change} onShowCurrent={reload} />
      )}
      {view !== null && (plan === null || version === null) && (
        <p className="chair-empty">There is no signed infusion plan for this patient.</p>
      )}
      {plan?.discontinued != null && (
        <div className="plan-discontinued" role="status">
          <p className="plan-changed-text">
            <MessageText
              text={`Discontinued on ${formatDateTime(plan.discontinued.at, clinic.timeZone)} by ${plan.discontinued.printedName}. Do not start an infusion from this plan.`}
            />
          </p>
          <p>
            <span className="label">Reason</span> <span dir="auto">{plan.discontinued.reason}</span>
          </p>
        </div>
      )}
      {plan !== null && version?.recordType === 'plan' && (
        <>
          <ChairsideConsent patientId={patientId} planRecordId={plan.id} />
          <ChairsidePlan
            version={version}
            stale={change !== null}
            position={
              sessions.loaded.status === 'ready'
                ? seriesPosition(sessions.loaded.value, plan.id, version.content.series.infusions)
                : null
            }
          />
          <p className="chair-links">
            <Link to={`/patients/${patientId}/records/${plan.id}/history`}>Version history of this plan</Link>
          </p>
        </>
      )}
    </div>
  );
}
