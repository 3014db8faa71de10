import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditVerification } from '../../src/domain/audit';
import { genesisHash } from '../../src/domain/audit';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { AuditRow } from '../../src/db/audit-row';

/**
 * The audit chain verifier as it was before the batched fast path (row by row: JSON.parse, then
 * canonicalJson of the entry, then SHA-256), kept as the oracle the new verifiers must agree
 * with on every chain, intact or broken, verdict, count and message alike.
 */

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The hashed text of a row as JavaScript reads it: what appendAudit hashed. */
export function referenceMessage(row: AuditRow): string {
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
  return row.prev_hash + text;
}

export function referenceVerify(raw: Database.Database): AuditVerification {
  let expectedPrev = genesisHash;
  let expectedSeq = 1;
  let count = 0;
  for (const row of raw.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    const broken = (reason: string): AuditVerification => ({
      ok: false,
      entries: count,
      firstBrokenSeq: row.seq,
      reason,
    });
    if (row.seq !== expectedSeq) return broken(`expected entry ${expectedSeq} but found ${row.seq} (entry missing)`);
    if (row.prev_hash !== expectedPrev)
      return broken('link to the previous entry does not match (entry removed or moved)');
    try {
      JSON.parse(row.details);
    } catch {
      return broken('details are not valid JSON');
    }
    if (sha256Hex(referenceMessage(row)) !== row.hash)
      return broken('entry content does not match its hash (entry edited)');
    expectedPrev = row.hash;
    expectedSeq += 1;
    count += 1;
  }
  return { ok: true, entries: count, headHash: expectedPrev };
}

/**
 * What someone who recomputes the chain after an edit does: every entry from `fromSeq` on gets
 * the previous entry's hash as its link and a hash over its text as JavaScript reads it, so the
 * row-by-row verifier finds the chain intact again (unless the details no longer parse).
 */
export function rehashChain(raw: Database.Database, fromSeq: number): void {
  const rows = raw.prepare('SELECT * FROM audit_log WHERE seq >= ? ORDER BY seq').all(fromSeq) as AuditRow[];
  const before = raw.prepare('SELECT hash FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT 1').pluck();
  let previous = (before.get(fromSeq) as string | undefined) ?? genesisHash;
  const write = raw.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  for (const row of rows) {
    const hash = sha256Hex(referenceMessage({ ...row, prev_hash: previous }));
    write.run(previous, hash, row.seq);
    previous = hash;
  }
}

/**
 * A forger who hashes the bytes SQLite builds for an entry (the fast path's message) instead of
 * the text JavaScript reads: where the two differ (bytes that are not UTF-8, a NUL after the JSON,
 * an integer JavaScript cannot hold, a number where text belongs), only the fast path's guards
 * keep it from accepting an entry the row-by-row verifier rejects.
 */
export function rehashRowAsBytes(raw: Database.Database, seq: number): void {
  const message = raw
    .prepare(
      `SELECT CAST(prev_hash || '{"action":' || json_quote(action) || ',"actorUserId":' || ifnull(actor_user_id, 'null')
         || ',"at":' || json_quote(at) || ',"details":' || json_quote(details) || ',"entityId":' || json_quote(entity_id)
         || ',"entityType":' || json_quote(entity_type) || ',"prevHash":"' || prev_hash || '","seq":' || seq || '}' AS BLOB)
       FROM audit_log WHERE seq = ?`,
    )
    .pluck()
    .get(seq) as Buffer;
  const hash = createHash('sha256').update(message).digest('hex');
  raw.prepare('UPDATE audit_log SET hash = ? WHERE seq = ?').run(hash, seq);
  // The entries after it link to the forged hash, as a forger would make them.
  rehashChain(raw, seq + 1);
}
