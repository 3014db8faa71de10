import { formatPatientName } from '../../domain/patient';
import type { ExportIndex } from '../snapshot-index';
import type { Reference } from './datatypes';
import { ids, reference } from './ids';

/** References carry a display too, so a reader without the target still sees who or what. */
export function practitionerReference(index: ExportIndex, userId: number): Reference {
  return reference('Practitioner', ids.practitioner(userId), index.printedName(userId));
}

export function patientReference(index: ExportIndex, patientId: number): Reference {
  const patient = index.patient(patientId);
  return reference('Patient', ids.patient(patientId), patient === undefined ? undefined : formatPatientName(patient));
}

export function organizationReference(index: ExportIndex): Reference {
  return reference('Organization', ids.organization(), index.snapshot.clinic.name);
}
