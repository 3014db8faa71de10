import type Database from 'better-sqlite3';

/** The audit action that records a finished (or cancelled) verification of the ledger. */
export const verifiedAuditAction = 'audit.verified';

/** What a verification found, as its `audit.verified` entry records it. */
export type VerificationOutcome = 'intact' | 'problems' | 'cancelled' | 'failed';

/**
 * The head (seq) the latest verification that found everything intact had checked, and the entry
 * that records it; null when no verification has found the ledger intact yet. Read from the
 * newest entry backwards, so it costs little when checks are regular. Such an entry only chooses
 * where an incremental check starts: the check then holds that point to a signed checkpoint, so
 * an entry forged to skip work is no way around the signatures.
 */
export function lastIntactVerification(raw: Database.Database): { headSeq: number; recordedAt: number } | null {
  const row = raw
    .prepare(
      `SELECT seq, json_extract(details, '$.headSeq') AS headSeq FROM audit_log
        WHERE action = ? AND json_extract(details, '$.outcome') = 'intact' ORDER BY seq DESC LIMIT 1`,
    )
    .get(verifiedAuditAction) as { seq: number; headSeq: unknown } | undefined;
  if (row === undefined || typeof row.headSeq !== 'number' || !Number.isSafeInteger(row.headSeq)) return null;
  return { headSeq: row.headSeq, recordedAt: row.seq };
}
