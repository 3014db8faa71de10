import { Link } from 'react-router';
import type { PatientSummary } from '../../../domain/patient';
import { formatPatientName, sexLabels } from '../../../domain/patient';
import { formatBorn } from '../../lib/born';

/** Each result shows two identifiers (name and born, plus MRN) so the right chart is chosen. */
export function PatientResultList({
  patients,
  clinicTimeZone,
}: {
  patients: readonly PatientSummary[];
  clinicTimeZone: string;
}) {
  return (
    <ul className="results" aria-label="Patients found">
      {patients.map((patient) => (
        <li key={patient.id}>
          <Link className="result" to={`/patients/${patient.id}`}>
            {/* The name isolates its own direction (Arabic reads right to left) but stays at the row's start. */}
            <span className="result-name-line">
              <span className="result-name" dir="auto">
                {formatPatientName(patient)}
              </span>
            </span>
            {patient.preferredName !== '' && (
              <span className="result-fact">
                <span className="label">Preferred name</span>{' '}
                <span className="value" dir="auto">
                  {patient.preferredName}
                </span>
              </span>
            )}
            <span className="result-fact">
              <span className="label">Born</span>{' '}
              <span className="value">{formatBorn(patient.dateOfBirth, clinicTimeZone)}</span>
            </span>
            <span className="result-fact">
              <span className="label">Sex</span> <span className="value">{sexLabels[patient.sex]}</span>
            </span>
            <span className="result-fact">
              <span className="label">MRN</span> <span className="value mrn">{patient.mrn}</span>
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
