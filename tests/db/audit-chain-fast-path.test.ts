import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from '../../src/db/audit-log';
import { openLedger } from '../../src/db/open';
import type { AuditVerification } from '../../src/domain/audit';
import { referenceVerify, rehashChain, rehashRowAsBytes } from '../support/reference-audit-verify';
import type { TempLedger } from '../support/temp-ledger';
import { tempLedger } from '../support/temp-ledger';

/**
 * The batched verifier (src/db/audit-chain-range.ts) against the row-by-row one it replaced
 * (tests/support/reference-audit-verify.ts): the same verdict, count and message on intact
 * chains, on breaks at and across batch boundaries (1,024 entries), and on forgeries built to
 * slip past the fast path where SQLite's bytes and JavaScript's text of an entry differ.
 */

const entryCount = 2_600;

/** Text that escapes in JSON, astral and right-to-left characters, separators JS treats specially. */
const texts = [
  'plain',
  'quote " and \\ backslash',
  'tab\tnew\nline\u0001',
  '王小明 عائشة 😀',
  '\u2028\u2029\u007f',
  '',
];

describe('audit chain fast path', () => {
  let base: TempLedger;
  let copies = 0;

  beforeAll(() => {
    base = tempLedger();
    base.ledger.raw.transaction(() => {
      for (let index = 0; index < entryCount; index += 1) {
        const text = texts[index % texts.length] ?? '';
        appendAudit(base.ledger.raw, {
          at: new Date(Date.UTC(2026, 0, 1) + index * 60_000).toISOString(),
          actorUserId: index % 5 === 0 ? null : (index % 7) + 1,
          action: index % 2 === 0 ? 'patient.viewed' : `session.${text}`,
          entityType: 'patient',
          entityId: index % 3 === 0 ? null : `${index}-${text}`,
          details: { text, index, nested: { list: [1, 0.5, -2e-7, true, null, text] } },
        });
      }
    })();
    // Closing checkpoints the WAL into the file, so a copy of the file holds the whole chain.
    base.ledger.close();
    base.ledger = openLedger(base.path, { readonly: true });
  });
  afterAll(() => base.cleanup());

  /** A copy of the ledger with the append-only triggers dropped and `edit` applied. */
  function tampered(edit: (db: Database.Database) => void): Database.Database {
    copies += 1;
    const path = join(base.dir, `copy-${copies}.sqlite`);
    copyFileSync(base.path, path);
    const db = new Database(path);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    edit(db);
    return db;
  }

  /** The new verifier's verdict, after checking it is the reference's. */
  function verdictOf(db: Database.Database): AuditVerification {
    try {
      const verdict = verifyAuditChain(db);
      expect(verdict).toEqual(referenceVerify(db));
      return verdict;
    } finally {
      db.close();
    }
  }

  it('accepts the intact chain with its head', () => {
    const verdict = verdictOf(tampered(() => undefined));
    expect(verdict).toMatchObject({ ok: true, entries: entryCount });
  });

  it('names the same first broken entry for edits at, around and across batch boundaries', () => {
    for (const seq of [1, 2, 1023, 1024, 1025, 2048, 2049, entryCount]) {
      const edited = verdictOf(tampered((db) => db.prepare("UPDATE audit_log SET at = 'x' WHERE seq = ?").run(seq)));
      expect(edited, `edit of ${seq}`).toMatchObject({ ok: false, firstBrokenSeq: seq, entries: seq - 1 });
      const removed = verdictOf(tampered((db) => db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq)));
      if (seq === entryCount) expect(removed).toMatchObject({ ok: true, entries: seq - 1 });
      else expect(removed, `deletion of ${seq}`).toMatchObject({ ok: false, firstBrokenSeq: seq + 1 });
    }
  });

  it('agrees on a chain recomputed after an edit, and on details that no longer parse', () => {
    const recomputed = verdictOf(
      tampered((db) => {
        db.prepare("UPDATE audit_log SET action = 'patient.deleted' WHERE seq = 1500").run();
        rehashChain(db, 1500);
      }),
    );
    expect(recomputed).toMatchObject({ ok: true, entries: entryCount });
    const unparsable = verdictOf(
      tampered((db) => {
        db.prepare('UPDATE audit_log SET details = \'{"a":1,}\' WHERE seq = 1100').run();
        rehashChain(db, 1100);
      }),
    );
    expect(unparsable).toMatchObject({ ok: false, firstBrokenSeq: 1100, reason: 'details are not valid JSON' });
  });

  it("refuses forgeries hashed over SQLite's bytes where they differ from JavaScript's text", () => {
    const forgeries: [string, string, string][] = [
      // json_valid stops at a NUL; JSON.parse does not.
      [
        'details after a NUL',
        "UPDATE audit_log SET details = CAST(X'7B7D006A756E6B' AS TEXT) WHERE seq = ?",
        'details are not valid JSON',
      ],
      // Not UTF-8: JavaScript reads U+FFFD, so the hash over the raw bytes is not the one it recomputes.
      ['bytes that are not UTF-8', "UPDATE audit_log SET at = CAST(X'32303236FF' AS TEXT) WHERE seq = ?", 'edited'],
      // Beyond 2^53 JavaScript reads another integer.
      [
        'an actor ID JavaScript cannot hold',
        'UPDATE audit_log SET actor_user_id = 9007199254740993 WHERE seq = ?',
        'edited',
      ],
      // Text in the actor column: SQLite's message has it bare, JavaScript's in quotes.
      ['text as the actor ID', "UPDATE audit_log SET actor_user_id = 'x' WHERE seq = ?", 'edited'],
    ];
    for (const [what, sql, reason] of forgeries) {
      const verdict = verdictOf(
        tampered((db) => {
          db.prepare(sql).run(1030);
          rehashRowAsBytes(db, 1030);
        }),
      );
      expect(verdict, what).toMatchObject({ ok: false, firstBrokenSeq: 1030 });
      if (!verdict.ok) expect(verdict.reason, what).toContain(reason);
    }
  });

  it('agrees when a BLOB, a NULL, a REAL or another hash form stands in a column, recomputed or not', () => {
    for (const sql of [
      "UPDATE audit_log SET action = X'41' WHERE seq = ?",
      'UPDATE audit_log SET entity_id = NULL WHERE seq = ?',
      'UPDATE audit_log SET actor_user_id = 2.5 WHERE seq = ?',
      'UPDATE audit_log SET prev_hash = upper(prev_hash) WHERE seq = ?',
    ]) {
      for (const recompute of [false, true]) {
        const verdict = verdictOf(
          tampered((db) => {
            db.prepare(sql).run(701);
            if (recompute) rehashChain(db, 701);
          }),
        );
        if (!recompute) expect(verdict, sql).toMatchObject({ ok: false, firstBrokenSeq: 701 });
      }
    }
  });

  it('agrees on a table redefined without its column types (numbers that print differently)', () => {
    const verdict = verdictOf(
      tampered((db) => {
        db.exec(`CREATE TABLE untyped AS SELECT * FROM audit_log;
          DROP TABLE audit_log;
          CREATE TABLE audit_log (seq INTEGER PRIMARY KEY, at, actor_user_id, action, entity_type, entity_id, details, prev_hash, hash);
          INSERT INTO audit_log SELECT * FROM untyped; DROP TABLE untyped;`);
        db.prepare('UPDATE audit_log SET at = 1e21 WHERE seq = 1200').run();
        rehashRowAsBytes(db, 1200);
      }),
    );
    expect(verdict).toMatchObject({ ok: false, firstBrokenSeq: 1200 });
  });

  it('agrees on a UTF-16 file, whose bytes SQLite builds are not the UTF-8 that is hashed', () => {
    copies += 1;
    const db = new Database(join(base.dir, `utf16-${copies}.sqlite`));
    db.pragma("encoding = 'UTF-16le'");
    const source = base.ledger.raw;
    db.exec(source.prepare("SELECT sql FROM sqlite_schema WHERE name = 'audit_log'").pluck().get() as string);
    const insert = db.prepare('INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
    const rows = source.prepare('SELECT * FROM audit_log WHERE seq <= 1100 ORDER BY seq').raw().all() as unknown[][];
    db.transaction(() => rows.forEach((row) => insert.run(...row)))();
    expect(verdictOf(db)).toMatchObject({ ok: true, entries: 1100 });
    const forged = new Database(db.name);
    rehashRowAsBytes(forged, 1050);
    expect(verdictOf(forged)).toMatchObject({ ok: false, firstBrokenSeq: 1050 });
  });
});
