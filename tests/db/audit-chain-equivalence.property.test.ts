import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../src/db/audit-log';
import { appendAudit, verifyAuditChain } from '../../src/db/audit-log';
import type { JsonValue } from '../../src/domain/canonical-json';
import { referenceVerify, rehashChain, rehashRowAsBytes } from '../support/reference-audit-verify';
import type { TempLedger } from '../support/temp-ledger';
import { tempLedger } from '../support/temp-ledger';

/**
 * Random chains, written by appendAudit, then damaged at random the ways another tool could
 * (any column set to any type of value, entries deleted, swapped or appended, the chain
 * recomputed after the damage, or an entry hashed over SQLite's bytes): the batched verifier's
 * verdict, count and message are always the row-by-row verifier's.
 */

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom('', '"\\', '\u0000', '\u2028', '😀', '\ud800', '{}', 'null'),
);

const record: fc.Arbitrary<AuditRecord> = fc.record({
  at: text,
  actorUserId: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: null }),
  action: text,
  entityType: text,
  entityId: fc.option(text, { nil: null }),
  details: fc.dictionary(text, fc.jsonValue() as fc.Arbitrary<JsonValue>, { maxKeys: 4 }),
});

const columns = ['seq', 'at', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'details', 'prev_hash', 'hash'];

/** Any SQLite value: text (JSON or not, with NULs), integers beyond 2^53, reals, NULL, BLOBs, bytes that are not UTF-8. */
const anyValue = fc.oneof(
  { arbitrary: text, weight: 3 },
  fc.constantFrom('{"a":1}', '{}\u0000x', '[1,]', '{"a":"\u0001"}', ' {} ', '"x"'),
  fc.integer(),
  fc.constantFrom(9007199254740993n, -1n, 0n),
  fc.double(),
  fc.constant(null),
  fc.uint8Array({ maxLength: 8 }).map((bytes) => Buffer.from(bytes)),
  fc.uint8Array({ maxLength: 8 }).map((bytes) => ({ asText: Buffer.from(bytes) })),
);

type Damage =
  | { kind: 'set'; at: number; column: string; value: unknown; then: 'nothing' | 'rehash' | 'rehash-bytes' }
  | { kind: 'delete' | 'swap' | 'rehash' | 'rehash-bytes'; at: number }
  | { kind: 'append'; values: unknown[] };

const damage: fc.Arbitrary<Damage> = fc.oneof(
  // Often followed by recomputing the chain from there, as a forger would.
  fc.record({
    kind: fc.constant('set' as const),
    at: fc.nat(40),
    // Details half the time: the column whose text the fast path parses.
    column: fc.oneof(fc.constantFrom(...columns), fc.constant('details')),
    value: anyValue,
    then: fc.constantFrom('nothing' as const, 'rehash' as const, 'rehash-bytes' as const),
  }),
  fc.record({
    kind: fc.constantFrom('delete' as const, 'swap' as const, 'rehash' as const, 'rehash-bytes' as const),
    at: fc.nat(40),
  }),
  fc.record({ kind: fc.constant('append' as const), values: fc.array(anyValue, { minLength: 8, maxLength: 8 }) }),
);

function apply(db: Database.Database, change: Damage): void {
  const count = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  if (change.kind === 'append') {
    const values = change.values.map((value) =>
      value !== null && typeof value === 'object' && 'asText' in value ? value.asText : value,
    );
    db.prepare(`INSERT INTO audit_log VALUES (${count + 1}, ?, ?, ?, ?, ?, ?, ?, ?)`).run(...values);
    return;
  }
  const seq = 1 + (change.at % Math.max(1, count));
  if (change.kind === 'set') {
    const { value } = change;
    if (value !== null && typeof value === 'object' && 'asText' in value) {
      db.prepare(`UPDATE audit_log SET ${change.column} = CAST(? AS TEXT) WHERE seq = ?`).run(value.asText, seq);
    } else {
      db.prepare(`UPDATE audit_log SET ${change.column} = ? WHERE seq = ?`).run(value, seq);
    }
    if (change.then === 'rehash') rehashChain(db, seq);
    if (change.then === 'rehash-bytes') rehashRowAsBytes(db, seq);
  } else if (change.kind === 'delete') {
    db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
  } else if (change.kind === 'swap') {
    db.prepare('UPDATE audit_log SET seq = -seq WHERE seq IN (?, ?)').run(seq, seq + 1);
    db.prepare('UPDATE audit_log SET seq = CASE seq WHEN ? THEN ? ELSE ? END WHERE seq < 0').run(-seq, seq + 1, seq);
  } else if (change.kind === 'rehash') {
    rehashChain(db, seq);
  } else {
    rehashRowAsBytes(db, seq);
  }
}

describe('audit chain verifiers agree', () => {
  let template: TempLedger;
  let copies = 0;

  beforeAll(() => {
    template = tempLedger();
    template.ledger.close();
  });
  afterAll(() => template.cleanup());

  it('on random chains with random damage', () => {
    fc.assert(
      fc.property(
        fc.array(record, { minLength: 1, maxLength: 30 }),
        fc.array(damage, { maxLength: 3 }),
        (records, changes) => {
          copies += 1;
          const path = join(template.dir, `chain-${copies}.sqlite`);
          copyFileSync(template.path, path);
          const db = new Database(path);
          try {
            db.transaction(() => {
              for (const entry of records) appendAudit(db, entry);
            })();
            db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
            for (const change of changes) {
              try {
                apply(db, change);
              } catch {
                // A change the table refuses (NOT NULL, a taken seq) is simply not made.
              }
            }
            expect(verifyAuditChain(db)).toEqual(referenceVerify(db));
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 300 },
    );
  }, 120_000);
});
