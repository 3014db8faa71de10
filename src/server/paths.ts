/** The browser-mode routes and headers; the renderer repeats them in src/renderer/lib/http-invoke.ts. */
export const apiPath = '/api/invoke';
/** Exchanges a one-time launch token for the secret, so the secret never sits on a command line. */
export const launchPath = '/api/launch';
export const secretHeader = 'x-ledger-secret';
export const signInHeader = 'x-ledger-sign-in';
