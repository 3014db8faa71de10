import type Database from 'better-sqlite3';
import type { AuditEntry, AuditVerification } from '../domain/audit';
import { genesisHash } from '../domain/audit';
import type { JsonValue } from '../domain/canonical-json';
import { canonicalJson } from '../domain/canonical-json';
import type { ChainAnchor } from './audit-chain-walk';
import { chainStepEntries, chainWalk, withMappedFile } from './audit-chain-walk';
import { verifyWholeChain } from './audit-chain-verify';
import type { AuditRow } from './audit-row';
import { entryHash } from './audit-row';

export interface AuditRecord {
  at: string;
  actorUserId: number | null;
  action: string;
  entityType: string;
  entityId: string | null;
  details: Record<string, JsonValue>;
}

const statements = new WeakMap<Database.Database, { head: Database.Statement; insert: Database.Statement }>();

function prepared(raw: Database.Database) {
  let cached = statements.get(raw);
  if (cached === undefined) {
    cached = {
      head: raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1'),
      insert: raw.prepare(
        `INSERT INTO audit_log (seq, at, actor_user_id, action, entity_type, entity_id, details, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    statements.set(raw, cached);
  }
  return cached;
}

/** Current head of the chain: the number of entries and the last hash. */
export function auditHead(raw: Database.Database): { seq: number; hash: string } {
  const head = prepared(raw).head.get() as { seq: number; hash: string } | undefined;
  return head ?? { seq: 0, hash: genesisHash };
}

/**
 * Appends one entry. Must run inside the transaction that makes the change it describes,
 * so the record and its audit entry commit together or not at all.
 */
export function appendAudit(raw: Database.Database, record: AuditRecord): AuditEntry {
  if (!raw.inTransaction) throw new Error('appendAudit must run inside the transaction of the change');
  const head = auditHead(raw);
  const seq = head.seq + 1;
  const detailsJson = canonicalJson(record.details);
  const hash = entryHash({
    seq,
    at: record.at,
    actor_user_id: record.actorUserId,
    action: record.action,
    entity_type: record.entityType,
    entity_id: record.entityId,
    details: detailsJson,
    prev_hash: head.hash,
  });
  prepared(raw).insert.run(
    seq,
    record.at,
    record.actorUserId,
    record.action,
    record.entityType,
    record.entityId,
    detailsJson,
    head.hash,
    hash,
  );
  return { seq, ...record, prevHash: head.hash, hash };
}

/** An audit row as the app reads it: details parsed. */
export function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorUserId: row.actor_user_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: JSON.parse(row.details) as Record<string, JsonValue>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function listAudit(raw: Database.Database, options: { beforeSeq?: number; limit: number }): AuditEntry[] {
  const rows = raw
    .prepare('SELECT * FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?')
    .all(options.beforeSeq ?? Number.MAX_SAFE_INTEGER, options.limit) as AuditRow[];
  return rows.map(toEntry);
}

export interface ChainVerifyOptions {
  /** Walk only after this trusted entry (an incremental check); the whole chain when absent. */
  from?: ChainAnchor;
  /** Told every few tens of thousands of entries how far the walk is (never per row). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Walks the whole chain (or, given `from`, the entries after it). An edited entry no longer
 * matches its hash; a deleted or reordered one breaks the sequence or the link to its
 * predecessor. (Removing entries from the end is caught by comparing with a checkpoint of the
 * head, as exports carry.)
 */
export function verifyAuditChain(raw: Database.Database, options: ChainVerifyOptions = {}): AuditVerification {
  // Batched, with SQLite building the hashed text; same verdicts as the row-by-row walk
  // (src/db/audit-chain-range.ts), which it falls back to for any batch it cannot accept.
  if (options.from === undefined && options.onProgress === undefined) return verifyWholeChain(raw);
  const { onProgress } = options;
  return withMappedFile(raw, () =>
    raw.transaction(() => {
      const walk = chainWalk(raw, options.from ?? null);
      for (;;) {
        const verdict = walk.step(chainStepEntries);
        onProgress?.(walk.done, walk.total);
        if (verdict !== null) return verdict;
      }
    })(),
  );
}

/** Every entry, oldest first, optionally within [fromIso, toIso). */
export function auditRange(raw: Database.Database, fromIso: string | null, toIso: string | null): AuditEntry[] {
  const rows = raw
    .prepare('SELECT * FROM audit_log WHERE at >= ? AND at < ? ORDER BY seq')
    .all(fromIso ?? '', toIso ?? '\uffff') as AuditRow[];
  return rows.map(toEntry);
}
