import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SignIn } from '../../src/services/sign-in';
import { verifyPassword } from '../../src/services/passwords';
import { auditSince, ledgerState } from '../support/ledger-state';
import { rowAudit } from '../support/row-audit';
import { expectRefused, rawCall, userIdOf } from '../support/raw-call';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, staffPassword } from '../support/test-app';

const minute = 60_000;
const temporaryPassword = 'Temporary-pass-2026!';
const wrongPassword = 'Wrong-password-2026!';

interface UserRowView {
  id: number;
  password_hash: string;
  failed_sign_ins: number;
  locked_until: string | null;
  must_change_password: number;
  active: number;
}

describe('authentication', () => {
  let app: TestApp;
  let admin: SignIn;

  beforeAll(() => {
    app = createTestApp();
    admin = setUpClinic(app);
  });
  afterAll(() => app.cleanup());
  // Tests that move the clock put it back, so the admin's session is not locked for the next one.
  afterEach(() => {
    app.clockOffsetMs = 0;
  });

  /** Creates a user with the temporary password (a real scrypt hash). */
  function createUser(username: string, role: 'nurse' | 'physician' | 'auditor' | 'admin' = 'nurse'): number {
    return app.ok(admin, 'users.create', {
      username,
      displayName: `User ${username}`,
      credentials: '',
      role,
      temporaryPassword,
      adminPassword,
    }).id;
  }

  function userRow(id: number): UserRowView {
    return app.ledger.raw.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRowView;
  }

  function signIn(session: SignIn, username: string, password: string) {
    return rawCall(app, session, 'auth.signIn', { username, password });
  }

  function codeOf(result: ReturnType<typeof rawCall>): string {
    return result.ok ? 'ok' : result.error.code;
  }

  it('signs in with the right password, case-insensitively on the username, and audits it', () => {
    const id = createUser('ana.ruiz');
    const session = app.newSignIn();
    const head = ledgerState(app.ledger.raw).head.seq;
    const result = signIn(session, '  ANA.Ruiz ', temporaryPassword);
    expect(result).toMatchObject({ ok: true, value: { state: 'must-change-password', user: { id } } });
    expect(session).toMatchObject({ userId: id, state: 'active' });
    expect(auditSince(app.ledger.raw, head)).toEqual([
      expect.objectContaining({
        action: 'auth.signed-in',
        actorUserId: id,
        entityId: String(id),
        details: { sessionId: session.id, ...rowAudit },
      }),
    ]);
  });

  it('refuses a wrong password and an unknown username alike, counting the failure', () => {
    const id = createUser('bo.wrong');
    const session = app.newSignIn();
    const head = ledgerState(app.ledger.raw).head.seq;

    const wrong = signIn(session, 'bo.wrong', wrongPassword);
    expect(codeOf(wrong)).toBe('INVALID_CREDENTIALS');
    const unknown = signIn(session, 'nobody.here', wrongPassword);
    expect(codeOf(unknown)).toBe('INVALID_CREDENTIALS');
    if (!wrong.ok && !unknown.ok) {
      expect(wrong.error.message).toMatch(/^The username or password is not right\./);
      // The same words either way: the answer must not tell which usernames exist.
      expect(unknown.error.message).toBe(wrong.error.message);
    }

    expect(session).toMatchObject({ userId: null, state: 'signed-out' });
    expect(userRow(id).failed_sign_ins).toBe(1);
    expect(auditSince(app.ledger.raw, head)).toEqual([
      expect.objectContaining({
        action: 'auth.sign-in-failed',
        actorUserId: null,
        entityId: String(id),
        details: { username: 'bo.wrong', failures: 1, ...rowAudit },
      }),
      expect.objectContaining({
        action: 'auth.sign-in-failed',
        actorUserId: null,
        entityId: null,
        details: { reason: 'unknown username' },
      }),
    ]);
  });

  it('locks the account for 15 minutes after 5 wrong passwords in a row', () => {
    const id = createUser('lock.me');
    const session = app.newSignIn();
    const head = ledgerState(app.ledger.raw).head.seq;
    for (let failure = 1; failure <= 4; failure += 1) {
      expect(codeOf(signIn(session, 'lock.me', wrongPassword))).toBe('INVALID_CREDENTIALS');
      expect(userRow(id).failed_sign_ins).toBe(failure);
    }
    const lockedAt = Date.now();
    const fifth = signIn(session, 'lock.me', wrongPassword);
    expect(codeOf(fifth)).toBe('ACCOUNT_LOCKED');
    if (!fifth.ok) expect(fifth.error.message).toMatch(/Try again after \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC/);

    const lockedUntil = userRow(id).locked_until;
    expect(lockedUntil).not.toBeNull();
    const lockMs = Date.parse(lockedUntil ?? '') - lockedAt;
    expect(lockMs).toBeGreaterThan(15 * minute - 5_000);
    expect(lockMs).toBeLessThanOrEqual(15 * minute + 5_000);

    const entries = auditSince(app.ledger.raw, head);
    expect(entries.map((entry) => entry.action)).toEqual([
      'auth.sign-in-failed',
      'auth.sign-in-failed',
      'auth.sign-in-failed',
      'auth.sign-in-failed',
      'auth.sign-in-failed',
      'auth.account-locked',
    ]);
    expect(entries[5]).toMatchObject({ entityId: String(id), details: { username: 'lock.me', lockedUntil } });

    // While locked even the right password is refused, and nothing is written.
    expectRefused(app, session, 'auth.signIn', { username: 'lock.me', password: temporaryPassword }, 'ACCOUNT_LOCKED');
    app.clockOffsetMs = 15 * minute - 10_000;
    expectRefused(app, session, 'auth.signIn', { username: 'lock.me', password: temporaryPassword }, 'ACCOUNT_LOCKED');

    app.clockOffsetMs = 15 * minute + 5_000;
    expect(signIn(session, 'lock.me', temporaryPassword)).toMatchObject({ ok: true, value: { user: { id } } });
    expect(userRow(id)).toMatchObject({ failed_sign_ins: 0, locked_until: null });
  });

  it('starts counting again from zero after a successful sign-in', () => {
    const id = createUser('reset.count');
    const session = app.newSignIn();
    expect(codeOf(signIn(session, 'reset.count', wrongPassword))).toBe('INVALID_CREDENTIALS');
    expect(codeOf(signIn(session, 'reset.count', wrongPassword))).toBe('INVALID_CREDENTIALS');
    expect(userRow(id).failed_sign_ins).toBe(2);
    expect(codeOf(signIn(session, 'reset.count', temporaryPassword))).toBe('ok');
    expect(userRow(id).failed_sign_ins).toBe(0);

    const head = ledgerState(app.ledger.raw).head.seq;
    expect(codeOf(signIn(app.newSignIn(), 'reset.count', wrongPassword))).toBe('INVALID_CREDENTIALS');
    expect(userRow(id).failed_sign_ins).toBe(1);
    expect(auditSince(app.ledger.raw, head)[0]?.details).toEqual({ username: 'reset.count', failures: 1, ...rowAudit });
  });

  it('locks the account and signs the session out after 5 wrong passwords at the lock screen', () => {
    const id = createUser('screen.user');
    const session = app.newSignIn();
    expect(codeOf(signIn(session, 'screen.user', temporaryPassword))).toBe('ok');
    app.clockOffsetMs = 11 * minute;
    expect(app.ok(session, 'signIn.get', {}).state).toBe('locked');
    const head = ledgerState(app.ledger.raw).head.seq;
    for (let failure = 1; failure <= 4; failure += 1) {
      expect(codeOf(rawCall(app, session, 'auth.unlock', { password: wrongPassword }))).toBe('INVALID_CREDENTIALS');
      expect(session.state).toBe('locked');
    }
    expect(codeOf(rawCall(app, session, 'auth.unlock', { password: wrongPassword }))).toBe('ACCOUNT_LOCKED');
    expect(session).toMatchObject({ userId: null, state: 'signed-out' });
    expect(userRow(id).locked_until).not.toBeNull();
    expect(auditSince(app.ledger.raw, head).map((entry) => entry.action)).toEqual([
      'auth.unlock-failed',
      'auth.unlock-failed',
      'auth.unlock-failed',
      'auth.unlock-failed',
      'auth.unlock-failed',
      'auth.account-locked',
    ]);
  });

  it('refuses a deactivated user, and signs out a session of a user deactivated meanwhile', () => {
    const id = createUser('leaver');
    const session = app.newSignIn();
    expect(codeOf(signIn(session, 'leaver', temporaryPassword))).toBe('ok');
    expect(app.call(session, 'signIn.heartbeat', {}).ok).toBe(true);

    app.ok(admin, 'users.setActive', { userId: id, active: false });
    expectRefused(app, session, 'signIn.heartbeat', {}, 'NOT_SIGNED_IN');
    expect(session).toMatchObject({ userId: null, state: 'signed-out' });
    expect(app.ok(session, 'signIn.get', {}).state).toBe('signed-out');

    const head = ledgerState(app.ledger.raw).head.seq;
    expect(codeOf(signIn(session, 'leaver', temporaryPassword))).toBe('ACCOUNT_DISABLED');
    expect(session.state).toBe('signed-out');
    expect(auditSince(app.ledger.raw, head)).toEqual([
      expect.objectContaining({
        action: 'auth.sign-in-refused',
        details: { username: 'leaver', reason: 'deactivated' },
      }),
    ]);

    app.ok(admin, 'users.setActive', { userId: id, active: true });
    expect(codeOf(signIn(session, 'leaver', temporaryPassword))).toBe('ok');
  });

  it('does not let an admin deactivate their own account', () => {
    const error = expectRefused(app, admin, 'users.setActive', { userId: userIdOf(admin), active: false }, 'FORBIDDEN');
    expect(error.message).toContain('your own account');
    expectRefused(app, admin, 'users.setActive', { userId: 424_242, active: false }, 'NOT_FOUND');
  });

  it('forces a change after an admin resets the password, and the reset clears a lockout', () => {
    const id = createUser('forgetful');
    const session = app.newSignIn();
    expect(codeOf(signIn(session, 'forgetful', temporaryPassword))).toBe('ok');
    app.ok(session, 'auth.changePassword', { currentPassword: temporaryPassword, newPassword: staffPassword });
    expect(app.ok(session, 'signIn.get', {}).state).toBe('active');

    // As if the account had been locked by failed sign-ins.
    app.ledger.raw
      .prepare('UPDATE users SET failed_sign_ins = 3, locked_until = ? WHERE id = ?')
      .run(new Date(Date.now() + 10 * minute).toISOString(), id);
    const user = app.ok(admin, 'users.resetPassword', {
      userId: id,
      temporaryPassword: 'Fresh-temporary-2026!',
      adminPassword,
    });
    expect(user).toMatchObject({ mustChangePassword: true, lockedUntil: null });
    expect(userRow(id).failed_sign_ins).toBe(0);

    // The user's open session must now change the password before anything else.
    expectRefused(app, session, 'patients.search', { query: '' }, 'PASSWORD_CHANGE_REQUIRED');
    expect(app.ok(session, 'signIn.get', {}).state).toBe('must-change-password');

    expect(codeOf(signIn(app.newSignIn(), 'forgetful', staffPassword))).toBe('INVALID_CREDENTIALS');
    const fresh = app.newSignIn();
    expect(signIn(fresh, 'forgetful', 'Fresh-temporary-2026!')).toMatchObject({
      ok: true,
      value: { state: 'must-change-password' },
    });
  });

  describe('password rules', () => {
    it('refuses a weak temporary password with WEAK_PASSWORD naming each broken rule, creating nobody', () => {
      const error = expectRefused(
        app,
        admin,
        'users.create',
        { username: 'weakling', displayName: 'Weak', credentials: '', role: 'nurse', temporaryPassword: 'short' },
        'WEAK_PASSWORD',
      );
      expect(error.issues).toEqual([
        { path: 'temporaryPassword', message: 'At least 12 characters' },
        { path: 'temporaryPassword', message: 'Contains a number or a symbol' },
      ]);
      const containsName = expectRefused(
        app,
        admin,
        'users.create',
        {
          username: 'weakling',
          displayName: 'Weak',
          credentials: '',
          role: 'nurse',
          temporaryPassword: 'my-WEAKLING-password-1',
        },
        'WEAK_PASSWORD',
      );
      expect(containsName.issues).toEqual([{ path: 'temporaryPassword', message: 'Does not contain the username' }]);
    });

    it('refuses a weak password on reset', () => {
      const target = app.ok(admin, 'users.list', {}).find((user) => user.username === 'ana.ruiz');
      const error = expectRefused(
        app,
        admin,
        'users.resetPassword',
        { userId: target?.id ?? 0, temporaryPassword: 'abcdefghijklmnop' },
        'WEAK_PASSWORD',
      );
      expect(error.issues).toEqual([{ path: 'temporaryPassword', message: 'Contains a number or a symbol' }]);
    });

    it('checks the current password and the rules when a user changes the password', () => {
      const changerId = createUser('changer');
      const session = app.newSignIn();
      expect(codeOf(signIn(session, 'changer', temporaryPassword))).toBe('ok');

      // A wrong current password counts towards the lockout, so it is committed (not rolled back).
      const wrongCurrent = app.call(session, 'auth.changePassword', {
        currentPassword: wrongPassword,
        newPassword: staffPassword,
      });
      expect(wrongCurrent.ok === false && wrongCurrent.error.code).toBe('INVALID_CREDENTIALS');
      expect(wrongCurrent.ok === false && wrongCurrent.error.issues).toEqual([
        { path: 'currentPassword', message: 'The password is not right' },
      ]);
      expect(userRow(changerId).failed_sign_ins).toBe(1);

      const weak = expectRefused(
        app,
        session,
        'auth.changePassword',
        { currentPassword: temporaryPassword, newPassword: 'changer-is-me-2026' },
        'WEAK_PASSWORD',
      );
      expect(weak.issues).toEqual([{ path: 'newPassword', message: 'Does not contain the username' }]);

      const same = expectRefused(
        app,
        session,
        'auth.changePassword',
        { currentPassword: temporaryPassword, newPassword: temporaryPassword },
        'WEAK_PASSWORD',
      );
      expect(same.issues?.map((issue) => issue.path)).toEqual(['newPassword']);
      expect(app.ok(session, 'signIn.get', {}).state).toBe('must-change-password');
    });
  });

  it('stores passwords only as salted scrypt hashes (N=2^17, r=8, p=1), never as text', () => {
    const rows = app.ledger.raw.prepare('SELECT id, username, password_hash FROM users').all() as {
      id: number;
      username: string;
      password_hash: string;
    }[];
    expect(rows.length).toBeGreaterThan(5);
    const salts = new Set<string>();
    for (const row of rows) {
      const match = /^scrypt\$131072\$8\$1\$([A-Za-z0-9+/]+=*)\$([A-Za-z0-9+/]+=*)$/.exec(row.password_hash);
      expect(match, row.username).not.toBeNull();
      const [, salt = '', hash = ''] = match ?? [];
      expect(Buffer.from(salt, 'base64')).toHaveLength(16);
      expect(Buffer.from(hash, 'base64')).toHaveLength(32);
      salts.add(salt);
    }
    // Per-user salts: users given the same temporary password still have different hashes.
    expect(salts.size).toBe(rows.length);
    const admin = rows.find((row) => row.username === 'admin');
    expect(verifyPassword(adminPassword, admin?.password_hash ?? '')).toBe(true);

    // Nothing that was ever typed as a password appears in the file, in UTF-8 or UTF-16.
    app.ledger.raw.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = Buffer.concat([readFileSync(app.path), readFileSync(`${app.path}-wal`)]);
    for (const password of [adminPassword, staffPassword, temporaryPassword, 'Fresh-temporary-2026!', wrongPassword]) {
      expect(bytes.includes(Buffer.from(password, 'utf8')), password).toBe(false);
      expect(bytes.includes(Buffer.from(password, 'utf16le')), password).toBe(false);
    }
    // The check itself can find text: the usernames are there.
    expect(bytes.includes(Buffer.from('forgetful', 'utf8'))).toBe(true);
  });
});
