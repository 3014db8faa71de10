import type { CallResult } from '../contract/errors';
import { failure, issuesFromZod } from '../contract/errors';
import type { MethodDefinition } from '../contract/define-method';
import type { MethodName } from '../contract/methods';
import { isMethodName, methods } from '../contract/methods';
import { getClinic } from '../db/clinic-repo';
import type { Ledger } from '../db/open';
import { DerivationNeeded } from '../signing/scrypt-derivation';
import { findUserById } from '../db/users-repo';
import { auditHandlers } from './audit';
import { backupHandlers } from './backup-handlers';
import { chairsideHandlers } from './chairside';
import { deviceHandlers } from './device-handlers';
import { documentHandlers } from './documents';
import { exportHandlers } from './exports';
import { formularyHandlers } from './formulary';
import { clinicSharingHandlers } from './clinic-sharing';
import { hostCertificateHandlers } from './host-certificates';
import { recordHandlers } from './records';
import { registerHandlers } from './register';
import { consentDocumentHandlers } from './consent-documents';
import { consentPdfHandlers } from './consent-pdf';
import { consentRecordHandlers } from './consent-records';
import { sessionHandlers } from './sessions';
import { authHandlers } from './auth';
import { clinicHandlers } from './clinic';
import type { Handler, Handlers, ServiceContext } from './context';
import { createServiceContext } from './context';
import { patientHandlers } from './patients';
import { CommittedRefusal, ServiceError } from './service-error';
import type { SignIn } from './sign-in';
import { lockSignIn, endSignIn } from './sign-in';
import { setupHandlers } from './setup';
import { copyInProgress } from './setup-restore-run';
import { setupRestoreHandlers } from './setup-restore';
import { userHandlers } from './users';

const handlers: Handlers<MethodName> = {
  ...setupHandlers,
  ...authHandlers,
  ...clinicHandlers,
  ...userHandlers,
  ...patientHandlers,
  ...auditHandlers,
  ...formularyHandlers,
  ...consentDocumentHandlers,
  ...consentRecordHandlers,
  ...consentPdfHandlers,
  ...recordHandlers,
  ...chairsideHandlers,
  ...sessionHandlers,
  ...exportHandlers,
  ...documentHandlers,
  ...backupHandlers,
  ...setupRestoreHandlers,
  ...hostCertificateHandlers,
  ...clinicSharingHandlers,
  ...deviceHandlers,
  ...registerHandlers,
};

export interface DispatchContext {
  ledger: Ledger;
  signIn: SignIn;
  /** Injected so tests can move time (inactivity lock, lockout expiry). */
  clock?: () => Date;
  /** Where unexpected failures are reported; their details never reach the caller. */
  onInternalError?: (error: unknown, method: string) => void;
}

type Transaction = (body: () => CallResult<unknown>) => CallResult<unknown>;

/**
 * One transaction function per connection, running whatever body it is given: better-sqlite3's
 * `transaction()` builds and decorates four wrapper functions on every call, a measurable part
 * of a small call's cost (tests/bench/foundation-bench.ts). Keyed by the connection object, so a
 * closed or reopened ledger gets its own; BEGIN IMMEDIATE, COMMIT and ROLLBACK are unchanged.
 */
const transactions = new WeakMap<Ledger['raw'], Transaction>();

function transactionOf(raw: Ledger['raw']): Transaction {
  let run = transactions.get(raw);
  if (run === undefined) {
    const transaction = raw.transaction((body: () => CallResult<unknown>) => body());
    run = (body) => transaction.immediate(body);
    transactions.set(raw, run);
  }
  return run;
}

type Refusal = { ok: false; error: { code: Parameters<typeof failure>[0]; message: string } };

/** Applies the access rules of `definition` to this session. Null means allowed. */
function refusal(definition: MethodDefinition, context: ServiceContext): Refusal | null {
  if (definition.access === 'public') return null;
  if (context.clinic === undefined)
    return failure('NOT_INITIALIZED', 'This clinic is not set up yet. Run the set-up first.');
  const user = context.user;
  if (user === null || context.signIn.state === 'signed-out') {
    return failure('NOT_SIGNED_IN', 'You are signed out. Sign in to continue.');
  }
  if (context.signIn.state === 'locked' && definition.whileLocked !== true) {
    return failure(
      'SIGN_IN_LOCKED',
      'The screen locked after a period of inactivity. Enter your password to continue.',
    );
  }
  if (user.mustChangePassword && definition.beforePasswordChange !== true) {
    return failure('PASSWORD_CHANGE_REQUIRED', 'Choose a new password before you continue.');
  }
  if (definition.access !== 'signed-in' && !definition.access.includes(user.role)) {
    return failure('FORBIDDEN', 'Your role does not allow this action.');
  }
  return null;
}

/**
 * Locks an idle signIn, and signs out one whose user is gone or deactivated since.
 * Mutates only the in-memory signIn.
 */
function refreshSignIn(context: ServiceContext): void {
  const { signIn, clinic } = context;
  if (signIn.state === 'signed-out') return;
  if (context.user === null || !context.user.active) {
    endSignIn(signIn);
    context.user = null;
    return;
  }
  const idleMs = context.now.getTime() - signIn.lastActivityMs;
  if (signIn.state === 'active' && clinic !== undefined && idleMs >= clinic.autoLockMinutes * 60_000) {
    lockSignIn(signIn);
  }
}

/**
 * The one entry point of the back end: one synchronous transaction (record and audit entry
 * together, or nothing) that authorizes → parses the input → runs the handler, then parses
 * the output. Errors are values, except DerivationNeeded (thrown only inside
 * `withDerivations`, i.e. under dispatchAsync), which asks for a scrypt derivation first.
 */
export function dispatch(context: DispatchContext, method: string, rawInput: unknown): CallResult<unknown> {
  if (typeof method !== 'string' || !isMethodName(method)) {
    return failure('UNKNOWN_METHOD', `There is no method called "${String(method)}".`);
  }
  const definition: MethodDefinition = methods[method];
  const handler = handlers[method] as Handler<MethodName>;
  const { ledger, signIn } = context;
  if (copyInProgress(ledger)) {
    return failure('CONFLICT', 'A backup is being copied into this ledger. Try again in a moment.');
  }
  const signInBefore = { ...signIn };
  const afterCommit: (() => void)[] = [];
  try {
    const now = context.clock?.() ?? new Date();
    const result = transactionOf(ledger.raw)((): CallResult<unknown> => {
      const user = signIn.userId === null ? null : (findUserById(ledger.db, signIn.userId) ?? null);
      const service = createServiceContext(ledger, signIn, user, getClinic(ledger.db), now, (task) =>
        afterCommit.push(task),
      );
      refreshSignIn(service);
      const refused = refusal(definition, service);
      if (refused !== null) return refused;
      // Parsed only once the caller may call the method, so a refused caller learns nothing of
      // its input rules; before any write and before counting activity, so bad input changes
      // nothing. A hostile input object (a throwing getter) throws here: rolled back, INTERNAL.
      const parsed = definition.input.safeParse(rawInput);
      if (!parsed.success) {
        return failure(
          'INVALID_INPUT',
          'Some of the information is missing or not valid.',
          issuesFromZod(parsed.error),
        );
      }
      if (definition.activity !== false && signIn.state === 'active') signIn.lastActivityMs = now.getTime();
      const output = handler(service, parsed.data as never);
      if (output instanceof CommittedRefusal) return failure(output.code, output.message, output.issues);
      return { ok: true, value: definition.output.parse(output) };
    });
    // Committed: a failing follow-up task must not turn the call into an error.
    for (const task of result.ok ? afterCommit : []) {
      try {
        task();
      } catch (error) {
        context.onInternalError?.(error, method);
      }
    }
    return result;
  } catch (error) {
    Object.assign(signIn, signInBefore);
    // Rolled back, nothing audited: dispatchAsync derives off the event loop and runs the call again.
    if (error instanceof DerivationNeeded) throw error;
    if (error instanceof ServiceError) return failure(error.code, error.message, error.issues);
    context.onInternalError?.(error, method);
    return failure(
      'INTERNAL',
      'Something went wrong and nothing was saved. Try again; if it keeps happening, tell your administrator.',
    );
  }
}
