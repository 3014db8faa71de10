import type Database from 'better-sqlite3';
import type { AuditEntry } from '../domain/audit';
import type { AuditRow } from './audit-row';
import { toEntry } from './audit-log';

/** What the audit log may be narrowed to; every field optional, all that are given must hold. */
export interface AuditFilter {
  /** Entries older than this one (the previous page's last). */
  beforeSeq?: number;
  /** UTC instants: from (inclusive) and to (exclusive), e.g. whole days in the clinic's zone. */
  fromIso?: string | null;
  toIso?: string | null;
  actorUserId?: number;
  action?: string;
  entityType?: string;
  entityId?: string;
  limit: number;
}

/** One statement per combination of filters given (at most 64), each prepared once per connection. */
const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function statement(raw: Database.Database, text: string): Database.Statement {
  let cache = statements.get(raw);
  if (cache === undefined) {
    cache = new Map();
    statements.set(raw, cache);
  }
  let prepared = cache.get(text);
  if (prepared === undefined) {
    prepared = raw.prepare(text);
    cache.set(text, prepared);
  }
  return prepared;
}

/**
 * A page of the audit log, newest first, filtered in SQL: keyset paging by seq, and only the
 * conditions given in the WHERE clause, so SQLite can use the index that fits (entity, actor,
 * action or time; migrations/0024_audit-log-filters.sql) on a log of millions of entries.
 */
export function listAuditFiltered(raw: Database.Database, filter: AuditFilter): AuditEntry[] {
  const params: Record<string, string | number> = {
    beforeSeq: filter.beforeSeq ?? Number.MAX_SAFE_INTEGER,
    limit: filter.limit,
  };
  const equal: string[] = [];
  const add = (conditions: string[], condition: string, name: string, value: string | number | null | undefined) => {
    if (value === undefined || value === null) return;
    conditions.push(condition);
    params[name] = value;
  };
  add(equal, 'a.actor_user_id = @actorUserId', 'actorUserId', filter.actorUserId);
  add(equal, 'a.action = @action', 'action', filter.action);
  add(equal, 'a.entity_type = @entityType', 'entityType', filter.entityType);
  add(equal, 'a.entity_id = @entityId', 'entityId', filter.entityId);
  const range: string[] = [];
  add(range, 'at >= @fromIso', 'fromIso', filter.fromIso);
  add(range, 'at < @toIso', 'toIso', filter.toIso);
  let text: string;
  if (range.length > 0 && filter.entityId === undefined) {
    // A time window: its entries found by the time index alone (times are not in seq order when
    // a clock was set back, so the window is not a seq range), then sorted: cost grows with the
    // entries in the window, not with the log. CROSS JOIN keeps SQLite to that order.
    text = `SELECT a.* FROM (SELECT seq FROM audit_log INDEXED BY audit_log_at WHERE ${range.join(' AND ')}
        AND seq < @beforeSeq) w CROSS JOIN audit_log a ON a.seq = w.seq
      ${equal.length === 0 ? '' : `WHERE ${equal.join(' AND ')}`} ORDER BY a.seq DESC LIMIT @limit`;
  } else {
    // One entity, actor or action: its index lists the entries in seq order, newest read first.
    const where = ['a.seq < @beforeSeq', ...equal, ...range.map((condition) => `a.${condition}`)];
    // One entity: its ID is the sharper index (an ID repeats across a few types only).
    const from = filter.entityId === undefined ? 'audit_log a' : 'audit_log a INDEXED BY audit_log_entity_id';
    text = `SELECT a.* FROM ${from} WHERE ${where.join(' AND ')} ORDER BY a.seq DESC LIMIT @limit`;
  }
  return (statement(raw, text).all(params) as AuditRow[]).map(toEntry);
}
