import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { ConsentRequirement } from '../../../domain/consent';
import type { MethodOutput } from '../../../contract/methods';
import type { Patient } from '../../../domain/patient';
import { formatPatientName } from '../../../domain/patient';
import type { RecordView } from '../../../domain/record-view';
import type { MonitoringItem } from '../../../domain/session-monitoring';
import type { TimingFinding } from '../../../domain/session-timing';
import { lastInfusionBefore, startTimingFindings } from '../../../domain/session-timing';
import type { SessionPage } from '../../../domain/session-list-item';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { PatientBanner } from '../../components/PatientBanner';
import { parseRouteId } from '../../lib/route-id';
import { serverNow } from '../../lib/server-clock';
import { usePageTitle } from '../../lib/use-page-title';
import { ChecklistEditor } from './ChecklistEditor';
import { blankStartSupervision, startSupervisionInput } from './start-supervision';
import { SupervisionStartLoader } from './SupervisionStartFields';
import { PlanSource } from './PlanSource';
import { currentSignedPlan } from './plan-version';
import { ConsentNeedList, missingConsents, recordConsentPath } from '../consents/ConsentForPlan';

type ConsentPlans = MethodOutput<'consents.forPatient'>['plans'];
import { sessionLabel } from './session-label';
import { sessionPageSize } from './use-session-pages';

export function StartSessionPage() {
  const patientId = parseRouteId(useParams().patientId);
  if (patientId === null) return <NotFoundPage />;
  return <StartLoader key={patientId} patientId={patientId} />;
}

function StartLoader({ patientId }: { patientId: number }) {
  const patient = useCall('patients.get', { patientId });
  const records = useCall('records.list', { patientId });
  // The newest page: the open session, the count per plan, and the latest starts (for the interval check).
  const sessions = useCall('sessions.page', { patientId, limit: sessionPageSize });
  const consents = useCall('consents.forPatient', { patientId });
  const consentRule = useCall('consents.documents', {});
  const settings = useCall('clinic.sessionConfiguration.get', {});
  const loads = [patient.loaded, records.loaded, sessions.loaded, consents.loaded, consentRule.loaded, settings.loaded];
  const pending = loads.find((loaded) => loaded.status !== 'ready');
  if (
    pending !== undefined ||
    patient.loaded.status !== 'ready' ||
    records.loaded.status !== 'ready' ||
    sessions.loaded.status !== 'ready' ||
    consents.loaded.status !== 'ready' ||
    consentRule.loaded.status !== 'ready' ||
    settings.loaded.status !== 'ready'
  ) {
    return (
      <div className="page">
        <p className="breadcrumb">
          <Link to={`/patients/${patientId}`}>Back to the chart</Link>
        </p>
        <LoadState loaded={pending ?? { status: 'loading' }} what="patient record" />
      </div>
    );
  }
  return (
    <StartSession
      patient={patient.loaded.value}
      records={records.loaded.value.records}
      sessions={sessions.loaded.value}
      consent={{ plans: consents.loaded.value.plans, requirement: consentRule.loaded.value.settings.requirement }}
      requiredMonitoring={settings.loaded.value.content.requiredMonitoring?.items ?? []}
    />
  );
}

/** The pre-infusion checklist, which starts the next infusion of the patient's current signed plan. */
function StartSession({
  patient,
  records,
  sessions,
  consent,
  requiredMonitoring,
}: {
  patient: Patient;
  records: readonly RecordView[];
  sessions: SessionPage;
  /** What each plan in force needs of informed consent, and whether the clinic refuses or warns. */
  consent: { plans: ConsentPlans; requirement: ConsentRequirement };
  /** What the clinic's session settings require in use (the server checks it too). */
  requiredMonitoring: readonly MonitoringItem[];
}) {
  const [consentAcknowledgement, setConsentAcknowledgement] = useState('');
  const [supervision, setSupervision] = useState(blankStartSupervision);
  const api = useApi();
  const navigate = useNavigate();
  const { clinic } = useSignedIn();
  usePageTitle(`${formatPatientName(patient)} · Start infusion session`);
  const plan = currentSignedPlan(records);
  const open = sessions.open ?? undefined;
  const chartedOnPlan =
    plan === null ? 0 : (sessions.series.find((series) => series.planRecordId === plan.record.id)?.charted ?? 0);
  const total = plan?.version.content.series.infusions ?? null;
  const next = { seriesNumber: chartedOnPlan + 1, seriesTotal: total };
  const chart = `/patients/${patient.id}`;
  // The server applies the same rule (domain/session-timing.ts) and stores the reason given.
  const timingFindings = (occurredAt: string): TimingFinding[] =>
    plan === null
      ? []
      : startTimingFindings({
          occurredAt,
          zone: clinic.timeZone,
          planSignedAt: plan.version.signedAt,
          intervalDays: plan.version.content.series.intervalDays,
          seriesTotal: total,
          chartedOnPlan,
          // The newest page holds the latest starts; the server checks against every session.
          lastInfusionAt: lastInfusionBefore(sessions.sessions, occurredAt),
        });
  const now = timingFindings(serverNow().toISOString());
  const missing =
    plan === null
      ? []
      : missingConsents(consent.plans.find((item) => item.planRecordId === plan.record.id)?.needs ?? []);
  const consentBlocks = missing.length > 0 && consent.requirement === 'required';
  return (
    <div className="page">
      <PatientBanner patient={patient} clinicTimeZone={clinic.timeZone} />
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link> › <Link to={chart}>Chart</Link>
      </p>
      <PageHeading title="Start infusion session" />
      {plan === null ? (
        <Notice tone="warning" title="No current signed plan">
          An infusion starts only from a signed, current infusion plan. Ask the physician to sign the plan.
        </Notice>
      ) : open !== undefined ? (
        <Notice tone="warning" title={`${sessionLabel(open)} is still open`}>
          Finish and discharge it first.{' '}
          <Link to={`/patients/${patient.id}/sessions/${open.id}`}>Open {sessionLabel(open)}</Link>
        </Notice>
      ) : consentBlocks ? (
        <Notice tone="error" title="No current informed consent for this series: the infusion cannot start">
          <ConsentNeedList needs={missing} />
          <p>
            <Link to={recordConsentPath(patient.id, plan.record.id)}>Record the patient’s consent</Link>, then start the
            infusion.
          </p>
        </Notice>
      ) : (
        <>
          {missing.length > 0 && (
            <Notice tone="warning" title="No current informed consent for this series">
              <ConsentNeedList needs={missing} />
              <p>
                <Link to={recordConsentPath(patient.id, plan.record.id)}>Record the patient’s consent</Link>, or say why
                the infusion goes ahead without it (kept in the audit trail).
              </p>
              <div className="field">
                <label className="field-label" htmlFor="consent-acknowledgement">
                  Reason for going ahead without a current consent
                </label>
                <textarea
                  id="consent-acknowledgement"
                  className="input textarea"
                  rows={2}
                  value={consentAcknowledgement}
                  onChange={(event) => setConsentAcknowledgement(event.target.value)}
                />
              </div>
            </Notice>
          )}
          {now.length > 0 && (
            <Notice tone="warning" title="Before you start: the signed plan does not allow an infusion now">
              <ul className="timing-findings">
                {now.map((finding) => (
                  <li key={finding.code}>{finding.message}</li>
                ))}
              </ul>
              <p>
                Check with the physician. To go ahead, give the reason below the checklist: it is stored with the
                session and printed in its signed record.
              </p>
            </Notice>
          )}
          <PlanSource plan={plan.version} next={sessionLabel(next)} />
          <SupervisionStartLoader
            value={supervision}
            onChange={setSupervision}
            requiredMonitoring={requiredMonitoring}
          />
          <ChecklistEditor
            patient={patient}
            draftKey={`start-session-${patient.id}-${plan.record.id}`}
            correcting={null}
            save={(request) =>
              api.call('sessions.start', {
                planRecordId: plan.record.id,
                planVersionId: plan.version.id,
                occurredAt: request.occurredAt,
                checklist: request.body,
                ...(request.timingReason === undefined ? {} : { timingReason: request.timingReason }),
                ...(missing.length > 0 ? { consentAcknowledgement } : {}),
                ...startSupervisionInput(supervision, requiredMonitoring),
              })
            }
            timingFindings={timingFindings}
            onSaved={(view) => void navigate(`/patients/${patient.id}/sessions/${view.id}`, { replace: true })}
            onCancel={() => void navigate(chart)}
          />
        </>
      )}
    </div>
  );
}
