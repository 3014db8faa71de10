import type Database from 'better-sqlite3';
import type { ExportSummary } from '../domain/export-summary';

/**
 * What an export made a patient at a time needs to know about its whole selection before the
 * first patient is read: the chosen records' and sessions' ids and owners, what the README
 * counts, and the ids its stored PDFs and audit entries are chosen by. All counted in SQL from
 * the export's snapshot, so nothing of a decade's records is held to know them.
 */

/** A chosen record or session and the patient it belongs to. */
export interface OwnedId {
  id: number;
  patientId: number;
}

const idsIn = (name: string) => `(SELECT value FROM json_each(@${name}))`;

/** Every record of the patients (ids as a JSON array), in id order. */
export function recordsOfPatients(raw: Database.Database, patientIds: readonly number[]): OwnedId[] {
  return raw
    .prepare(`SELECT id, patient_id AS patientId FROM records WHERE patient_id IN ${idsIn('patients')} ORDER BY id`)
    .all({ patients: JSON.stringify(patientIds) }) as OwnedId[];
}

/** Every session of the patients, in id order. */
export function sessionsOfPatients(raw: Database.Database, patientIds: readonly number[]): OwnedId[] {
  return raw
    .prepare(
      `SELECT id, patient_id AS patientId FROM infusion_sessions WHERE patient_id IN ${idsIn('patients')} ORDER BY id`,
    )
    .all({ patients: JSON.stringify(patientIds) }) as OwnedId[];
}

/** The owners of records or sessions chosen by id (a date range's). */
export function ownersOf(
  raw: Database.Database,
  table: 'records' | 'infusion_sessions',
  ids: Iterable<number>,
): OwnedId[] {
  return raw
    .prepare(`SELECT id, patient_id AS patientId FROM ${table} WHERE id IN ${idsIn('ids')} ORDER BY id`)
    .all({ ids: JSON.stringify([...ids]) }) as OwnedId[];
}

/** What the README counts of the chosen records, sessions and the patients' consents. */
export function exportCounts(
  raw: Database.Database,
  recordIds: readonly number[],
  sessionIds: readonly number[],
  patientIds: readonly number[],
): ExportSummary {
  const params = {
    records: JSON.stringify(recordIds),
    sessions: JSON.stringify(sessionIds),
    patients: JSON.stringify(patientIds),
  };
  const byType = raw
    .prepare(
      `SELECT r.type AS type, count(DISTINCT r.id) AS records, count(v.id) AS versions
       FROM records r LEFT JOIN record_versions v ON v.record_id = r.id
       WHERE r.id IN ${idsIn('records')} GROUP BY r.type`,
    )
    .all({ records: params.records }) as { type: string; records: number; versions: number }[];
  const count = (sql: string, name: keyof typeof params) =>
    raw
      .prepare(sql)
      .pluck()
      .get({ [name]: params[name] }) as number;
  const ofType = (type: string) => {
    const row = byType.find((candidate) => candidate.type === type);
    return { records: row?.records ?? 0, versions: row?.versions ?? 0 };
  };
  return {
    exams: ofType('exam'),
    plans: ofType('plan'),
    reviews: ofType('review'),
    signatures: count(
      `SELECT count(*) FROM signatures WHERE version_id IN
         (SELECT id FROM record_versions WHERE record_id IN ${idsIn('records')})`,
      'records',
    ),
    sessions: sessionIds.length,
    entries: count(`SELECT count(*) FROM session_entries WHERE session_id IN ${idsIn('sessions')}`, 'sessions'),
    sessionSignatures: count(
      `SELECT count(*) FROM session_signatures WHERE session_id IN ${idsIn('sessions')}`,
      'sessions',
    ),
    consents: count(`SELECT count(*) FROM consents WHERE patient_id IN ${idsIn('patients')}`, 'patients'),
    withdrawnConsents: count(
      `SELECT count(*) FROM consents c WHERE c.patient_id IN ${idsIn('patients')}
         AND EXISTS (SELECT 1 FROM consent_withdrawals w WHERE w.consent_id = c.id)`,
      'patients',
    ),
  };
}

/** Ids the export's stored PDFs and version lookups are chosen by. */
export function signedVersionIds(raw: Database.Database, recordIds: readonly number[]): number[] {
  return raw
    .prepare(`SELECT id FROM record_versions WHERE status = 'signed' AND record_id IN ${idsIn('records')} ORDER BY id`)
    .pluck()
    .all({ records: JSON.stringify(recordIds) }) as number[];
}

export function sessionSignatureIds(raw: Database.Database, sessionIds: readonly number[]): number[] {
  return raw
    .prepare(`SELECT id FROM session_signatures WHERE session_id IN ${idsIn('sessions')} ORDER BY id`)
    .pluck()
    .all({ sessions: JSON.stringify(sessionIds) }) as number[];
}

export function consentIdsOf(raw: Database.Database, patientIds: readonly number[]): number[] {
  return raw
    .prepare(`SELECT id FROM consents WHERE patient_id IN ${idsIn('patients')} ORDER BY id`)
    .pluck()
    .all({ patients: JSON.stringify(patientIds) }) as number[];
}

/** Every version's number (by version id) and the formulary versions the chosen records were checked against. */
export function versionFacts(
  raw: Database.Database,
  recordIds: readonly number[],
): { numbers: Map<number, number>; formularyVersions: number[] } {
  const rows = raw
    .prepare(
      `SELECT id, version, formulary_version AS formularyVersion FROM record_versions
       WHERE record_id IN ${idsIn('records')}`,
    )
    .all({ records: JSON.stringify(recordIds) }) as { id: number; version: number; formularyVersion: number | null }[];
  return {
    numbers: new Map(rows.map((row) => [row.id, row.version])),
    formularyVersions: [
      ...new Set(rows.flatMap((row) => (row.formularyVersion === null ? [] : [row.formularyVersion]))),
    ],
  };
}
