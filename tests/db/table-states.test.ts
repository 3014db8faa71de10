import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { appendAudit } from '../../src/db/audit-log';
import { rowAuditFields } from '../../src/db/row-state';
import { verifyTableStates } from '../../src/db/table-states';
import { requestDeviceEnrolment } from '../../src/services/devices';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import { tempLedger } from '../support/temp-ledger';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

let app: TestApp;
let admin: SignIn;
let clerk: SignIn;
let nurseId: number;
let adminId: number;
let patientId: number;

function userId(username: string): number {
  return (app.ledger.raw.prepare('SELECT id FROM users WHERE username = ?').get(username) as { id: number }).id;
}

/** What `dosing-ledger audit verify --db FILE` prints and returns on the test app's file. */
async function cliVerify(): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runCli(['audit', 'verify', '--db', app.path], { out: (line) => out.push(line), err: () => {} });
  return { code, out };
}

/** Certificates and root key wraps, held by digest alongside (see keyed-table-states.test.ts). */
function certificateRows(): number {
  const count = (table: string) => app.ledger.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  return count('signing_identities') + count('root_key_wraps');
}

function problems(): string[] {
  return verifyTableStates(app.ledger.raw).problems.map((problem) => problem.message);
}

/**
 * Runs a raw edit (as with sqlite3), checks what verification says, then puts the value back,
 * so every case starts from the same intact ledger.
 */
async function expectReported(tamper: string, undo: string, expected: RegExp, cliExpected: RegExp): Promise<void> {
  app.ledger.raw.exec(tamper);
  try {
    expect(problems()).toEqual([expect.stringMatching(expected)]);
    const { code, out } = await cliVerify();
    expect(code).toBe(1);
    expect(out).toContainEqual(expect.stringMatching(cliExpected));
    expect(app.ok(admin, 'audit.verify', {})).toMatchObject({
      ok: true,
      tableProblems: [expect.stringMatching(expected)],
    });
  } finally {
    app.ledger.raw.exec(undo);
  }
  expect(problems()).toEqual([]);
}

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app);
  clerk = signedInUser(app, admin, 'nurse');
  signedInUser(app, admin, 'physician');
  nurseId = userId('nurse');
  adminId = userId('admin');
  patientId = app.ok(clerk, 'patients.create', {
    patient: patientInput({ allergies: { status: 'recorded', items: ['Penicillin', 'Latex'] } }),
  }).id;
}, 120_000);
afterAll(() => app.cleanup());

describe('verifyTableStates and audit verify on an untouched ledger', () => {
  it('hold every users, patients and clinic row against its audit trail and find nothing wrong', async () => {
    const result = verifyTableStates(app.ledger.raw);
    expect(result).toEqual({ checked: 3 + 1 + 1 + certificateRows(), problems: [], notCovered: [] });
    const { code, out } = await cliVerify();
    expect(code).toBe(0);
    expect(out).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^Tables intact: ${5 + certificateRows()} rows \\(users, patients, clinic, .*\\) match their audit trail$`,
        ),
      ),
    );
    expect(app.ok(admin, 'audit.verify', {})).not.toHaveProperty('tableProblems');
  });

  it('stay clean through every way the app writes those rows', () => {
    const nurse = app.newSignIn();
    for (let tries = 0; tries < 5; tries += 1) app.call(nurse, 'auth.signIn', { username: 'nurse', password: 'wrong' });
    app.ok(admin, 'users.resetPassword', { userId: nurseId, temporaryPassword: 'Temporary-pass-2027!', adminPassword });
    app.ok(nurse, 'auth.signIn', { username: 'nurse', password: 'Temporary-pass-2027!' });
    app.ok(nurse, 'auth.changePassword', { currentPassword: 'Temporary-pass-2027!', newPassword: staffPassword });
    app.call(nurse, 'auth.unlock', { password: 'wrong' });
    app.ok(nurse, 'auth.unlock', { password: staffPassword });
    const physicianId = userId('physician');
    app.ok(admin, 'users.setActive', { userId: physicianId, active: false });
    app.ok(admin, 'users.setActive', { userId: physicianId, active: true });
    const patient = app.ok(clerk, 'patients.get', { patientId });
    app.ok(clerk, 'patients.update', {
      patientId,
      expectedVersion: patient.version,
      patient: patientInput({
        phone: '+1 555 0199',
        allergies: { status: 'recorded', items: ['Penicillin', 'Latex'] },
      }),
    });
    const { name, address, timeZone, autoLockMinutes } = app.ok(admin, 'clinic.get', {});
    app.ok(admin, 'clinic.update', { name, address, timeZone, autoLockMinutes: autoLockMinutes + 5 });
    expect(verifyTableStates(app.ledger.raw)).toMatchObject({
      checked: 5 + certificateRows(),
      problems: [],
      notCovered: [],
    });
  });

  it('never put a password hash in an audit entry', () => {
    const hashes = app.ledger.raw.prepare('SELECT password_hash AS hash FROM users').all() as { hash: string }[];
    const details = (app.ledger.raw.prepare('SELECT details FROM audit_log').all() as { details: string }[])
      .map((row) => row.details)
      .join('\n');
    for (const { hash } of hashes) expect(details).not.toContain(hash);
    expect(details).not.toContain('password_hash');
  });
});

describe('an edit made outside the app', () => {
  it("reports a nurse's role changed to admin, naming the table, row and field", async () => {
    await expectReported(
      `UPDATE users SET role = 'admin' WHERE id = ${nurseId}`,
      `UPDATE users SET role = 'nurse' WHERE id = ${nurseId}`,
      new RegExp(`^users row ${nurseId} \\(nurse\\): role differs from the audit trail \\(nurse → admin\\)`),
      new RegExp(`^users row ${nurseId} \\(nurse\\) BROKEN: role differs from the audit trail \\(nurse → admin\\)`),
    );
  });

  it('reports a password hash copied from another user', async () => {
    const own = (
      app.ledger.raw.prepare('SELECT password_hash AS hash FROM users WHERE id = ?').get(nurseId) as { hash: string }
    ).hash;
    await expectReported(
      `UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE id = ${adminId}) WHERE id = ${nurseId}`,
      `UPDATE users SET password_hash = '${own}' WHERE id = ${nurseId}`,
      new RegExp(`^users row ${nurseId} \\(nurse\\): password hash differs from the audit trail`),
      new RegExp(`^users row ${nurseId} \\(nurse\\) BROKEN: password hash differs`),
    );
  });

  it('reports an allergy removed from a patient', async () => {
    const both = JSON.stringify({ status: 'recorded', items: ['Penicillin', 'Latex'] });
    const one = JSON.stringify({ status: 'recorded', items: ['Penicillin'] });
    await expectReported(
      `UPDATE patients SET allergies = '${one}' WHERE id = ${patientId}`,
      `UPDATE patients SET allergies = '${both}' WHERE id = ${patientId}`,
      new RegExp(
        `^patients row ${patientId} \\(MRN-0001\\): allergies differs from the audit trail \\(.*Latex.* → .*\\)`,
      ),
      new RegExp(`^patients row ${patientId} \\(MRN-0001\\) BROKEN: allergies differs`),
    );
  });

  it("reports the clinic's auto-lock time changed", async () => {
    const minutes = app.ok(admin, 'clinic.get', {}).autoLockMinutes;
    await expectReported(
      'UPDATE clinic SET auto_lock_minutes = 240',
      `UPDATE clinic SET auto_lock_minutes = ${minutes}`,
      new RegExp(
        `^clinic row 1 \\(Harbor Infusion Clinic\\): auto lock minutes differs from the audit trail \\(${minutes} → 240\\)`,
      ),
      /^clinic row 1 \(Harbor Infusion Clinic\) BROKEN: auto lock minutes differs/,
    );
  });

  it('reports a user added with sqlite3, which no audit entry records', async () => {
    app.ledger.raw.exec(
      `INSERT INTO users (username, display_name, credentials, role, password_hash, must_change_password, active,
                          failed_sign_ins, created_at, updated_at)
       SELECT 'intruder', 'Intruder', '', 'admin', password_hash, 0, 1, 0, created_at, updated_at FROM users WHERE id = ${adminId}`,
    );
    const id = userId('intruder');
    try {
      expect(problems()).toEqual([
        `users row ${id} (intruder): no audit entry records this row (added outside the app)`,
      ]);
      expect((await cliVerify()).code).toBe(1);
    } finally {
      app.ledger.raw.exec('DROP TRIGGER users_no_delete');
      app.ledger.raw.prepare('DELETE FROM users WHERE id = ?').run(id);
      app.ledger.raw.exec(`CREATE TRIGGER users_no_delete BEFORE DELETE ON users
        BEGIN SELECT RAISE(ABORT, 'users cannot be deleted: deactivate the account instead'); END`);
    }
    expect(problems()).toEqual([]);
  });
});

describe('devices held against their audit trail', () => {
  it("finds a revoked device's status set back to active with the triggers dropped", async () => {
    const token = createHash('sha256').update('a device token').digest('hex');
    const requested = requestDeviceEnrolment(app.ledger, {
      tokenSha256: token,
      requestedFrom: '10.0.0.3',
      userAgent: 'x',
    });
    if (!requested.ok) throw new Error(requested.message);
    const { id } = app.ok(admin, 'devices.approve', { pairingCode: requested.pairingCode, name: 'Chair 2 tablet' });
    app.ok(admin, 'devices.rename', { deviceId: id, expectedName: 'Chair 2 tablet', name: 'Chair 2 iPad' });
    app.ok(admin, 'devices.revoke', { deviceId: id, reason: 'Stolen from the clinic' });
    expect(problems()).toEqual([]);

    const copy = join(app.dir, 'devices-tampered.sqlite');
    app.ledger.raw.prepare('VACUUM INTO ?').run(copy);
    const raw = new Database(copy);
    for (const name of raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[]) {
      raw.exec(`DROP TRIGGER "${name}"`);
    }
    raw.prepare("UPDATE devices SET status = 'active', revoked_at = NULL, revoked_by = NULL WHERE id = ?").run(id);
    const expected = new RegExp(
      `^devices row ${id} \\(Chair 2 iPad\\): .*status .*differ.* from the audit trail .*revoked → active`,
    );
    expect(verifyTableStates(raw).problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(expected),
    ]);
    raw.close();
    const out: string[] = [];
    const code = await runCli(['audit', 'verify', '--db', copy], { out: (line) => out.push(line), err: () => {} });
    expect(code).toBe(1);
    expect(out).toContainEqual(expect.stringMatching(/^devices row \d+ \(Chair 2 iPad\) BROKEN: /));
  });

  it('finds a device token replaced, though only its digest is in the trail', () => {
    const row = app.ledger.raw.prepare('SELECT id, token_sha256 AS token FROM devices LIMIT 1').get() as {
      id: number;
      token: string;
    };
    const forged = createHash('sha256').update('a forged token').digest('hex');
    app.ledger.raw.prepare('UPDATE devices SET token_sha256 = ? WHERE id = ?').run(forged, row.id);
    try {
      expect(problems()).toEqual([
        expect.stringMatching(/^devices row \d+ .*token sha256 differs from the audit trail/),
      ]);
    } finally {
      app.ledger.raw.prepare('UPDATE devices SET token_sha256 = ? WHERE id = ?').run(row.token, row.id);
    }
    expect(problems()).toEqual([]);
  });
});

describe('deleting users and patients', () => {
  it('is refused by the triggers, for a user, a patient and the clinic row', () => {
    expect(() => app.ledger.raw.prepare('DELETE FROM users WHERE id = ?').run(nurseId)).toThrow(
      /users cannot be deleted/,
    );
    expect(() => app.ledger.raw.prepare('DELETE FROM patients WHERE id = ?').run(patientId)).toThrow(
      /patients cannot be deleted/,
    );
    expect(() => app.ledger.raw.exec('DELETE FROM clinic')).toThrow(/clinic settings cannot be deleted/);
    expect(problems()).toEqual([]);
  });

  it('with the triggers dropped, is still reported by audit verify', async () => {
    // Last: this case leaves the shared ledger without its nurse and patient.
    app.ledger.raw.exec('DROP TRIGGER users_no_delete; DROP TRIGGER patients_no_delete');
    app.ledger.raw.exec('PRAGMA foreign_keys = OFF');
    app.ledger.raw.prepare('DELETE FROM users WHERE id = ?').run(nurseId);
    app.ledger.raw.prepare('DELETE FROM patients WHERE id = ?').run(patientId);
    expect(problems()).toEqual([
      expect.stringMatching(
        new RegExp(`^users row ${nurseId} \\(nurse\\): deleted outside the app \\(audit entry \\d+`),
      ),
      expect.stringMatching(new RegExp(`^patients row ${patientId} \\(MRN-0001\\): deleted outside the app`)),
    ]);
    const { code, out } = await cliVerify();
    expect(code).toBe(1);
    expect(out.filter((line) => line.includes('deleted outside the app'))).toHaveLength(2);
  });
});

describe('a ledger written before row digests were recorded', () => {
  it('lists its rows as not covered, not as tampering', () => {
    const old = tempLedger();
    try {
      const raw = old.ledger.raw;
      const at = '2026-01-05T10:00:00.000Z';
      raw.transaction(() => {
        raw
          .prepare(
            `INSERT INTO users (id, username, display_name, credentials, role, password_hash, must_change_password, active,
                                failed_sign_ins, created_at, updated_at)
             VALUES (1, 'admin', 'Alex Admin', '', 'admin', 'scrypt$x', 0, 1, 0, ?, ?)`,
          )
          .run(at, at);
        appendAudit(raw, {
          at,
          actorUserId: 1,
          action: 'user.created',
          entityType: 'user',
          entityId: '1',
          details: {},
        });
      })();
      expect(verifyTableStates(raw)).toEqual({
        checked: 0,
        problems: [],
        notCovered: [
          expect.objectContaining({
            message: 'users row 1 (admin): not covered: last changed before row digests were recorded',
          }),
        ],
      });
      // Once the app writes the row again, it is covered.
      raw.transaction(() => {
        appendAudit(raw, {
          at,
          actorUserId: 1,
          action: 'auth.signed-in',
          entityType: 'user',
          entityId: '1',
          details: rowAuditFields(raw, 'users', 1),
        });
      })();
      expect(verifyTableStates(raw)).toMatchObject({ checked: 1, problems: [], notCovered: [] });
    } finally {
      old.cleanup();
    }
  });
});
