const defaultPollMs = 5_000;

/**
 * How often the sign-in state is polled. Tests shorten it through sessionStorage, since
 * the hash belongs to the router and cannot carry a query parameter.
 */
export function signInPollMs(): number {
  const override = Number(sessionStorage.getItem('ledger.pollMs'));
  return Number.isInteger(override) && override >= 100 ? override : defaultPollMs;
}

/** Keyboard or pointer use is reported at most this often (typing alone keeps a sign-in awake). */
export const heartbeatEveryMs = 30_000;
