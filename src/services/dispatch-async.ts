import type { CallResult } from '../contract/errors';
import { DerivationMemo, DerivationNeeded, withDerivations } from '../signing/scrypt-derivation';
import type { DispatchContext } from './dispatch';
import { dispatch } from './dispatch';
import { integrityRefusal } from './integrity-gate';

/**
 * Runs of a call that may each ask for one more derivation before the synchronous fallback. A
 * password change of an administrator who also signs needs six (check, two keys opened and
 * re-wrapped, the new hash); more means the ledger keeps changing under the call.
 */
export const maxDerivationRounds = 12;

/**
 * `dispatch` for a server shared by many devices: the same result, but scrypt (0.2–0.5 s per
 * password check or key unlock) runs in a low-priority background thread, not on the event loop. Each run
 * is dispatch's usual single synchronous transaction; one that needs a derivation not yet in
 * the memo is rolled back (nothing written, nothing audited, the sign-in state restored), the
 * derivation is computed asynchronously and the call runs again. Only the run that completes
 * counts, so a wrong password is counted and audited once.
 */
export async function dispatchAsync(
  context: DispatchContext,
  method: string,
  rawInput: unknown,
): Promise<CallResult<unknown>> {
  // Nobody signs in to a ledger file the background check found damaged.
  const refused = await integrityRefusal(context.ledger, method);
  if (refused !== null) return refused;
  const memo = new DerivationMemo();
  try {
    for (let round = 0; round < maxDerivationRounds; round += 1) {
      let needed: DerivationNeeded;
      try {
        return withDerivations(memo, () => dispatch(context, method, rawInput));
      } catch (error) {
        if (!(error instanceof DerivationNeeded)) throw error;
        needed = error;
      }
      try {
        await memo.fulfil(needed.request);
      } catch {
        // scrypt refused the parameters: the synchronous run below fails the same way and
        // answers as dispatch always did (INTERNAL, reported through onInternalError).
        break;
      }
    }
    // Always answers: what is still missing is derived synchronously, as dispatch does.
    return withDerivations(memo, () => dispatch(context, method, rawInput), 'derive');
  } finally {
    memo.wipe();
  }
}
