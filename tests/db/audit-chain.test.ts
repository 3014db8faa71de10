import { copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditVerification } from '../../src/domain/audit';
import { dispatch } from '../../src/services/dispatch';
import { auditHead, openLedger, verifyAuditChain } from '../../src/services/ledger';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser } from '../support/test-app';

interface AuditRow {
  seq: number;
  action: string;
  details: string;
}

/** The columns of an entry other than its position, i.e. what a reorder moves around. */
const contentColumns = ['at', 'actor_user_id', 'action', 'entity_type', 'entity_id', 'details', 'prev_hash', 'hash'];

describe('audit chain in the file', () => {
  let app: TestApp;
  let admin: SignIn;
  let entries: AuditRow[];
  let checkpoint: { seq: number; hash: string };
  let copies = 0;

  beforeAll(() => {
    app = createTestApp();
    admin = setUpClinic(app);
    const nurse = signedInUser(app, admin, 'nurse');
    for (let i = 1; i <= 4; i += 1) {
      const patient = app.ok(nurse, 'patients.create', {
        patient: patientInput({ mrn: `CHAIN-${i}`, familyName: `Family${i}` }),
      });
      app.ok(nurse, 'patients.get', { patientId: patient.id });
    }
    checkpoint = auditHead(app.ledger.raw);
    // Closing checkpoints the WAL into the main file, so the file alone holds the whole chain.
    app.ledger.close();
    expect(existsSync(`${app.path}-wal`) ? statSync(`${app.path}-wal`).size : 0).toBe(0);
    const db = new Database(app.path, { readonly: true });
    entries = db.prepare('SELECT seq, action, details FROM audit_log ORDER BY seq').all() as AuditRow[];
    db.close();
  });
  afterAll(() => app.cleanup());

  /** The seq of the n-th (1-based) entry with this action. */
  function seqOf(action: string, nth = 1): number {
    const found = entries.filter((entry) => entry.action === action)[nth - 1];
    if (found === undefined) throw new Error(`no entry ${nth} with action ${action}`);
    return found.seq;
  }

  /**
   * A copy of the ledger file edited the way another tool would: the append-only triggers
   * dropped, then `edit` run against the raw file. Returns the copy's path.
   */
  function tamperedCopy(edit: (db: Database.Database) => void): string {
    copies += 1;
    const path = join(app.dir, `tampered-${copies}.sqlite`);
    copyFileSync(app.path, path);
    const db = new Database(path);
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    edit(db);
    db.close();
    return path;
  }

  function verifyFile(path: string): AuditVerification {
    const db = new Database(path, { readonly: true });
    try {
      return verifyAuditChain(db);
    } finally {
      db.close();
    }
  }

  it('is intact as written through dispatch', () => {
    expect(entries.length).toBe(checkpoint.seq);
    // Set-up (4, with the clinic root), nurse created with a certificate, signed in and changed
    // password (4), 4 × (created + viewed).
    expect(entries.length).toBe(16);
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: entries.length }, (_, i) => i + 1));
    expect(verifyFile(app.path)).toEqual({ ok: true, entries: checkpoint.seq, headHash: checkpoint.hash });
  });

  it("detects an edit of one entry's details", () => {
    const seq = seqOf('patient.created', 2);
    const path = tamperedCopy((db) => {
      const changed = db
        .prepare("UPDATE audit_log SET details = replace(details, 'Family2', 'Family9') WHERE seq = ?")
        .run(seq);
      expect(changed.changes).toBe(1);
    });
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: seq, entries: seq - 1 });
    if (!result.ok) expect(result.reason).toContain('edited');
  });

  it('detects an edit of any other field of an entry', () => {
    const seq = seqOf('patient.viewed', 3);
    const edits: [string, string | number][] = [
      ['at', '2000-01-01T00:00:00.000Z'],
      ['actor_user_id', 1],
      ['action', 'patient.deleted'],
      ['entity_type', 'user'],
      ['entity_id', '999'],
      ['details', '{}'],
      ['details', 'not json'],
    ];
    for (const [column, value] of edits) {
      const path = tamperedCopy((db) => {
        db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(value, seq);
      });
      expect(verifyFile(path), `${column} = ${value}`).toMatchObject({ ok: false, firstBrokenSeq: seq });
    }
  });

  it('detects a deleted entry in the middle, at the entry after the gap', () => {
    const seq = seqOf('patient.created', 3);
    const path = tamperedCopy((db) => {
      expect(db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq).changes).toBe(1);
    });
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: seq + 1, entries: seq - 1 });
    if (!result.ok) expect(result.reason).toContain(`expected entry ${seq}`);
  });

  it('detects a deleted entry even when the later ones are renumbered to close the gap', () => {
    const seq = seqOf('patient.created', 3);
    const path = tamperedCopy((db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(seq);
      // Shift down one at a time, in order, so the primary key never collides.
      const later = db.prepare('SELECT seq FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as { seq: number }[];
      for (const row of later) db.prepare('UPDATE audit_log SET seq = ? WHERE seq = ?').run(row.seq - 1, row.seq);
    });
    expect(verifyFile(path)).toMatchObject({ ok: false, firstBrokenSeq: seq });
  });

  it('detects two entries swapped (reordered)', () => {
    const first = seqOf('patient.created', 2);
    const second = first + 1;
    const path = tamperedCopy((db) => {
      const read = db.prepare(`SELECT ${contentColumns.join(', ')} FROM audit_log WHERE seq = ?`);
      const a = read.get(first) as Record<string, unknown>;
      const b = read.get(second) as Record<string, unknown>;
      const write = db.prepare(
        `UPDATE audit_log SET ${contentColumns.map((column) => `${column} = @${column}`).join(', ')} WHERE seq = @seq`,
      );
      write.run({ ...b, seq: first });
      write.run({ ...a, seq: second });
      const actions = db.prepare('SELECT action FROM audit_log WHERE seq IN (?, ?) ORDER BY seq').all(first, second);
      expect(actions).toEqual([{ action: 'patient.viewed' }, { action: 'patient.created' }]);
    });
    const result = verifyFile(path);
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: first, entries: first - 1 });
    if (!result.ok) expect(result.reason).toContain('link to the previous entry');
  });

  it('detects a forged entry appended with a made-up hash', () => {
    const path = tamperedCopy((db) => {
      db.prepare(
        `INSERT INTO audit_log (seq, at, actor_user_id, action, entity_type, entity_id, details, prev_hash, hash)
         VALUES (?, '2026-01-01T00:00:00.000Z', 1, 'patient.created', 'patient', '1', '{}', ?, ?)`,
      ).run(checkpoint.seq + 1, checkpoint.hash, 'f'.repeat(64));
    });
    expect(verifyFile(path)).toMatchObject({ ok: false, firstBrokenSeq: checkpoint.seq + 1 });
  });

  it('needs a checkpoint to see entries cut from the end, which the head then shows', () => {
    const path = tamperedCopy((db) => {
      db.prepare('DELETE FROM audit_log WHERE seq = ?').run(checkpoint.seq);
    });
    const result = verifyFile(path);
    // The shorter chain is internally consistent; only the exported head gives it away.
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.entries).toBe(checkpoint.seq - 1);
      expect(result.headHash).not.toBe(checkpoint.hash);
    }
  });

  it('reports the break through audit.verify when the app opens the tampered file', () => {
    const seq = seqOf('patient.viewed', 2);
    const path = tamperedCopy((db) => {
      db.prepare('UPDATE audit_log SET actor_user_id = NULL WHERE seq = ?').run(seq);
    });
    const ledger = openLedger(path);
    try {
      // The admin's sign-in, in a new window on the reopened file.
      const session: SignIn = { ...admin, lastActivityMs: Date.now() };
      const result = dispatch({ ledger, signIn: session }, 'audit.verify', {});
      expect(result).toMatchObject({ ok: true, value: { ok: false, firstBrokenSeq: seq } });
    } finally {
      ledger.close();
    }
  });

  describe('with the append-only triggers in place', () => {
    function refusal(path: string, sql: string, ...params: unknown[]): string {
      const db = new Database(path);
      try {
        db.prepare(sql).run(...params);
        return 'allowed';
      } catch (error) {
        return error instanceof Error ? error.message : String(error);
      } finally {
        db.close();
      }
    }

    function copy(): string {
      copies += 1;
      const path = join(app.dir, `guarded-${copies}.sqlite`);
      copyFileSync(app.path, path);
      return path;
    }

    it('refuses UPDATE of an entry', () => {
      const path = copy();
      expect(refusal(path, "UPDATE audit_log SET action = 'x' WHERE seq = 1")).toContain('append-only');
      expect(refusal(path, "UPDATE audit_log SET details = '{}'")).toContain('append-only');
      expect(verifyFile(path)).toMatchObject({ ok: true, entries: checkpoint.seq });
    });

    it('refuses DELETE of an entry or of all of them', () => {
      const path = copy();
      expect(refusal(path, 'DELETE FROM audit_log WHERE seq = ?', 2)).toContain('append-only');
      expect(refusal(path, 'DELETE FROM audit_log')).toContain('append-only');
      expect(verifyFile(path)).toMatchObject({ ok: true, entries: checkpoint.seq });
    });

    it('refuses rewriting an entry with an upsert through the app connection', () => {
      const ledger = openLedger(copy());
      try {
        const upsert = () =>
          ledger.raw
            .prepare(
              `INSERT INTO audit_log (seq, at, actor_user_id, action, entity_type, entity_id, details, prev_hash, hash)
               VALUES (2, 'x', NULL, 'forged', 'x', NULL, '{}', 'x', 'x')
               ON CONFLICT (seq) DO UPDATE SET action = excluded.action`,
            )
            .run();
        expect(upsert).toThrow(/append-only/);
        expect(verifyAuditChain(ledger.raw)).toMatchObject({ ok: true, entries: checkpoint.seq });
      } finally {
        ledger.close();
      }
    });

    it('refuses replacing an entry (INSERT OR REPLACE) through the app connection', () => {
      const ledger = openLedger(copy());
      try {
        const replace = () =>
          ledger.raw
            .prepare(
              `INSERT OR REPLACE INTO audit_log
                 (seq, at, actor_user_id, action, entity_type, entity_id, details, prev_hash, hash)
               VALUES (2, 'x', NULL, 'forged', 'x', NULL, '{}', 'x', 'x')`,
            )
            .run();
        expect(replace).toThrow(/append-only/);
        expect(verifyAuditChain(ledger.raw)).toMatchObject({ ok: true, entries: checkpoint.seq });
      } finally {
        ledger.close();
      }
    });
  });
});
