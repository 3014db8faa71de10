import type { CallResult } from '../../src/contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../../src/contract/methods';
import { demoFormulary } from '../../src/cli/demo-clinical';
import type { Role } from '../../src/domain/roles';
import { dispatch } from '../../src/services/dispatch';
import type { SignIn } from '../../src/services/sign-in';
import { createSignIn } from '../../src/services/sign-in';
import type { TempLedger } from './temp-ledger';
import { tempLedger } from './temp-ledger';

export const adminPassword = 'Harbor-clinic-key-2026';
export const staffPassword = 'Staff-password-2026';
/** What `formulary.update` asks with every save: the admin's password again, and a reason. */
export const formularySaveConfirmation = { password: adminPassword, reason: 'Test clinic set-up' };

export interface TestApp extends TempLedger {
  /** Milliseconds added to the real clock; move it to test locks and lockouts. */
  clockOffsetMs: number;
  newSignIn(): SignIn;
  call<M extends MethodName>(session: SignIn, method: M, input: MethodInput<M>): CallResult<MethodOutput<M>>;
  /** Like `call`, but fails the test on an error value. */
  ok<M extends MethodName>(session: SignIn, method: M, input: MethodInput<M>): MethodOutput<M>;
}

export function createTestApp(): TestApp {
  const base = tempLedger();
  const app: TestApp = {
    ...base,
    clockOffsetMs: 0,
    newSignIn: () => createSignIn(),
    call: (session, method, input) =>
      dispatch(
        { ledger: base.ledger, signIn: session, clock: () => new Date(Date.now() + app.clockOffsetMs) },
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
export function setUpClinic(app: TestApp, timeZone = 'America/New_York'): SignIn {
  const admin = app.newSignIn();
  app.ok(admin, 'setup.initialize', {
    clinic: { name: 'Harbor Infusion Clinic', address: '1 Harbor Way', timeZone },
    admin: { username: 'admin', displayName: 'Alex Admin', credentials: '', password: adminPassword },
  });
  return admin;
}

/** Creates a user as the admin and signs them in with a changed password. */
export function signedInUser(app: TestApp, admin: SignIn, role: Role, username: string = role): SignIn {
  const temporaryPassword = 'Temporary-pass-2026!';
  app.ok(admin, 'users.create', {
    username,
    displayName: `Test ${role}`,
    credentials: role === 'physician' ? 'MD' : role === 'nurse' ? 'RN' : '',
    role,
    temporaryPassword,
    adminPassword: role === 'auditor' ? undefined : adminPassword,
  });
  const session = app.newSignIn();
  app.ok(session, 'auth.signIn', { username, password: temporaryPassword });
  app.ok(session, 'auth.changePassword', { currentPassword: temporaryPassword, newPassword: staffPassword });
  return session;
}

/** Saves a formulary version as the clinic's administrator does: password again, and a reason. */
export function saveFormulary(
  app: TestApp,
  admin: SignIn,
  content: MethodInput<'formulary.update'>['content'] = demoFormulary,
): void {
  app.ok(admin, 'formulary.update', { content, ...formularySaveConfirmation });
}
