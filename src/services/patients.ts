import type { JsonValue } from '../domain/canonical-json';
import type { Patient, PatientFields } from '../domain/patient';
import { parseDateQuery } from '../domain/time';
import { findPatientIdByMrn, getPatient, insertPatient, searchPatients, updatePatient } from '../db/patients-repo';
import { rowAuditFields } from '../db/row-state';
import type { Handlers, ServiceContext } from './context';
import { ServiceError } from './service-error';

const auditedFields = [
  'mrn',
  'familyName',
  'givenNames',
  'preferredName',
  'dateOfBirth',
  'sex',
  'phone',
  'emergencyContact',
  'allergies',
] as const;

function fieldsOf(patient: PatientFields): Record<string, JsonValue> {
  return Object.fromEntries(auditedFields.map((field) => [field, patient[field]]));
}

function changedFields(before: PatientFields, after: PatientFields): Record<string, JsonValue> {
  const changes: Record<string, JsonValue> = {};
  for (const field of auditedFields) {
    const from = JSON.stringify(before[field]);
    const to = JSON.stringify(after[field]);
    if (from !== to) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}

function existingPatient(context: ServiceContext, patientId: number): Patient {
  const patient = getPatient(context.ledger.db, patientId);
  if (patient === undefined) throw new ServiceError('NOT_FOUND', `There is no patient with ID ${patientId}.`);
  return patient;
}

function assertMrnFree(context: ServiceContext, mrn: string, patientId: number | null): void {
  const holder = findPatientIdByMrn(context.ledger.db, mrn);
  if (holder !== undefined && holder !== patientId) throw duplicateMrn(mrn);
}

function duplicateMrn(mrn: string): ServiceError {
  return new ServiceError('DUPLICATE', `MRN ${mrn} already belongs to another patient. Check the number.`, [
    { path: 'patient.mrn', message: 'This MRN already belongs to another patient' },
  ]);
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && (error as { code?: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export const patientHandlers: Handlers<'patients.search' | 'patients.get' | 'patients.create' | 'patients.update'> = {
  'patients.search': (context, input) => {
    // The matches in one fixed order (each query ends in the patient's ID), so the page after
    // `offset` is the tail of a longer read: every patient once across pages, one more tells "more".
    const found = searchPatients(context.ledger.db, {
      terms: input.query,
      dateOfBirth: parseDateQuery(input.query),
      limit: input.offset + input.limit + 1,
    });
    return {
      patients: found.slice(input.offset, input.offset + input.limit),
      more: found.length > input.offset + input.limit,
    };
  },

  'patients.get': (context, input) => {
    const patient = existingPatient(context, input.patientId);
    context.audit('patient.viewed', 'patient', patient.id, { mrn: patient.mrn });
    return patient;
  },

  'patients.create': (context, input) => {
    // The unique index is the check: one lookup fewer on the hot path of every registration.
    let patient: Patient;
    try {
      patient = insertPatient(context.ledger.db, input.patient, context.nowIso);
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicateMrn(input.patient.mrn);
      throw error;
    }
    context.audit('patient.created', 'patient', patient.id, {
      ...fieldsOf(patient),
      ...rowAuditFields(context.ledger.raw, 'patients', patient.id),
    });
    return patient;
  },

  'patients.update': (context, input) => {
    const before = existingPatient(context, input.patientId);
    if (before.version !== input.expectedVersion) {
      throw new ServiceError(
        'CONFLICT',
        'Someone else saved this patient while you were editing. Your changes are still on screen: reload the record, then apply them again.',
      );
    }
    assertMrnFree(context, input.patient.mrn, before.id);
    const changes = changedFields(before, input.patient);
    if (Object.keys(changes).length === 0) return before;
    const after = updatePatient(context.ledger.db, before.id, before.version, input.patient, context.nowIso);
    context.audit('patient.updated', 'patient', after.id, {
      version: after.version,
      changes,
      ...rowAuditFields(context.ledger.raw, 'patients', after.id),
    });
    return after;
  },
};
