import type { CallResult } from '../../src/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import type { Role } from '../../src/domain/roles';
import { dispatch } from '../../src/services/dispatch';
import type { Session } from '../../src/services/session';
import { createSession } from '../../src/services/session';
import type { TempLedger } from './temp-ledger';
import { tempLedger } from './temp-ledger';

export const adminPassword = 'Harbor-clinic-key-2026';
export const staffPassword = 'Staff-password-2026';

export interface TestApp extends TempLedger {
  /** Milliseconds added to the real clock; move it to test locks and lockouts. */
  clockOffsetMs: number;
  newSession(): Session;
  call<M extends MethodName>(session: Session, method: M, input: MethodInput<M>): CallResult<MethodOutput<M>>;
  /** Like `call`, but fails the test on an error value. */
  ok<M extends MethodName>(session: Session, method: M, input: MethodInput<M>): MethodOutput<M>;
}

export function createTestApp(): TestApp {
  const base = tempLedger();
  const app: TestApp = {
    ...base,
    clockOffsetMs: 0,
    newSession: () => createSession(),
    call: (session, method, input) =>
      dispatch(
        { ledger: base.ledger, session, clock: () => new Date(Date.now() + app.clockOffsetMs) },
        method,
        input,
      ) as CallResult<never>,
    ok: (session, method, input) => {
      const result = app.call(session, method, input);
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
      return result.value;
    },
  };
  return app;
}

/** Runs the set-up wizard; the returned session is the admin's. */
export function setUpClinic(app: TestApp, timeZone = 'America/New_York'): Session {
  const admin = app.newSession();
  app.ok(admin, 'setup.initialize', {
    clinic: { name: 'Harbor Infusion Clinic', address: '1 Harbor Way', timeZone },
    admin: { username: 'admin', displayName: 'Alex Admin', credentials: '', password: adminPassword },
  });
  return admin;
}

/** Creates a user as the admin and signs them in with a changed password. */
export function signedInUser(app: TestApp, admin: Session, role: Role, username: string = role): Session {
  const temporaryPassword = 'Temporary-pass-2026!';
  app.ok(admin, 'users.create', {
    username,
    displayName: `Test ${role}`,
    credentials: role === 'physician' ? 'MD' : role === 'nurse' ? 'RN' : '',
    role,
    temporaryPassword,
    adminPassword: role === 'auditor' ? undefined : adminPassword,
  });
  const session = app.newSession();
  app.ok(session, 'auth.signIn', { username, password: temporaryPassword });
  app.ok(session, 'auth.changePassword', { currentPassword: temporaryPassword, newPassword: staffPassword });
  return session;
}
