import type { AuditEntry } from '../domain/audit';

/**
 * The audit entries of an export read from the ledger page by page each time they are iterated
 * (by seq, oldest first), instead of held whole: the audit trail is the largest part of a decade
 * ledger (several million entries), and three files are made from it (the NDJSON log, its CSV
 * table and the FHIR AuditEvents). What the README and the checkpoint file say about it is
 * counted in SQL up front, so nothing needs the whole list at once.
 */
export interface AuditEntryPages extends Iterable<AuditEntry> {
  readonly count: number;
  readonly firstSeq: number | null;
  readonly lastSeq: number | null;
  /**
   * Who discontinued each plan (record id as text to user id), from the entries' record.discontinued
   * actions, chosen in SQL: the index needs it before any file is written, and finding it by
   * reading every entry would be a whole extra pass over the trail.
   */
  readonly discontinuedBy: ReadonlyMap<string, number>;
}

/** Held entries (tests, small or filtered selections) or pages read as the writer reaches them. */
export type ExportAuditEntries = AuditEntry[] | AuditEntryPages;

export function auditSummary(entries: ExportAuditEntries): {
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
} {
  if (!Array.isArray(entries)) {
    return { count: entries.count, firstSeq: entries.firstSeq, lastSeq: entries.lastSeq };
  }
  return { count: entries.length, firstSeq: entries[0]?.seq ?? null, lastSeq: entries.at(-1)?.seq ?? null };
}
