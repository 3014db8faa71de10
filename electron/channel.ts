import type { CallResult } from '../src/contract/errors';

/*
 * Shared by main and the sandboxed preload. The preload may load nothing but 'electron', so
 * this module imports types only: it must bundle into preload.cjs without pulling in any
 * Node package (tests/electron/preload.test.ts checks the bundle).
 */

/** The one IPC channel between the renderer and the back end. */
export const ledgerChannel = 'ledger:invoke';

/** Longer than any method name in the contract; a cap keeps junk off the IPC pipe. */
export const maxMethodLength = 100;

/**
 * Checked in the preload before anything is sent: a method must be a short non-empty string.
 * Returns the error value to hand back instead of sending, or null when the call may go.
 */
export function refuseBeforeSending(method: unknown): CallResult<never> | null {
  if (typeof method === 'string' && method.length > 0 && method.length <= maxMethodLength) return null;
  return {
    ok: false,
    error: { code: 'UNKNOWN_METHOD', message: 'The method name must be a short, non-empty string.' },
  };
}

/** Used when the IPC itself fails (no handler, window closing): still an error value. */
export const transportFailure: CallResult<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The app could not reach its database. Restart it and try again.' },
};
