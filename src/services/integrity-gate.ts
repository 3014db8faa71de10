import type { CallResult } from '../contract/errors';
import { failure } from '../contract/errors';
import type { Ledger } from '../db/open';

/**
 * Calls that wait for the background check of the ledger file (src/db/integrity-check.ts) before
 * they run: signing in (every other change needs someone signed in) and the first-run set-up.
 * The screens before them only read, and show at once.
 */
const waitsForCheck = (method: string) => method === 'auth.signIn' || method.startsWith('setup.');

/**
 * Null when the call may run; else its refusal, because the check found the file damaged. Waits
 * for the check when it is still running (seconds, once, after the app opens a large ledger).
 */
export async function integrityRefusal(ledger: Ledger, method: unknown): Promise<CallResult<never> | null> {
  if (ledger.integrity === undefined || typeof method !== 'string' || !waitsForCheck(method)) return null;
  const damaged = await ledger.integrity.verdict;
  return damaged === null ? null : failure('LEDGER_DAMAGED', `${damaged.message} Nobody can sign in to it.`);
}
