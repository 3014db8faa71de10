import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { demoKetamine } from '../../src/cli/demo-clinical';
import { callResultSchema } from '../../src/contract/errors';
import { methodNames, methods } from '../../src/contract/methods';
import type { PatientInput } from '../../src/domain/patient';
import type { SignIn } from '../../src/services/sign-in';
import { verifyAuditChain } from '../../src/services/ledger';
import { patientInput } from '../support/fixtures';
import { methodExamples } from '../support/method-examples';
import { auditSince, expectUnchanged, ledgerState } from '../support/ledger-state';
import { expectRefused, rawCall, userIdOf } from '../support/raw-call';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { rowAudit } from '../support/row-audit';

const minute = 60_000;

const setupInput = {
  clinic: { name: 'Harbor Infusion Clinic', address: '1 Harbor Way', timeZone: 'America/New_York' },
  admin: { username: 'admin', displayName: 'Alex Admin', credentials: '', password: adminPassword },
};

/** A valid input for each method, for calls where only the refusal matters. */
const anyValidInput: Record<string, unknown> = methodExamples;

/**
 * Methods that need a signed-in session, and refuse before their handler without one. Those
 * without an example yet are left to contract.property.test.ts, which insists on one.
 */
const guardedMethods = methodNames.filter(
  (name) => methods[name].access !== 'public' && Object.hasOwn(anyValidInput, name),
);

describe('before the clinic is set up', () => {
  let app: TestApp;
  beforeAll(() => {
    app = createTestApp();
  });
  afterAll(() => app.cleanup());

  it('says so from signIn.get, writing nothing', () => {
    const before = ledgerState(app.ledger.raw);
    expect(app.ok(app.newSignIn(), 'signIn.get', {})).toEqual({ state: 'not-initialized' });
    expectUnchanged(app.ledger.raw, before);
  });

  it('refuses every method that needs a user with NOT_INITIALIZED, writing nothing', () => {
    expect(guardedMethods.length).toBeGreaterThan(25);
    for (const method of guardedMethods) {
      expectRefused(app, app.newSignIn(), method, anyValidInput[method], 'NOT_INITIALIZED');
    }
  });

  it('refuses sign-in with NOT_INITIALIZED, writing nothing (the audit log starts with the set-up)', () => {
    expectRefused(
      app,
      app.newSignIn(),
      'auth.signIn',
      { username: 'admin', password: adminPassword },
      'NOT_INITIALIZED',
    );
  });

  it('refuses a weak first admin password with WEAK_PASSWORD on admin.password, writing nothing', () => {
    const error = expectRefused(
      app,
      app.newSignIn(),
      'setup.initialize',
      { ...setupInput, admin: { ...setupInput.admin, password: 'admin' } },
      'WEAK_PASSWORD',
    );
    expect(error.issues?.map((issue) => issue.path)).toContain('admin.password');
    expect(error.issues?.map((issue) => issue.message)).toContain('At least 12 characters');
  });

  it('sets up the clinic and its admin, signing the admin in, with four audit entries by the admin', () => {
    const session = app.newSignIn();
    const info = app.ok(session, 'setup.initialize', setupInput);
    expect(info).toMatchObject({
      state: 'active',
      clinic: { name: 'Harbor Infusion Clinic', timeZone: 'America/New_York', autoLockMinutes: 10 },
      user: { username: 'admin', role: 'admin' },
    });
    const adminId = userIdOf(session);
    const entries = auditSince(app.ledger.raw, 0);
    expect(entries.map((entry) => entry.action)).toEqual([
      'clinic.created',
      'user.created',
      'identity.root-created',
      'auth.signed-in',
    ]);
    expect(entries.every((entry) => entry.actorUserId === adminId)).toBe(true);
    expect(entries[0]?.details).toEqual({
      name: 'Harbor Infusion Clinic',
      address: '1 Harbor Way',
      timeZone: 'America/New_York',
      autoLockMinutes: 10,
      ...rowAudit,
    });
    expect(String(entries[2]?.details.fingerprintSha256)).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(entries[3]?.details).toEqual({ sessionId: session.id });
  });

  it('refuses a second set-up with ALREADY_INITIALIZED, writing nothing', () => {
    expectRefused(
      app,
      app.newSignIn(),
      'setup.initialize',
      { ...setupInput, admin: { ...setupInput.admin, username: 'intruder' } },
      'ALREADY_INITIALIZED',
    );
  });
});

describe('dispatch with a clinic', () => {
  let app: TestApp;
  let admin: SignIn;
  let physician: SignIn;
  let nurse: SignIn;
  let auditor: SignIn;

  beforeAll(() => {
    app = createTestApp();
    admin = setUpClinic(app);
    physician = signedInUser(app, admin, 'physician');
    nurse = signedInUser(app, admin, 'nurse');
    auditor = signedInUser(app, admin, 'auditor');
  });
  afterAll(() => app.cleanup());

  describe('UNKNOWN_METHOD', () => {
    it('refuses names that are not methods, including Object.prototype members, writing nothing', () => {
      for (const name of [
        'patients.delete',
        '',
        'PATIENTS.SEARCH',
        'patients.search ',
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
      ]) {
        const error = expectRefused(app, nurse, name, {}, 'UNKNOWN_METHOD');
        expect(error.message).toContain(`"${name}"`);
      }
    });

    it('refuses a method name that is not a string', () => {
      for (const name of [42, null, undefined, { toString: () => 'patients.search' }]) {
        expectRefused(app, nurse, name as unknown as string, {}, 'UNKNOWN_METHOD');
      }
    });

    it('answers UNKNOWN_METHOD even to a signed-out session', () => {
      expectRefused(app, app.newSignIn(), 'patients.delete', {}, 'UNKNOWN_METHOD');
    });
  });

  describe('INVALID_INPUT', () => {
    it('names each bad field by its dotted path, writing nothing', () => {
      const withoutFamilyName: Partial<PatientInput> = patientInput({ dateOfBirth: '2026-02-30' });
      delete withoutFamilyName.familyName;
      const error = expectRefused(
        app,
        nurse,
        'patients.create',
        { patient: { ...withoutFamilyName, allergies: { status: 'recorded', items: [] } } },
        'INVALID_INPUT',
      );
      const byPath = new Map(error.issues?.map((issue) => [issue.path, issue.message]));
      expect([...byPath.keys()].sort()).toEqual([
        'patient.allergies.items',
        'patient.dateOfBirth',
        'patient.familyName',
      ]);
      expect(byPath.get('patient.dateOfBirth')).toBe('Enter a real date as yyyy-mm-dd');
      expect(byPath.get('patient.allergies.items')).toBe('List at least one allergy');
    });

    it('refuses unknown keys at the top level', () => {
      const error = expectRefused(
        app,
        nurse,
        'patients.search',
        { query: 'ruiz', limit: 10, orderBy: 'id' },
        'INVALID_INPUT',
      );
      expect(error.issues?.some((issue) => issue.message.includes('orderBy'))).toBe(true);
    });

    it('refuses inputs that are not objects and numbers out of range', () => {
      for (const input of [null, undefined, 'ruiz', [], 42]) {
        expectRefused(app, nurse, 'patients.search', input, 'INVALID_INPUT');
      }
      for (const limit of [0, 101, 1.5, '10']) {
        const error = expectRefused(app, nurse, 'patients.search', { query: '', limit }, 'INVALID_INPUT');
        expect(error.issues?.map((issue) => issue.path)).toEqual(['limit']);
      }
    });
  });

  describe('NOT_SIGNED_IN', () => {
    it('refuses every method that needs a user, writing nothing', () => {
      const session = app.newSignIn();
      for (const method of guardedMethods) {
        expectRefused(app, session, method, anyValidInput[method], 'NOT_SIGNED_IN');
      }
      expect(app.ok(session, 'signIn.get', {})).toMatchObject({
        state: 'signed-out',
        clinic: { autoLockMinutes: 10 },
      });
    });

    it('refuses calls after signing out, which is audited', () => {
      // A second window of the nurse's sign-in, so the nurse's own session stays usable.
      const window = { ...nurse };
      const head = ledgerState(app.ledger.raw).head.seq;
      expect(app.ok(window, 'auth.signOut', {})).toMatchObject({ state: 'signed-out' });
      expect(auditSince(app.ledger.raw, head)).toEqual([
        expect.objectContaining({ action: 'auth.signed-out', actorUserId: userIdOf(nurse) }),
      ]);
      expectRefused(app, window, 'patients.search', { query: '' }, 'NOT_SIGNED_IN');
      expect(app.call(nurse, 'patients.search', { query: '' }).ok).toBe(true);
    });
  });

  describe('FORBIDDEN', () => {
    it('refuses each role what its role may not do, writing nothing', () => {
      const cases: [SignIn, string][] = [
        [nurse, 'users.create'],
        [physician, 'users.setActive'],
        [nurse, 'users.resetPassword'],
        [auditor, 'patients.create'],
        [auditor, 'patients.update'],
        [admin, 'patients.search'],
        [admin, 'patients.get'],
        [admin, 'patients.create'],
        [physician, 'audit.list'],
        [nurse, 'audit.verify'],
        [nurse, 'clinic.update'],
        [auditor, 'users.list'],
      ];
      for (const [session, method] of cases) {
        expectRefused(app, session, method, anyValidInput[method], 'FORBIDDEN');
      }
    });

    it('lets the roles listed for a method call it', () => {
      expect(app.call(auditor, 'patients.search', { query: '' }).ok).toBe(true);
      expect(app.call(physician, 'patients.search', { query: '' }).ok).toBe(true);
      expect(app.call(admin, 'audit.verify', {}).ok).toBe(true);
      expect(app.call(auditor, 'audit.list', { limit: 1 }).ok).toBe(true);
      expect(app.call(nurse, 'clinic.get', {}).ok).toBe(true);
    });
  });

  describe('PASSWORD_CHANGE_REQUIRED', () => {
    it('makes a new user change the temporary password before anything else', () => {
      const head = ledgerState(app.ledger.raw).head.seq;
      const created = app.ok(admin, 'users.create', {
        username: 'newbie',
        displayName: 'New Bie',
        credentials: 'RN',
        role: 'nurse',
        temporaryPassword: 'Temporary-pass-2026!',
        adminPassword,
      });
      expect(created).toMatchObject({ mustChangePassword: true, active: true });
      expect(auditSince(app.ledger.raw, head)).toEqual([
        expect.objectContaining({
          action: 'user.created',
          actorUserId: userIdOf(admin),
          entityId: String(created.id),
          details: { username: 'newbie', printedName: 'New Bie, RN', role: 'nurse', ...rowAudit },
        }),
        expect.objectContaining({
          action: 'identity.certificate-issued',
          actorUserId: userIdOf(admin),
          entityId: String(created.id),
        }),
      ]);

      const session = app.newSignIn();
      expect(app.ok(session, 'auth.signIn', { username: 'newbie', password: 'Temporary-pass-2026!' }).state).toBe(
        'must-change-password',
      );
      for (const method of ['patients.search', 'clinic.get', 'patients.create']) {
        expectRefused(app, session, method, anyValidInput[method], 'PASSWORD_CHANGE_REQUIRED');
      }
      // The screen asking for the new password still keeps the session awake and shows who it is.
      expect(app.ok(session, 'signIn.heartbeat', {})).toMatchObject({
        state: 'must-change-password',
        user: { username: 'newbie' },
      });

      const beforeChange = ledgerState(app.ledger.raw).head.seq;
      expect(
        app.ok(session, 'auth.changePassword', {
          currentPassword: 'Temporary-pass-2026!',
          newPassword: staffPassword,
        }).state,
      ).toBe('active');
      expect(auditSince(app.ledger.raw, beforeChange).map((entry) => entry.action)).toEqual(['auth.password-changed']);
      expect(app.call(session, 'patients.search', { query: '' }).ok).toBe(true);
    });
  });

  describe('transactions', () => {
    it('rolls back a create refused for a DUPLICATE MRN: no patient, no audit entry', () => {
      app.ok(nurse, 'patients.create', { patient: patientInput({ mrn: 'DUP-1' }) });
      const error = expectRefused(
        app,
        nurse,
        'patients.create',
        { patient: patientInput({ mrn: ' dup-1 ', familyName: 'Other' }) },
        'DUPLICATE',
      );
      expect(error.issues).toEqual([{ path: 'patient.mrn', message: 'This MRN already belongs to another patient' }]);
    });

    it('rolls back an update with a stale expectedVersion (CONFLICT), keeping the newer version', () => {
      const created = app.ok(nurse, 'patients.create', { patient: patientInput({ mrn: 'CONFLICT-1' }) });
      const saved = app.ok(physician, 'patients.update', {
        patientId: created.id,
        expectedVersion: 1,
        patient: patientInput({ mrn: 'CONFLICT-1', phone: '555 0199' }),
      });
      expect(saved.version).toBe(2);
      expectRefused(
        app,
        nurse,
        'patients.update',
        { patientId: created.id, expectedVersion: 1, patient: patientInput({ mrn: 'CONFLICT-1', phone: '555 0000' }) },
        'CONFLICT',
      );
      expect(app.ok(nurse, 'patients.get', { patientId: created.id })).toMatchObject({ version: 2, phone: '555 0199' });
    });

    it('reports NOT_FOUND for a missing patient without auditing a view', () => {
      expectRefused(app, auditor, 'patients.get', { patientId: 987_654 }, 'NOT_FOUND');
    });

    describe('an internal failure mid-way', () => {
      afterEach(() => {
        app.ledger.raw.exec('DROP TRIGGER IF EXISTS test_fail_patient_insert');
        app.ledger.raw.exec('DROP TRIGGER IF EXISTS test_fail_patient_audit');
      });

      it('returns INTERNAL, hides the cause, and leaves neither the patient nor an audit row', () => {
        // A failure after the row is inserted, as a full disk or a bug in a later step would be.
        app.ledger.raw.exec(`CREATE TRIGGER test_fail_patient_insert AFTER INSERT ON patients
          BEGIN SELECT RAISE(ABORT, 'injected failure after insert'); END`);
        const reported: { error: unknown; method: string }[] = [];
        const before = ledgerState(app.ledger.raw);
        const sessionBefore = { ...nurse };
        const result = callResultSchema.parse(
          rawCall(app, nurse, 'patients.create', { patient: patientInput({ mrn: 'INTERNAL-1' }) }, (error, method) =>
            reported.push({ error, method }),
          ),
        );
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe('INTERNAL');
        expect(result.error.message).not.toContain('injected');
        expect(result.error.issues).toBeUndefined();
        expectUnchanged(app.ledger.raw, before);
        expect(nurse).toEqual(sessionBefore);
        expect(reported).toHaveLength(1);
        expect(reported[0]?.method).toBe('patients.create');
        expect(String(reported[0]?.error)).toContain('injected failure after insert');
      });

      it('rolls back the patient row when the audit entry fails to write after it', () => {
        // The patient row is written first; failing its audit entry must take the row back out.
        app.ledger.raw.exec(`CREATE TRIGGER test_fail_patient_audit BEFORE INSERT ON audit_log
          WHEN NEW.action = 'patient.created'
          BEGIN SELECT RAISE(ABORT, 'injected audit failure'); END`);
        const before = ledgerState(app.ledger.raw);
        const result = rawCall(app, nurse, 'patients.create', { patient: patientInput({ mrn: 'INTERNAL-2' }) });
        expect(result.ok ? 'ok' : result.error.code).toBe('INTERNAL');
        expectUnchanged(app.ledger.raw, before);
        app.ledger.raw.exec('DROP TRIGGER test_fail_patient_audit');
        // Nothing half-written is left behind: the same MRN is still free.
        expect(app.call(nurse, 'patients.create', { patient: patientInput({ mrn: 'INTERNAL-2' }) }).ok).toBe(true);
      });

      it('recovers when SQLite itself rolls the transaction back (RAISE ROLLBACK)', () => {
        app.ledger.raw.exec(`CREATE TRIGGER test_fail_patient_insert AFTER INSERT ON patients
          BEGIN SELECT RAISE(ROLLBACK, 'injected rollback'); END`);
        const before = ledgerState(app.ledger.raw);
        const result = rawCall(app, nurse, 'patients.create', { patient: patientInput({ mrn: 'INTERNAL-3' }) });
        expect(result.ok ? 'ok' : result.error.code).toBe('INTERNAL');
        expectUnchanged(app.ledger.raw, before);
        expect(app.ledger.raw.inTransaction).toBe(false);
        app.ledger.raw.exec('DROP TRIGGER test_fail_patient_insert');
        expect(app.call(nurse, 'patients.search', { query: '' }).ok).toBe(true);
      });
    });
  });

  describe('audit entries of successful calls', () => {
    /** Runs `action` and returns the audit entries it appended. */
    function entriesOf(action: () => void) {
      const head = ledgerState(app.ledger.raw).head.seq;
      action();
      return auditSince(app.ledger.raw, head);
    }

    it('records patient.created by the nurse, with the fields saved', () => {
      let id = 0;
      const entries = entriesOf(() => {
        id = app.ok(nurse, 'patients.create', { patient: patientInput({ mrn: 'AUDIT-1' }) }).id;
      });
      expect(entries).toEqual([
        {
          seq: expect.any(Number) as number,
          actorUserId: userIdOf(nurse),
          action: 'patient.created',
          entityType: 'patient',
          entityId: String(id),
          details: expect.objectContaining({ mrn: 'AUDIT-1', familyName: 'Ruiz', dateOfBirth: '1945-07-14' }) as object,
        },
      ]);
    });

    it('records patient.updated by the physician and patient.viewed for every chart opened', () => {
      const { id } = app.ok(nurse, 'patients.create', { patient: patientInput({ mrn: 'AUDIT-2' }) });
      const updated = entriesOf(() =>
        app.ok(physician, 'patients.update', {
          patientId: id,
          expectedVersion: 1,
          patient: patientInput({ mrn: 'AUDIT-2', phone: '555 0142' }),
        }),
      );
      expect(updated).toEqual([
        expect.objectContaining({
          action: 'patient.updated',
          actorUserId: userIdOf(physician),
          entityId: String(id),
          details: { version: 2, changes: { phone: { from: '+1 555 0100', to: '555 0142' } }, ...rowAudit },
        }),
      ]);
      for (const reader of [auditor, nurse, physician]) {
        expect(entriesOf(() => app.ok(reader, 'patients.get', { patientId: id }))).toEqual([
          expect.objectContaining({
            action: 'patient.viewed',
            actorUserId: userIdOf(reader),
            entityType: 'patient',
            entityId: String(id),
            details: { mrn: 'AUDIT-2' },
          }),
        ]);
      }
    });

    it('records user activation changes and password resets by the admin', () => {
      const target = app.ok(admin, 'users.list', {}).find((user) => user.username === 'newbie');
      expect(target).toBeDefined();
      const userId = target?.id ?? 0;
      expect(
        entriesOf(() => app.ok(admin, 'users.setActive', { userId, active: false })).map((entry) => entry.action),
      ).toEqual(['user.deactivated']);
      // Setting the state it already has changes nothing and is not audited.
      expect(entriesOf(() => app.ok(admin, 'users.setActive', { userId, active: false }))).toEqual([]);
      expect(entriesOf(() => app.ok(admin, 'users.setActive', { userId, active: true }))).toEqual([
        expect.objectContaining({ action: 'user.reactivated', actorUserId: userIdOf(admin), entityId: String(userId) }),
      ]);
      expect(
        entriesOf(() =>
          app.ok(admin, 'users.resetPassword', { userId, temporaryPassword: 'Another-temp-2026!', adminPassword }),
        ),
      ).toEqual([
        expect.objectContaining({
          action: 'user.password-reset',
          actorUserId: userIdOf(admin),
          details: { username: 'newbie', ...rowAudit },
        }),
        // The old key cannot be opened without the old password: a reset issues a new certificate.
        expect.objectContaining({ action: 'identity.certificate-issued', actorUserId: userIdOf(admin) }),
      ]);
    });

    it('records clinic.updated with the changed settings only', () => {
      const entries = entriesOf(() =>
        app.ok(admin, 'clinic.update', {
          name: 'Harbor Infusion Clinic',
          address: '2 Harbor Way',
          timeZone: 'America/New_York',
          autoLockMinutes: 10,
        }),
      );
      expect(entries).toEqual([
        expect.objectContaining({
          action: 'clinic.updated',
          actorUserId: userIdOf(admin),
          details: { changes: { address: { from: '1 Harbor Way', to: '2 Harbor Way' } }, ...rowAudit },
        }),
      ]);
      expect(app.ok(nurse, 'clinic.get', {}).address).toBe('2 Harbor Way');
    });

    it('writes nothing for reads other than opening a chart', () => {
      const before = ledgerState(app.ledger.raw);
      app.ok(nurse, 'patients.search', { query: 'ruiz' });
      app.ok(nurse, 'signIn.get', {});
      app.ok(nurse, 'signIn.heartbeat', {});
      app.ok(nurse, 'clinic.get', {});
      app.ok(admin, 'users.list', {});
      app.ok(auditor, 'audit.list', { limit: 5 });
      app.ok(auditor, 'audit.verify', {});
      expectUnchanged(app.ledger.raw, before);
    });

    it('leaves an intact chain whose entries audit.verify counts', () => {
      const head = ledgerState(app.ledger.raw).head;
      expect(verifyAuditChain(app.ledger.raw)).toEqual({ ok: true, entries: head.seq, headHash: head.hash });
      // Set-up signs the administrator in without a password check, so no checkpoint is taken yet.
      expect(app.ok(auditor, 'audit.verify', {})).toEqual({
        ok: true,
        entries: head.seq,
        headHash: head.hash,
        checkpoints: 0,
      });
      const listed = app.ok(auditor, 'audit.list', { limit: 3 }).entries;
      expect(listed.map((entry) => entry.seq)).toEqual([head.seq, head.seq - 1, head.seq - 2]);
      expect(listed[0]?.hash).toBe(head.hash);
    });
  });
});

describe('inactivity lock', () => {
  let app: TestApp;
  let admin: SignIn;
  let nurse: SignIn;

  beforeAll(() => {
    app = createTestApp();
    admin = setUpClinic(app);
    nurse = signedInUser(app, admin, 'nurse');
  });
  afterAll(() => app.cleanup());

  it("locks a session idle for the clinic's autoLockMinutes (10) and refuses its calls, writing nothing", () => {
    // A cheap call first: the last one (a password change) started its clock before hashing.
    expect(app.call(nurse, 'signIn.heartbeat', {}).ok).toBe(true);
    app.clockOffsetMs += 10 * minute - 5_000;
    expect(app.call(nurse, 'patients.search', { query: '' }).ok).toBe(true);
    app.clockOffsetMs += 10 * minute;
    for (const method of ['patients.search', 'patients.create', 'signIn.heartbeat', 'clinic.get']) {
      const error = expectRefused(app, nurse, method, anyValidInput[method], 'SIGN_IN_LOCKED');
      expect(error.message).toContain('Enter your password');
    }
    expect(app.ok(nurse, 'signIn.get', {})).toMatchObject({ state: 'locked', user: { username: 'nurse' } });
  });

  it('stays locked after a wrong password, and resumes with the right one', () => {
    const head = ledgerState(app.ledger.raw).head.seq;
    const wrong = app.call(nurse, 'auth.unlock', { password: 'not-the-password-1' });
    expect(wrong.ok ? 'ok' : wrong.error.code).toBe('INVALID_CREDENTIALS');
    expect(app.ok(nurse, 'signIn.get', {}).state).toBe('locked');
    expect(app.ok(nurse, 'auth.unlock', { password: staffPassword }).state).toBe('active');
    expect(auditSince(app.ledger.raw, head)).toEqual([
      expect.objectContaining({ action: 'auth.unlock-failed', entityId: String(userIdOf(nurse)) }),
      expect.objectContaining({ action: 'auth.unlocked', actorUserId: userIdOf(nurse) }),
    ]);
    expect(app.call(nurse, 'patients.search', { query: '' }).ok).toBe(true);
  });

  it('keeps a session awake with heartbeats, and says when it will lock', () => {
    for (let i = 0; i < 3; i += 1) {
      app.clockOffsetMs += 6 * minute;
      const info = app.ok(nurse, 'signIn.heartbeat', {});
      expect(info.state).toBe('active');
      if (info.state === 'active') {
        expect(Date.parse(info.locksAt) - Date.parse(info.serverTime)).toBe(10 * minute);
      }
    }
    app.clockOffsetMs += 6 * minute;
    expect(app.call(nurse, 'patients.search', { query: '' }).ok).toBe(true);
  });

  it('does not count signIn.get as activity', () => {
    app.clockOffsetMs += 6 * minute;
    expect(app.ok(nurse, 'signIn.get', {}).state).toBe('active');
    app.clockOffsetMs += 6 * minute;
    expect(app.ok(nurse, 'signIn.get', {}).state).toBe('locked');
  });

  it('lets a locked session sign out', () => {
    const window = { ...nurse };
    expect(app.ok(window, 'auth.signOut', {}).state).toBe('signed-out');
    expectRefused(app, window, 'patients.search', { query: '' }, 'NOT_SIGNED_IN');
  });

  it("follows the clinic's own autoLockMinutes setting", () => {
    // The admin's session has been idle through all of the above.
    expect(app.ok(admin, 'signIn.get', {}).state).toBe('locked');
    app.ok(admin, 'auth.unlock', { password: adminPassword });
    app.ok(admin, 'clinic.update', {
      name: 'Harbor Infusion Clinic',
      address: '1 Harbor Way',
      timeZone: 'America/New_York',
      autoLockMinutes: 2,
    });
    app.clockOffsetMs += 2 * minute - 5_000;
    expect(app.call(admin, 'users.list', {}).ok).toBe(true);
    app.clockOffsetMs += 2 * minute;
    expectRefused(app, admin, 'users.list', {}, 'SIGN_IN_LOCKED');
  });
});

describe('the role is checked before the input (issue 12)', () => {
  let app: TestApp;
  let admin: SignIn;
  let nurse: SignIn;
  /** A formulary whose first bound is not a number. */
  const badFormulary = {
    content: {
      drugs: [
        {
          ...demoKetamine,
          limits: {
            ...demoKetamine.limits,
            doseMgPerKg: { hardMin: 'abc', softMin: '0.1', softMax: '1', hardMax: '2' },
          },
        },
      ],
      screeningItems: [],
    },
    password: adminPassword,
    reason: 'Test clinic set-up',
  };

  beforeAll(() => {
    app = createTestApp();
    admin = setUpClinic(app);
    nurse = signedInUser(app, admin, 'nurse');
  });
  afterAll(() => app.cleanup());

  it('answers a non-numeric formulary bound with a message on that field, not INTERNAL', () => {
    const reported: unknown[] = [];
    const before = ledgerState(app.ledger.raw);
    const result = rawCall(app, admin, 'formulary.update', badFormulary, (error) => reported.push(error));
    expect(reported).toEqual([]);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(result.ok ? [] : result.error.issues).toEqual([
      { path: 'content.drugs.0.limits.doseMgPerKg.hardMin', message: 'Enter the limit as a number, e.g. 0.5 or 72.4' },
    ]);
    expectUnchanged(app.ledger.raw, before);
  });

  it('tells a role that may not call a method only that, whatever its input', () => {
    for (const input of [badFormulary, { content: 'abc' }, null, 'abc']) {
      const error = expectRefused(app, nurse, 'formulary.update', input, 'FORBIDDEN');
      expect(error.issues).toBeUndefined();
    }
  });

  it('keeps NOT_SIGNED_IN, SIGN_IN_LOCKED and NOT_INITIALIZED ahead of bad input, writing nothing', () => {
    expectRefused(app, app.newSignIn(), 'formulary.update', badFormulary, 'NOT_SIGNED_IN');
    expectRefused(app, app.newSignIn(), 'patients.search', { query: 42 }, 'NOT_SIGNED_IN');
    expectRefused(app, { ...nurse, state: 'locked' }, 'patients.search', { query: 42 }, 'SIGN_IN_LOCKED');
    const empty = createTestApp();
    try {
      expectRefused(empty, empty.newSignIn(), 'patients.search', { query: 42 }, 'NOT_INITIALIZED');
    } finally {
      empty.cleanup();
    }
  });

  it('still answers bad input from a role that may call the method with INVALID_INPUT, counting no activity', () => {
    const session = { ...nurse, lastActivityMs: Date.now() - 60_000 };
    const activityBefore = session.lastActivityMs;
    const error = expectRefused(app, session, 'patients.search', { query: 42 }, 'INVALID_INPUT');
    expect(error.issues?.map((issue) => issue.path)).toEqual(['query']);
    expect(session.lastActivityMs).toBe(activityBefore);
    expect(session.state).toBe('active');
  });
});
