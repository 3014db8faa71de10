import type { CallResult } from '../contract/errors';
import { DerivationMemo, withDerivations } from '../signing/scrypt-derivation';
import type { DispatchContext } from './dispatch';
import { dispatch } from './dispatch';

/**
 * `dispatch` for a batch of calls made by the same few people in one process (the demo clinic:
 * a month of records signed with the same passwords): a password checked, or a key opened,
 * once is not derived again by a later call. New hashes and keys still get fresh salts, never
 * one handed out before. The derived keys are password equivalents: `wipe` when the batch ends.
 */
export class RememberingDispatch {
  private readonly memo = new DerivationMemo();

  dispatch(context: DispatchContext, method: string, rawInput: unknown): CallResult<unknown> {
    try {
      return withDerivations(this.memo, () => dispatch(context, method, rawInput), 'derive');
    } finally {
      this.memo.forgetFresh();
    }
  }

  wipe(): void {
    this.memo.wipe();
  }
}
