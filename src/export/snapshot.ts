import type { AuditEntry } from '../domain/audit';
import type { ClinicSettings } from '../domain/clinic';
import type { Patient } from '../domain/patient';
import type { RecordView } from '../domain/record-view';
import type { User } from '../domain/user';

/**
 * Everything an auditor export contains, gathered by the service in one read transaction.
 * The export code is pure given this value: the same snapshot always yields the same bytes,
 * so the service (not this layer) decides what "now", the selection and the user are.
 *
 * Extending the export (infusion sessions, issue 5): add a typed field here (for example
 * `sessions: SessionView[]`), a mapper in `fhir/` registered in `defaultFhirMappers`
 * (`fhir/mappers.ts`), a table registered in `defaultCsvTables` (`csv-tables/registry.ts`),
 * and, if sessions get their own PDFs, they travel in `signedPdfs` like plan summaries.
 */
export interface ExportSnapshot {
  clinic: Pick<ClinicSettings, 'name' | 'address' | 'timeZone'>;
  /** UTC ISO instant the export was taken, e.g. "2026-11-23T19:05:00.000Z". */
  exportedAt: string;
  exportedBy: ExportUser;
  selection: ExportSelection;
  /**
   * Every user a record, signature or audit entry names (in practice all users): FHIR
   * references point at them, and a user missing here leaves a dangling reference.
   */
  users: ExportUser[];
  /** Every patient the selection covers; each record's patient must be among them. */
  patients: Patient[];
  /** Exams and plans with all their versions, signatures and discontinuation. */
  records: RecordView[];
  auditEntries: AuditEntry[];
  /** Head of the whole audit chain at export time (not only of the entries exported). */
  auditHead: AuditCheckpoint;
  signedPdfs: SignedPdf[];
  clinicRootCertificatePem: string | null;
}

export type ExportUser = Pick<User, 'id' | 'username' | 'displayName' | 'credentials' | 'role' | 'active'>;

/** What the auditor asked for, in words and as the filter that was applied. */
export interface ExportSelection {
  /** "Records from 01-Nov-2026 to 23-Nov-2026", "Patients MRN-0001, MRN-0002". */
  description: string;
  /** Calendar dates (yyyy-mm-dd) in the clinic's zone, inclusive; null when not limited. */
  from: string | null;
  to: string | null;
  /** Patients chosen one by one; null when the selection is by date only. */
  patientIds: number[] | null;
}

export interface AuditCheckpoint {
  seq: number;
  hash: string;
}

/** A signed PDF summary exactly as stored when it was signed (never regenerated). */
export interface SignedPdf {
  /** The record version the PDF summarises and whose signature it carries. */
  versionId: number;
  /** A plain file name, e.g. "plan-5-v2.pdf"; it is placed under `pdf/`. */
  fileName: string;
  bytes: Uint8Array;
}
