import { canonicalJson } from '../domain/canonical-json';
import { sha256Hex } from './hash';

/** A row of `audit_log` as SQLite hands it back (snake_case columns). */
export interface AuditRow {
  seq: number;
  at: string;
  actor_user_id: number | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

/**
 * The chain hash of an entry: SHA-256 of `prev_hash ‖ canonical JSON of every field but the
 * hash` (`details` is its stored canonical text, hashed as a JSON string). The one definition,
 * for appending and for verifying.
 */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  const text = canonicalJson({
    seq: row.seq,
    at: row.at,
    actorUserId: row.actor_user_id,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    details: row.details,
    prevHash: row.prev_hash,
  });
  return sha256Hex(row.prev_hash + text);
}
