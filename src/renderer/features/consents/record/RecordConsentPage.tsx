import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import type { MethodOutput } from '../../../../contract/methods';
import type { Patient } from '../../../../domain/patient';
import { formatPatientName } from '../../../../domain/patient';
import type { RecordView } from '../../../../domain/record-view';
import { NotFoundPage } from '../../../app/NotFoundPage';
import { useSignedIn } from '../../../app/sign-in-context';
import { useCall } from '../../../app/use-call';
import { LoadState } from '../../../components/LoadState';
import { Notice } from '../../../components/Notice';
import { PageHeading } from '../../../components/PageHeading';
import { PatientBanner } from '../../../components/PatientBanner';
import { parseRouteId } from '../../../lib/route-id';
import { usePageTitle } from '../../../lib/use-page-title';
import { planLabel } from './consent-plans';
import { RecordConsentForm } from './RecordConsentForm';
import './consent-record.css';

/** /patients/:patientId/consents/new?plan=ID: recording a patient's informed consent on screen. */
export function RecordConsentPage() {
  const patientId = parseRouteId(useParams().patientId);
  const planParam = parseRouteId(useSearchParams()[0].get('plan') ?? undefined);
  if (patientId === null) return <NotFoundPage />;
  return <RecordConsentLoader key={patientId} patientId={patientId} planRecordId={planParam} />;
}

function RecordConsentLoader({ patientId, planRecordId }: { patientId: number; planRecordId: number | null }) {
  const patient = useCall('patients.get', { patientId });
  const documents = useCall('consents.documents', {});
  const consents = useCall('consents.forPatient', { patientId });
  const records = useCall('records.list', { patientId });
  const [round, setRound] = useState(0);
  const loads = [patient.loaded, documents.loaded, consents.loaded, records.loaded];
  const pending = loads.find((loaded) => loaded.status !== 'ready');
  if (
    pending !== undefined ||
    patient.loaded.status !== 'ready' ||
    documents.loaded.status !== 'ready' ||
    consents.loaded.status !== 'ready' ||
    records.loaded.status !== 'ready'
  ) {
    return (
      <div className="page">
        <p className="breadcrumb">
          <Link to={`/patients/${patientId}`}>Back to the chart</Link>
        </p>
        <LoadState loaded={pending ?? { status: 'loading' }} what="consent" />
      </div>
    );
  }
  return (
    <RecordConsentView
      // A new text (after a refusal because it changed) starts the form again: the signer reads it anew.
      key={`${round}-${documents.loaded.value.documents.map(({ current }) => current.id).join(',')}`}
      patient={patient.loaded.value}
      documents={documents.loaded.value}
      consents={consents.loaded.value}
      records={records.loaded.value.records}
      planRecordId={planRecordId}
      onTextChanged={() => {
        documents.reload();
        consents.reload();
        setRound((count) => count + 1);
      }}
    />
  );
}

/** Which document a plan still needs, to open the form on it. */
function firstNeeded(
  consents: MethodOutput<'consents.forPatient'>,
  planRecordId: number | null,
  documentVersionIds: readonly number[],
): number | null {
  const plan = consents.plans.find((candidate) => candidate.planRecordId === planRecordId);
  const need = plan?.needs.find((candidate) => !candidate.satisfied) ?? plan?.needs[0];
  if (need !== undefined && documentVersionIds.includes(need.currentVersionId)) return need.currentVersionId;
  return documentVersionIds.length === 1 ? (documentVersionIds[0] ?? null) : null;
}

export function RecordConsentView({
  patient,
  documents,
  consents,
  records,
  planRecordId,
  onTextChanged,
}: {
  patient: Patient;
  documents: MethodOutput<'consents.documents'>;
  consents: MethodOutput<'consents.forPatient'>;
  records: readonly RecordView[];
  planRecordId: number | null;
  onTextChanged: () => void;
}) {
  const navigate = useNavigate();
  const { clinic } = useSignedIn();
  usePageTitle(`${formatPatientName(patient)} · Record consent`);
  const chart = `/patients/${patient.id}`;
  const current = documents.documents.map(({ current: version }) => version);
  const plans = consents.plans.map((plan) => ({
    planRecordId: plan.planRecordId,
    label: planLabel(records, plan.planRecordId, clinic.timeZone),
  }));
  const plan = plans.some((candidate) => candidate.planRecordId === planRecordId) ? planRecordId : null;
  return (
    <div className="page">
      <PatientBanner patient={patient} clinicTimeZone={clinic.timeZone} />
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link> › <Link to={chart}>Chart</Link>
      </p>
      <PageHeading title="Record consent" />
      {current.length === 0 ? (
        <Notice tone="warning" title="The clinic has no consent text yet">
          An administrator writes the clinic’s consent documents first.
        </Notice>
      ) : (
        <RecordConsentForm
          patient={patient}
          documents={current}
          plans={plans}
          initialDocumentVersionId={firstNeeded(
            consents,
            plan,
            current.map((version) => version.id),
          )}
          initialPlanRecordId={plan ?? (plans.length === 1 ? (plans[0]?.planRecordId ?? null) : null)}
          onRecorded={(consentId) => void navigate(chart, { state: { consentRecorded: consentId } })}
          onTextChanged={onTextChanged}
        />
      )}
    </div>
  );
}
