import { expect } from 'vitest';
import type { CallError, CallResult, ErrorCode } from '../../src/contract/errors';
import { callResultSchema } from '../../src/contract/errors';
import { dispatch } from '../../src/services/dispatch';
import type { SignIn } from '../../src/services/sign-in';
import { expectUnchanged, ledgerState } from './ledger-state';
import type { TestApp } from './test-app';

/**
 * Calls dispatch the way an adapter does, with an untyped method name and input, so tests can
 * send what the typed client would not let them (unknown methods, malformed input).
 */
export function rawCall(
  app: TestApp,
  session: SignIn,
  method: string,
  input: unknown,
  onInternalError?: (error: unknown, method: string) => void,
): CallResult<unknown> {
  return dispatch(
    { ledger: app.ledger, signIn: session, clock: () => new Date(Date.now() + app.clockOffsetMs), onInternalError },
    method,
    input,
  );
}

/** The signed-in user's id, for comparing with audit entries. */
export function userIdOf(session: SignIn): number {
  if (session.userId === null) throw new Error('session is signed out');
  return session.userId;
}

/**
 * Makes a call that must be refused with `code` and must leave the ledger exactly as it was
 * (audit head, row counts and every row). Returns the error for further checks.
 */
export function expectRefused(
  app: TestApp,
  session: SignIn,
  method: string,
  input: unknown,
  code: ErrorCode,
): CallError {
  const before = ledgerState(app.ledger.raw);
  const result = callResultSchema.parse(rawCall(app, session, method, input));
  if (result.ok) throw new Error(`${method} should have been refused with ${code} but succeeded`);
  expect(result.error.code, result.error.message).toBe(code);
  expectUnchanged(app.ledger.raw, before);
  return result.error;
}
