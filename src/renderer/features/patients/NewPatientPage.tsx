import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useApi } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { clearDraft, readDraft } from '../../lib/drafts';
import { PatientForm } from './PatientForm';
import type { PatientFormValues } from './patient-form-values';
import { emptyPatientForm, patientFormValuesSchema } from './patient-form-values';
import type { SavedState } from './saved-notice';

const draftKey = 'new-patient';

function restoredDraft(): PatientFormValues | null {
  const parsed = patientFormValuesSchema.safeParse(readDraft(draftKey));
  return parsed.success ? parsed.data : null;
}

/** A new chart. What is typed is kept as a draft in this window until saved or discarded. */
export function NewPatientPage() {
  const api = useApi();
  const navigate = useNavigate();
  const [start] = useState(restoredDraft);
  // Discarding remounts the form empty.
  const [generation, setGeneration] = useState(0);
  const [restored, setRestored] = useState(start !== null);

  const discard = () => {
    clearDraft(draftKey);
    setRestored(false);
    setGeneration((count) => count + 1);
  };

  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/patients">Patients</Link>
      </p>
      <PageHeading title="New patient" />
      {restored && (
        <Notice tone="info" live="status">
          Your unsaved entries from before are restored. Save them, or discard the draft to start again.
        </Notice>
      )}
      <PatientForm
        key={generation}
        initial={generation === 0 && start !== null ? start : emptyPatientForm}
        draftKey={draftKey}
        submitLabel="Create patient"
        save={async (patient) => api.call('patients.create', { patient })}
        onSaved={(patient) => {
          const state: SavedState = { saved: 'created' };
          void navigate(`/patients/${patient.id}`, { state });
        }}
        secondaryActions={
          <button type="button" className="button button-secondary" onClick={discard}>
            Discard draft
          </button>
        }
      />
    </div>
  );
}
