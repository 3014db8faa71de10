import type Database from 'better-sqlite3';
import { prepared } from './prepared';

/**
 * What an auditor export selects, chosen in SQL so that a one-month export of a decade ledger
 * loads that month's records and sessions only (not every row, filtered in JavaScript), and
 * the stored PDFs' names without their bytes, which are read one at a time as they are written.
 * Instants are UTC ISO text, compared as text like everywhere else; null bounds are open.
 */

/** Ids bound as one JSON array; null: every patient. */
function patientsParam(patientIds: readonly number[] | null): string | null {
  return patientIds === null ? null : JSON.stringify(patientIds);
}

const inPatients = `(@patients IS NULL OR patient_id IN (SELECT value FROM json_each(@patients)))`;
const inRange = (column: string) => `(${column} >= @fromIso AND ${column} < @toIso)`;

function bounds(fromIso: string | null, toIso: string | null): { fromIso: string; toIso: string } {
  return { fromIso: fromIso ?? '', toIso: toIso ?? '\uffff' };
}

/** Records (of the chosen patients) with a version written or signed in [fromIso, toIso). */
export function recordIdsInRange(
  raw: Database.Database,
  fromIso: string | null,
  toIso: string | null,
  patientIds: readonly number[] | null,
): Set<number> {
  const rows = raw
    .prepare(
      `SELECT DISTINCT v.record_id AS id FROM record_versions v JOIN records r ON r.id = v.record_id
       WHERE (${inRange('v.created_at')} OR ${inRange('v.signed_at')})
         AND (@patients IS NULL OR r.patient_id IN (SELECT value FROM json_each(@patients)))`,
    )
    .all({ ...bounds(fromIso, toIso), patients: patientsParam(patientIds) }) as { id: number }[];
  return new Set(rows.map((row) => row.id));
}

/** Sessions (of the chosen patients) created, charted (happened or saved) or signed in [fromIso, toIso). */
export function sessionIdsInRange(
  raw: Database.Database,
  fromIso: string | null,
  toIso: string | null,
  patientIds: readonly number[] | null,
): Set<number> {
  const rows = raw
    .prepare(
      `SELECT id FROM infusion_sessions WHERE ${inPatients} AND id IN (
         SELECT id FROM infusion_sessions WHERE ${inRange('created_at')}
         UNION SELECT session_id FROM session_entries WHERE ${inRange('occurred_at')} OR ${inRange('recorded_at')}
         UNION SELECT session_id FROM session_signatures WHERE ${inRange('signed_at')})`,
    )
    .all({ ...bounds(fromIso, toIso), patients: patientsParam(patientIds) }) as { id: number }[];
  return new Set(rows.map((row) => row.id));
}

export interface StoredPdfName {
  /** The row's id in signed_documents or consent_pdfs. */
  id: number;
  fileName: string;
  versionId: number | null;
  sessionSignatureId: number | null;
}

/** Signed documents' names (no bytes) for record versions and session signatures. */
export function signedDocumentNames(
  raw: Database.Database,
  versionIds: readonly number[],
  sessionSignatureIds: readonly number[],
): StoredPdfName[] {
  return raw
    .prepare(
      `SELECT id, file_name AS fileName, version_id AS versionId, session_signature_id AS sessionSignatureId
       FROM signed_documents
       WHERE version_id IN (SELECT value FROM json_each(@versions))
          OR session_signature_id IN (SELECT value FROM json_each(@signatures))
       ORDER BY id`,
    )
    .all({ versions: JSON.stringify(versionIds), signatures: JSON.stringify(sessionSignatureIds) }) as StoredPdfName[];
}

/** Consents' PDF names (no bytes), by consent id. */
export function consentPdfNames(
  raw: Database.Database,
  consentIds: readonly number[],
): { id: number; consentId: number; fileName: string }[] {
  return raw
    .prepare(
      `SELECT id, consent_id AS consentId, file_name AS fileName FROM consent_pdfs
       WHERE consent_id IN (SELECT value FROM json_each(@consents)) ORDER BY id`,
    )
    .all({ consents: JSON.stringify(consentIds) }) as { id: number; consentId: number; fileName: string }[];
}

/**
 * One stored PDF's bytes. Both tables are append-only (triggers refuse UPDATE and DELETE), so
 * a row chosen inside the export's read transaction reads the same bytes after it: reading
 * it later, when the writer reaches it, keeps the export one consistent snapshot.
 */
export function readStoredPdf(
  raw: Database.Database,
  table: 'signed_documents' | 'consent_pdfs',
  id: number,
): Uint8Array {
  const statement = prepared(raw, `export-pdf-${table}`, () => raw.prepare(`SELECT pdf FROM ${table} WHERE id = ?`));
  const row = statement.get(id) as { pdf: Buffer } | undefined;
  if (row === undefined) throw new Error(`The stored PDF ${table} #${id} is missing from the ledger`);
  return new Uint8Array(row.pdf.buffer, row.pdf.byteOffset, row.pdf.byteLength);
}
