import type { CallResult } from '../../contract/errors';
import { callResultSchema } from '../../contract/errors';
import type { Invoke } from '../../contract/client';

const secretKey = 'ledger.secret';
const sessionKey = 'ledger.session';

/** Must match src/server/serve.ts (apiPath, launchPath, secretHeader, signInHeader). */
const apiPath = '/api/invoke';
const launchPath = '/api/launch';

/**
 * A browser started by the app gets a one-time token (`#launch=…`) instead of the secret,
 * because command lines are visible to other users of the computer. Swaps it for the secret
 * once; a reused or expired token leaves no secret, and the page says how to start again.
 */
export async function redeemLaunchToken(): Promise<void> {
  const match = /^#launch=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1] === undefined) return;
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  try {
    const response = await fetch(launchPath, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: match[1] }),
      cache: 'no-store',
    });
    const body = (await response.json()) as { ok?: boolean; value?: { secret?: unknown } };
    if (body.ok === true && typeof body.value?.secret === 'string')
      sessionStorage.setItem(secretKey, body.value.secret);
  } catch {
    // No secret: connect() reports that the app must be opened from its printed address.
  }
}

function unreachable(message: string): CallResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

/**
 * Takes the per-launch secret out of the address (`#secret=…`) and keeps it for this tab
 * only, then hands the fragment back to the router. Returns null when the page was opened
 * without it (an old bookmark, a copied address) and none is remembered.
 */
export function adoptBrowserSecret(): string | null {
  const match = /^#secret=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1] !== undefined) {
    sessionStorage.setItem(secretKey, match[1]);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`);
  }
  return sessionStorage.getItem(secretKey);
}

/** One server-side sign-in per tab, surviving a reload of that tab but not shared with others. */
function tabSignInId(): string {
  let id = sessionStorage.getItem(sessionKey);
  if (id === null) {
    id = crypto.randomUUID();
    sessionStorage.setItem(sessionKey, id);
  }
  return id;
}

/** Browser mode: the contract over HTTP to the loopback server that served this page. */
export function httpInvoke(secret: string): Invoke {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetch(apiPath, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-ledger-secret': secret,
          'x-ledger-sign-in': tabSignInId(),
        },
        body: JSON.stringify({ method, input }),
        cache: 'no-store',
      });
    } catch {
      return unreachable('The app is not responding. Check that it is still running, then try again.');
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return unreachable('The app sent an answer that could not be read. Try again.');
    }
    // The server answers errors as CallResult JSON too (also with 4xx statuses).
    const parsed = callResultSchema.safeParse(body);
    return parsed.success ? parsed.data : unreachable('The app sent an answer that could not be read. Try again.');
  };
}
