import type { ClinicSettings } from '../domain/clinic';
import type { Formulary } from '../domain/formulary';
import type { Patient } from '../domain/patient';
import type { RecordView } from '../domain/record-view';
import type { SessionView } from '../domain/session-view';
import type { User } from '../domain/user';
import type { SignedCheckpoint } from '../domain/audit-checkpoint';
import type { ExportAuditEntries } from './audit-entries';
import type { ConsentRecord } from './consent-snapshot';
import type { RegisterSnapshot } from './register-snapshot';
import type { ExportSummary } from '../domain/export-summary';

/**
 * Everything an auditor export contains, gathered by the service in one read transaction.
 * The export code is pure given this value: the same snapshot always yields the same bytes,
 * so the service (not this layer) decides what "now", the selection and the user are.
 *
 * Extending the export: add a typed field here (as `sessions` was; a patient's data is also read
 * into each patient's part, see `patientParts`), a mapper in `fhir/` declaring its scope and
 * resource types, registered in `defaultFhirMappers` (`fhir/mappers.ts`), a table registered in
 * `defaultCsvTables` (`csv-tables/registry.ts`); signed PDFs travel in `signedPdfs`.
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
  /**
   * Infusion sessions with every entry as charted (corrected ones included, marked by
   * `correctedByEntryId`) and their signatures. Each session's patient is among `patients`;
   * its plan may be absent from `records` when the plan falls outside the selection.
   */
  sessions: SessionView[];
  /**
   * The formulary versions the exported plans were checked against (each signed plan version
   * names one), for what a plan does not copy from its drug's entry: the RxNorm code.
   */
  formularies: Pick<Formulary, 'version' | 'content'>[];
  /** In seq order when read page by page from the ledger; held arrays are sorted by the index. */
  auditEntries: ExportAuditEntries;
  /** Head of the whole audit chain at export time (not only of the entries exported). */
  auditHead: AuditCheckpoint;
  /** The newest signed checkpoint of the chain, carried so `audit verify --against` can use the export. */
  latestCheckpoint?: SignedCheckpoint | null;
  signedPdfs: SignedPdf[];
  clinicRootCertificatePem: string | null;
  /** The whole controlled-substance register (absent in snapshots made before it existed: empty). */
  register?: RegisterSnapshot;
  /** Recorded consents of the exported patients (absent in snapshots made before consents existed: none). */
  consents?: ConsentRecord[];
  /**
   * Set when the snapshot is read a patient at a time (the export service's): each patient's
   * part is read from the ledger when a file needs it, and `records`, `sessions` and `consents`
   * above are empty. Without it they hold everything (tests, small snapshots).
   */
  patientParts?: PatientPartSource;
}

export interface PatientPartSource {
  /**
   * Each exported patient's part, read from the ledger when asked (patients in id order): the
   * snapshot with that one patient, their chosen records and sessions, their consents and PDFs,
   * and no audit entries.
   */
  parts(): Iterable<ExportSnapshot>;
  /** What the README counts, counted up front. */
  summary: ExportSummary;
  /** The number of an exported record version, by its id (AuditEvents name plan versions by it). */
  versionNumber(versionId: number): number | undefined;
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

/** A signed PDF exactly as stored when it was signed (never regenerated). */
export type SignedPdf = RecordPdf | SessionPdf | ConsentPdf;

interface StoredPdf {
  /** A plain file name, e.g. "plan-5-v2.pdf"; it is placed under `pdf/`. */
  fileName: string;
  /**
   * The stored bytes, or how to read them from the ledger when the export reaches this file
   * (a decade's PDFs are most of the ledger: they are read one at a time, never all at once).
   */
  bytes: Uint8Array | (() => Uint8Array);
}

/** A stored PDF's bytes, read now if the snapshot holds only how to read them. */
export function pdfBytes(pdf: SignedPdf): Uint8Array {
  return typeof pdf.bytes === 'function' ? pdf.bytes() : pdf.bytes;
}

/** The summary of a record version, carrying that version's signature. */
export interface RecordPdf extends StoredPdf {
  versionId: number;
  sessionSignatureId?: undefined;
  consentId?: undefined;
}

/** The record of an infusion session, made when one of its signatures was given. */
export interface SessionPdf extends StoredPdf {
  sessionSignatureId: number;
  versionId?: undefined;
  consentId?: undefined;
}

/** A recorded consent's signed PDF: its Consent's sourceAttachment. */
export interface ConsentPdf extends StoredPdf {
  consentId: number;
  versionId?: undefined;
  sessionSignatureId?: undefined;
}
