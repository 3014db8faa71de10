import type Database from 'better-sqlite3';
import type { AuditEntry } from '../domain/audit';
import { toEntry } from './audit-log';
import type { AuditRow } from './audit-row';

/**
 * The audit entries of an export's date range, read in keyset pages by seq rather than all at
 * once (a decade's trail is millions of entries). Every read goes through the connection given,
 * which for an export is its snapshot reader: each pass sees the same entries. Instants are
 * UTC ISO text compared as text; null bounds are open, as in auditRange.
 */

/** Entries per page: big enough that a page's query cost is nothing, small enough to be a few MB. */
const defaultPageSize = 4000;

export interface AuditRangePages {
  count: number;
  firstSeq: number | null;
  lastSeq: number | null;
  discontinuedBy: ReadonlyMap<string, number>;
  /** A fresh pass over the entries, oldest first: exactly auditRange's entries, in its order. */
  entries(): Generator<AuditEntry>;
}

export function auditRangePages(
  raw: Database.Database,
  fromIso: string | null,
  toIso: string | null,
  pageSize = defaultPageSize,
): AuditRangePages {
  const bounds = { fromIso: fromIso ?? '', toIso: toIso ?? '\uffff' };
  // The `at` index finds the range; `at` need not grow with seq, so the seqs only bound the pages.
  const span = raw
    .prepare(
      `SELECT count(*) AS count, min(seq) AS firstSeq, max(seq) AS lastSeq FROM audit_log
       WHERE at >= @fromIso AND at < @toIso`,
    )
    .get(bounds) as { count: number; firstSeq: number | null; lastSeq: number | null };
  const discontinued = raw
    .prepare(
      `SELECT entity_id AS entityId, actor_user_id AS actorUserId FROM audit_log
       WHERE action = 'record.discontinued' AND at >= @fromIso AND at < @toIso
         AND entity_id IS NOT NULL AND actor_user_id IS NOT NULL ORDER BY seq`,
    )
    .all(bounds) as { entityId: string; actorUserId: number }[];
  // NOT INDEXED: walk the table in seq order between the bounds instead of sorting each page.
  const page = raw.prepare(
    `SELECT * FROM audit_log NOT INDEXED
     WHERE seq > @after AND seq <= @lastSeq AND at >= @fromIso AND at < @toIso ORDER BY seq LIMIT @pageSize`,
  );
  return {
    count: span.count,
    firstSeq: span.firstSeq,
    lastSeq: span.lastSeq,
    discontinuedBy: new Map(discontinued.map((row) => [row.entityId, row.actorUserId])),
    *entries() {
      if (span.firstSeq === null || span.lastSeq === null) return;
      let after = span.firstSeq - 1;
      for (;;) {
        const rows = page.all({ ...bounds, after, lastSeq: span.lastSeq, pageSize }) as AuditRow[];
        for (const row of rows) yield toEntry(row);
        const last = rows.at(-1);
        if (last === undefined || rows.length < pageSize) return;
        after = last.seq;
      }
    },
  };
}
