/**
 * The tamper suite of issue 10: the fourteen edits someone with the file and sqlite3 could make
 * to the records, plus the users/patients/clinic edits, each reported by `audit verify` (exit 1,
 * the table and row named) on a copy with every trigger dropped; and, with the triggers in place,
 * each is either refused by the database or reported just the same.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeBackup } from '../../src/backup/take-backup';
import { runCli } from '../../src/cli/run-cli';
import type { AuditedLedger } from '../support/audited-ledger';
import { auditedLedger } from '../support/audited-ledger';
import { rehashChain } from '../support/reference-audit-verify';

let ledger: AuditedLedger;
let backupPath: string;
let copies = 0;

beforeAll(async () => {
  ledger = auditedLedger();
  const { app } = ledger;
  const userId = app.ledger.raw.prepare("SELECT id FROM users WHERE role = 'admin'").pluck().get() as number;
  const out = join(app.dir, 'backups');
  mkdirSync(out);
  const backup = await takeBackup(app.ledger, {
    outDir: out,
    passphrase: 'tamper-suite-passphrase',
    scryptLogN: 10,
    actor: { userId, by: 'Alex Admin' },
  });
  backupPath = backup.path;
}, 120_000);
afterAll(() => ledger.app.cleanup());

type Raw = Database.Database;
const one = (raw: Raw, sql: string, ...params: unknown[]) =>
  raw
    .prepare(sql)
    .pluck()
    .get(...params) as number;

/** A copy of the ledger as it is now; with `dropTriggers`, as someone with sqlite3 would leave it. */
function copyOf(dropTriggers: boolean): { raw: Raw; path: string } {
  copies += 1;
  const path = join(ledger.app.dir, `tamper-${copies}.sqlite`);
  ledger.app.ledger.raw.prepare('VACUUM INTO ?').run(path);
  const raw = new Database(path);
  if (dropTriggers) {
    raw.pragma('foreign_keys = OFF');
    const names = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
    for (const name of names) raw.exec(`DROP TRIGGER "${name}"`);
  }
  return { raw, path };
}

async function verify(path: string, ...extra: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runCli(['audit', 'verify', '--db', path, ...extra], {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
  });
  return { code, out };
}

interface TamperCase {
  name: string;
  edit: (raw: Raw) => void;
  /** A line `audit verify` prints: names what is wrong and where. */
  reported: RegExp;
  /** Extra arguments (the copy kept outside the ledger, for a tail cut off after the last checkpoint). */
  against?: boolean;
}

const cases: TamperCase[] = [
  {
    name: '1. an audit entry edited',
    edit: (raw) => raw.prepare("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 10").run(),
    reported: /^Audit chain BROKEN at entry 10: entry content does not match its hash/,
  },
  {
    name: '2. an audit entry deleted from the middle',
    edit: (raw) => raw.prepare('DELETE FROM audit_log WHERE seq = 12').run(),
    reported: /^Audit chain BROKEN at entry 13: expected entry 12 but found 13/,
  },
  {
    name: '3. two audit entries swapped',
    edit: (raw) => {
      raw.prepare('UPDATE audit_log SET seq = -1 WHERE seq = 20').run();
      raw.prepare('UPDATE audit_log SET seq = 20 WHERE seq = 21').run();
      raw.prepare('UPDATE audit_log SET seq = 21 WHERE seq = -1').run();
    },
    reported: /^Audit chain BROKEN at entry 20/,
  },
  {
    name: '4. the last entries cut off the end of the log',
    edit: (raw) => {
      const checkpointSeq = one(raw, 'SELECT max(seq) FROM audit_checkpoints');
      raw.prepare('DELETE FROM audit_log WHERE seq >= ?').run(checkpointSeq);
    },
    reported: /^Checkpoints BROKEN: Checkpoint \d+ .* the entries after \d+ were cut off/,
  },
  {
    name: '4b. the entries after the last checkpoint cut off (shown against the backup)',
    edit: (raw) => {
      const checkpointRecorded = one(raw, "SELECT max(seq) FROM audit_log WHERE action = 'audit.checkpoint-signed'");
      raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(checkpointRecorded);
    },
    reported: /^Against the backup of .* BROKEN: The audit trail ends at entry \d+, but the backup .* cut off since/,
    against: true,
  },
  {
    name: '5. a signed record version edited',
    edit: (raw) =>
      raw
        .prepare("UPDATE record_versions SET content = json_set(content, '$.rationale', 'edited') WHERE id = ?")
        .run(ledger.planVersionId),
    reported: /^Signed record \d+ version \d+ BROKEN/,
  },
  {
    name: '6. a signature edited',
    edit: (raw) =>
      raw.prepare("UPDATE signatures SET printed_name = 'Someone Else' WHERE version_id = ?").run(ledger.planVersionId),
    reported: /^signatures row \d+ .*BROKEN: .*differs from the audit trail/,
  },
  {
    name: '7. a signed session entry edited',
    edit: (raw) =>
      raw
        .prepare("UPDATE session_entries SET printed_name = 'Someone Else' WHERE session_id = ? AND kind = 'discharge'")
        .run(ledger.signedSessionId),
    reported: /^Session \d+ signature \d+ BROKEN: what it covers hashes to/,
  },
  {
    name: '8. a session entry that carries no signature deleted',
    edit: (raw) => raw.prepare('DELETE FROM session_entries WHERE id = ?').run(ledger.openEntryId),
    reported: /^session_entries row \d+ .*BROKEN: deleted outside the app/,
  },
  {
    name: '9. a session signature deleted (with its PDF)',
    edit: (raw) => {
      raw.prepare('DELETE FROM signed_documents WHERE session_signature_id = ?').run(ledger.sessionSignatureId);
      raw.prepare('DELETE FROM session_signatures WHERE id = ?').run(ledger.sessionSignatureId);
    },
    reported: /^session_signatures row \d+ .*BROKEN: deleted outside the app/,
  },
  {
    name: '10. a whole signed record deleted: versions, signatures, events, PDFs and its audit entries',
    edit: (raw) => {
      const recordId = ledger.planRecordId;
      const versions = `SELECT id FROM record_versions WHERE record_id = ${recordId}`;
      raw.exec(`DELETE FROM signed_documents WHERE version_id IN (${versions})`);
      raw.exec(`DELETE FROM signatures WHERE version_id IN (${versions})`);
      raw.exec(`DELETE FROM record_events WHERE record_id = ${recordId}`);
      raw.exec(`DELETE FROM record_versions WHERE record_id = ${recordId}`);
      raw.exec(`DELETE FROM records WHERE id = ${recordId}`);
      raw.exec(`DELETE FROM audit_log WHERE entity_type = 'plan' AND entity_id = '${recordId}'`);
    },
    reported: /^Audit chain BROKEN at entry \d+: expected entry \d+ but found \d+ \(entry missing\)/,
  },
  {
    name: '11. the bytes of a stored signed PDF replaced (and its SHA-256 column with them)',
    edit: (raw) => {
      const forged = Buffer.from('%PDF-1.7\n% forged\n');
      raw
        .prepare('UPDATE signed_documents SET pdf = ?, sha256 = ? WHERE version_id = ?')
        .run(forged, createHash('sha256').update(forged).digest('hex'), ledger.planVersionId);
    },
    reported: /^signed_documents row \d+ .*BROKEN/,
  },
  {
    name: '12. the whole chain recomputed after an edit',
    edit: (raw) => {
      raw.prepare("UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 10").run();
      rehashChain(raw, 1);
    },
    reported: /^Checkpoints BROKEN: Checkpoint \d+ .* the audit trail was rewritten after it/,
  },
  {
    name: '13. a session entry that carries no signature edited',
    edit: (raw) =>
      raw.prepare("UPDATE session_entries SET printed_name = 'Someone Else' WHERE id = ?").run(ledger.openEntryId),
    reported: /^session_entries row \d+ .*BROKEN: .*differs from the audit trail/,
  },
  {
    name: '14. a session entry inserted outside the app',
    edit: (raw) =>
      raw.exec(
        `INSERT INTO session_entries (session_id, kind, occurred_at, recorded_at, user_id, printed_name, content)
         SELECT session_id, kind, occurred_at, recorded_at, user_id, printed_name, content FROM session_entries WHERE id = ${ledger.openEntryId}`,
      ),
    reported: /^session_entries row \d+ .*BROKEN: no audit entry records this row \(added outside the app\)/,
  },
  {
    name: "users: a nurse's role changed to admin",
    edit: (raw) => raw.exec("UPDATE users SET role = 'admin' WHERE username = 'nurse'"),
    reported: /^users row \d+ \(nurse\) BROKEN: role differs from the audit trail \(nurse → admin\)/,
  },
  {
    name: 'users: a password hash copied from another user',
    edit: (raw) =>
      raw.exec(
        "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE username = 'admin') WHERE username = 'nurse'",
      ),
    reported: /^users row \d+ \(nurse\) BROKEN: password hash differs from the audit trail/,
  },
  {
    name: 'patients: an allergy removed',
    edit: (raw) => raw.exec("UPDATE patients SET allergies = '[]' WHERE mrn = 'MRN-0002'"),
    reported: /^patients row \d+ \(MRN-0002\) BROKEN: allergies differs from the audit trail/,
  },
  {
    name: "host certificates: a host name added to a certificate's record",
    edit: (raw) => raw.exec(`UPDATE host_certificates SET host_names = '["clinic-host.local","evil.example"]'`),
    reported: /^host_certificates row 1 .*BROKEN: the row differs from the audit trail/,
  },
  {
    name: 'host certificates: an issued certificate deleted',
    edit: (raw) => raw.exec('DELETE FROM host_certificates'),
    reported: /^host_certificates row 1 BROKEN: deleted outside the app/,
  },
  {
    name: 'clinic: the auto-lock time changed',
    edit: (raw) => raw.exec('UPDATE clinic SET auto_lock_minutes = 240'),
    reported: /^clinic row 1 .*BROKEN: auto lock minutes differs from the audit trail/,
  },
];

describe('audit verify detects every tamper case with the triggers dropped', () => {
  it('reports nothing on an untouched copy, and matches its own backup', async () => {
    const { raw, path } = copyOf(true);
    raw.close();
    const { code, out } = await verify(path, '--against', backupPath);
    expect(out.filter((line) => line.includes('BROKEN'))).toEqual([]);
    expect(code).toBe(0);
  });

  for (const tamperCase of cases) {
    it(tamperCase.name, async () => {
      const { raw, path } = copyOf(true);
      tamperCase.edit(raw);
      raw.close();
      const { code, out } = await verify(path, ...(tamperCase.against === true ? ['--against', backupPath] : []));
      expect(out).toContainEqual(expect.stringMatching(tamperCase.reported));
      expect(code).toBe(1);
    });
  }
});

describe('with the triggers in place', () => {
  for (const tamperCase of cases) {
    it(`${tamperCase.name}: refused by the database, or reported`, async () => {
      const { raw, path } = copyOf(false);
      let refused = false;
      try {
        raw.transaction(() => tamperCase.edit(raw))();
      } catch (error) {
        expect(String(error)).toMatch(/cannot|append-only|frozen|refuse/i);
        refused = true;
      }
      raw.close();
      const { code, out } = await verify(path, ...(tamperCase.against === true ? ['--against', backupPath] : []));
      if (refused) {
        expect(out.filter((line) => line.includes('BROKEN'))).toEqual([]);
        expect(code).toBe(0);
      } else {
        expect(out).toContainEqual(expect.stringMatching(tamperCase.reported));
        expect(code).toBe(1);
      }
    });
  }
});
