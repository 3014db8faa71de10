import type { FieldIssue } from '../../../contract/errors';
import type { SupervisionAvailability, SupervisionHandover } from '../../../domain/session-supervision';

/** A handover of supervision as typed. */
export interface HandoverFormValues {
  physicianUserId: string;
  availability: '' | SupervisionAvailability;
  note: string;
}

export function handoverFormValues(handover: SupervisionHandover | null): HandoverFormValues {
  return {
    physicianUserId: handover === null ? '' : String(handover.physicianUserId),
    availability: handover?.availability ?? '',
    note: handover?.note ?? '',
  };
}

/** The handover to chart (the printed name is the server's to set), or null with the problems noted. */
export function handoverFrom(values: HandoverFormValues, issues: FieldIssue[]): SupervisionHandover | null {
  const userId = Number(values.physicianUserId);
  if (values.physicianUserId === '' || !Number.isInteger(userId) || userId <= 0) {
    issues.push({ path: 'physicianUserId', message: 'Choose the physician taking over' });
  }
  if (values.availability === '')
    issues.push({ path: 'availability', message: 'Choose on site or immediately available' });
  if (values.physicianUserId === '' || values.availability === '') return null;
  return { physicianUserId: userId, printedName: '', availability: values.availability, note: values.note.trim() };
}
