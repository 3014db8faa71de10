import type { CallResult } from '../contract/errors';
import type { MethodInput, MethodName, MethodOutput } from '../contract/methods';
import { dispatch } from '../services/dispatch';
import type { Ledger } from '../services/ledger';
import type { SignIn } from '../services/sign-in';
import type { RememberingDispatch } from '../services/dispatch-remembering';

export type Call = ReturnType<typeof caller>;

/**
 * Calls the back end exactly as the app does; a refusal stops the demo with its message.
 * `clock` sets when the calls happen (the demo's clinic is set up a month before today).
 * With `remembering`, a password checked or a key opened once is not derived again by later
 * calls (the demo's staff sign a month of records with the same passwords).
 */
export function caller(ledger: Ledger, clock: () => Date = () => new Date(), remembering?: RememberingDispatch) {
  return <M extends MethodName>(signIn: SignIn, method: M, input: MethodInput<M>): MethodOutput<M> => {
    const context = { ledger, signIn, clock };
    const result = (
      remembering === undefined ? dispatch(context, method, input) : remembering.dispatch(context, method, input)
    ) as CallResult<MethodOutput<M>>;
    if (!result.ok) {
      const details = (result.error.issues ?? []).map((issue) => ` ${issue.path}: ${issue.message}`).join(';');
      throw new Error(`demo: ${method} was refused: ${result.error.message}${details}`);
    }
    return result.value;
  };
}
