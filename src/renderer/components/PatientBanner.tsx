import type { Patient } from '../../domain/patient';
import { formatPatientName, sexLabels } from '../../domain/patient';
import { formatBorn } from '../lib/born';
import { AllergyStatus } from './AllergyStatus';
import { ConsentStatus } from './ConsentStatus';

export interface PatientBannerProps {
  patient: Patient;
  clinicTimeZone: string;
  /** The chart's banner carries the page heading; other pages have their own. */
  nameIsHeading?: boolean;
}

/**
 * The patient identification banner on top of every patient screen: name (family name in
 * capitals), preferred name, born with age, sex, MRN, informed consent and allergies, always visible.
 */
export function PatientBanner({ patient, clinicTimeZone, nameIsHeading = false }: PatientBannerProps) {
  const name = formatPatientName(patient);
  return (
    <section className="patient-banner" aria-label="Patient identification">
      <div className="banner-identity">
        {nameIsHeading ? (
          <h1 className="banner-name" tabIndex={-1}>
            <span dir="auto">{name}</span>
          </h1>
        ) : (
          <p className="banner-name">
            <span dir="auto">{name}</span>
          </p>
        )}
        <p className="banner-facts">
          {patient.preferredName !== '' && (
            <span className="banner-fact">
              <span className="label">Preferred name</span>{' '}
              <span className="value" dir="auto">
                {patient.preferredName}
              </span>
            </span>
          )}
          <span className="banner-fact">
            <span className="label">Born</span>{' '}
            <span className="value">{formatBorn(patient.dateOfBirth, clinicTimeZone)}</span>
          </span>
          <span className="banner-fact">
            <span className="label">Sex</span> <span className="value">{sexLabels[patient.sex]}</span>
          </span>
          <span className="banner-fact">
            <span className="label">MRN</span> <span className="value mrn">{patient.mrn}</span>
          </span>
          <ConsentStatus patientId={patient.id} />
        </p>
      </div>
      <AllergyStatus allergies={patient.allergies} />
    </section>
  );
}
