import type { UseFormRegisterReturn } from 'react-hook-form';
import type { Patient } from '../../../domain/patient';
import { formatPatientName } from '../../../domain/patient';
import { useSignedIn } from '../../app/sign-in-context';
import { CheckboxField } from '../../components/CheckboxField';
import { formatBorn } from '../../lib/born';

/** Two identifiers, read back to the patient: name and date of birth, plus the MRN on the wristband. */
export function IdentityCheck({
  id,
  patient,
  registration,
  error,
}: {
  id: string;
  patient: Patient;
  registration: UseFormRegisterReturn;
  error?: string | undefined;
}) {
  const { clinic } = useSignedIn();
  return (
    <fieldset className="session-fieldset" aria-describedby={`${id}-identifiers`}>
      <legend className="form-section-title">Patient identity</legend>
      <dl className="identity-identifiers" id={`${id}-identifiers`}>
        <div>
          <dt className="label">Name</dt>
          <dd className="value" dir="auto">
            {formatPatientName(patient)}
          </dd>
        </div>
        <div>
          <dt className="label">Born</dt>
          <dd className="value">{formatBorn(patient.dateOfBirth, clinic.timeZone)}</dd>
        </div>
        <div>
          <dt className="label">MRN</dt>
          <dd className="value mrn">{patient.mrn}</dd>
        </div>
      </dl>
      <CheckboxField
        id={id}
        label="I asked the patient to state their full name and date of birth, and they match these. The MRN on the wristband matches."
        registration={registration}
        error={error}
      />
    </fieldset>
  );
}
