import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Patient } from '../../../domain/patient';
import { NotFoundPage } from '../../app/NotFoundPage';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { PatientBanner } from '../../components/PatientBanner';
import { clearDraft, readDraft } from '../../lib/drafts';
import { PatientForm } from './PatientForm';
import { formValuesFromPatient, patientFormValuesSchema } from './patient-form-values';
import { parsePatientId } from './patient-id';
import type { SavedState } from './saved-notice';

export function EditPatientPage() {
  const patientId = parsePatientId(useParams().patientId);
  if (patientId === null) return <NotFoundPage />;
  return <EditPatient key={patientId} patientId={patientId} />;
}

function EditPatient({ patientId }: { patientId: number }) {
  const { loaded } = useCall('patients.get', { patientId });
  const { clinic } = useSignedIn();
  return (
    <div className="page">
      {loaded.status === 'ready' && <PatientBanner patient={loaded.value} clinicTimeZone={clinic.timeZone} />}
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link> <span aria-hidden="true">›</span>{' '}
        <Link to={`/patients/${patientId}`}>Chart</Link>
      </p>
      <PageHeading title="Edit patient details" />
      <LoadState loaded={loaded} what="patient record" />
      {loaded.status === 'ready' && <EditForm key={loaded.value.version} patient={loaded.value} />}
    </div>
  );
}

/** Corrections go to the version that was opened; a newer save by someone else is a conflict, never overwritten. */
function EditForm({ patient }: { patient: Patient }) {
  const api = useApi();
  const navigate = useNavigate();
  const draftKey = `patient-${patient.id}-v${patient.version}`;
  const [draft] = useState(() => {
    const parsed = patientFormValuesSchema.safeParse(readDraft(draftKey));
    return parsed.success ? parsed.data : null;
  });
  const chart = `/patients/${patient.id}`;
  return (
    <>
      {draft !== null && (
        <Notice tone="info" live="status">
          Your unsaved changes from before are restored. Save them, or cancel to discard them.
        </Notice>
      )}
      <PatientForm
        initial={draft ?? formValuesFromPatient(patient)}
        draftKey={draftKey}
        submitLabel="Save changes"
        save={async (fields) =>
          api.call('patients.update', { patientId: patient.id, expectedVersion: patient.version, patient: fields })
        }
        onSaved={(saved) => {
          const state: SavedState = { saved: 'updated' };
          void navigate(`/patients/${saved.id}`, { state });
        }}
        secondaryActions={
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              clearDraft(draftKey);
              void navigate(chart);
            }}
          >
            Cancel
          </button>
        }
      />
    </>
  );
}
