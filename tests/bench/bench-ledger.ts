/**
 * Builds a large ledger for the backup and audit-verify benchmark: real patient rows through the
 * patients repo, and audit entries appended by `appendAudit` itself (so the chain is hashed
 * exactly as the app hashes it), in large transactions. Not what is measured: only fast enough
 * to build 100,000 patients and 1,000,000 entries in a minute or two.
 */
import { demoPatients } from '../../src/cli/demo-data';
import type { AuditRecord } from '../../src/db/audit-log';
import { appendAudit } from '../../src/db/audit-log';
import type { Ledger } from '../../src/db/open';
import { insertPatient } from '../../src/db/patients-repo';
import { rowAuditFields } from '../../src/db/row-state';
import type { JsonValue } from '../../src/domain/canonical-json';
import { patientInputSchema } from '../../src/domain/patient';

const batchEntries = 50_000;

/** The entries that are not registrations, in turn: what a clinic's day writes most. */
function everydayEntry(
  index: number,
  patientCount: number,
  at: string,
): Pick<AuditRecord, 'action' | 'entityType' | 'entityId' | 'details'> {
  const patientId = 1 + (index % patientCount);
  switch (index % 4) {
    case 0:
      return {
        action: 'patient.viewed',
        entityType: 'patient',
        entityId: String(patientId),
        details: { mrn: `DEMO-${patientId}` },
      };
    case 1:
      return {
        action: 'session.event',
        entityType: 'session',
        entityId: String(index),
        details: {
          kind: 'rate-changed',
          at,
          rate: { value: '125', unit: 'mL/h' },
          note: 'Rate increased after 30 min as written in the plan; no reaction.',
        },
      };
    case 2:
      return {
        action: 'session.observation',
        entityType: 'session',
        entityId: String(index),
        details: { at, pulse: 72, systolic: 118, diastolic: 76, temperature: { value: '36.8', unit: 'Cel' }, spo2: 98 },
      };
    default:
      return { action: 'auth.signedIn', entityType: 'user', entityId: '2', details: { username: 'nurse' } };
  }
}

export interface BenchLedgerSize {
  patients: number;
  auditEntries: number;
}

/** Fills a freshly opened, empty ledger: patients first (each with its `patient.created` entry), then the rest. */
export function fillBenchLedger(ledger: Ledger, size: BenchLedgerSize): void {
  const now = new Date('2026-11-23T14:05:00.000Z');
  const atOf = (index: number) => new Date(now.getTime() + index * 1000).toISOString();
  const patients = demoPatients(size.patients, 7);
  let written = 0;
  while (written < size.auditEntries) {
    const end = Math.min(size.auditEntries, written + batchEntries);
    ledger.raw.transaction(() => {
      for (let index = written; index < end; index += 1) {
        const at = atOf(index);
        const input = index < patients.length ? patients[index] : undefined;
        if (input !== undefined) {
          const patient = insertPatient(ledger.db, patientInputSchema.parse(input), at);
          const { id, version, createdAt, updatedAt, ...fields } = patient;
          void version;
          void createdAt;
          void updatedAt;
          appendAudit(ledger.raw, {
            at,
            actorUserId: 2,
            action: 'patient.created',
            entityType: 'patient',
            entityId: String(id),
            details: {
              ...(fields as unknown as Record<string, JsonValue>),
              ...(rowAuditFields(ledger.raw, 'patients', id) as unknown as Record<string, JsonValue>),
            },
          });
        } else {
          const entry = everydayEntry(index, size.patients, at);
          appendAudit(ledger.raw, { at, actorUserId: 2, ...entry });
        }
      }
    })();
    written = end;
  }
}
