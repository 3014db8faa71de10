import type { Patient } from '../../../domain/patient';
import { formatAllergies, sexLabels } from '../../../domain/patient';
import { formatDateTime } from '../../../domain/time';
import { Facts } from '../../components/Facts';
import { formatBorn } from '../../lib/born';

/** The demographics under the banner, each value labelled; unknown reads "Not known". */
export function PatientDetails({ patient, clinicTimeZone }: { patient: Patient; clinicTimeZone: string }) {
  const contact = patient.emergencyContact;
  return (
    <div className="details-grid">
      <section className="card" aria-labelledby="demographics-title">
        <h2 id="demographics-title">Demographics</h2>
        <Facts
          facts={[
            { label: 'Family name', value: patient.familyName, autoDirection: true },
            { label: 'Given names', value: patient.givenNames, autoDirection: true },
            { label: 'Preferred name', value: patient.preferredName, autoDirection: true },
            { label: 'Born', value: formatBorn(patient.dateOfBirth, clinicTimeZone) },
            { label: 'Sex', value: sexLabels[patient.sex] },
            { label: 'MRN', value: patient.mrn },
            { label: 'Phone', value: patient.phone },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="contact-title">
        <h2 id="contact-title">Emergency contact</h2>
        {contact === null ? (
          <p className="value-unknown">Not known</p>
        ) : (
          <Facts
            facts={[
              { label: 'Name', value: contact.name, autoDirection: true },
              { label: 'Relationship', value: contact.relationship, autoDirection: true },
              { label: 'Phone', value: contact.phone },
            ]}
          />
        )}
        <h2 id="allergies-title">Allergies</h2>
        {patient.allergies.status === 'recorded' ? (
          <ul className="allergy-detail-list" aria-labelledby="allergies-title">
            {patient.allergies.items.map((item) => (
              <li key={item}>
                <span dir="auto">{item}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="value">{formatAllergies(patient.allergies)}</p>
        )}
      </section>
      <section className="card card-quiet" aria-labelledby="record-title">
        <h2 id="record-title">Record</h2>
        <Facts
          facts={[
            { label: 'Created', value: formatDateTime(patient.createdAt, clinicTimeZone) },
            { label: 'Last changed', value: formatDateTime(patient.updatedAt, clinicTimeZone) },
            { label: 'Version', value: String(patient.version) },
          ]}
        />
      </section>
    </div>
  );
}
