import type { Invoke, LedgerClient } from '../../contract/client';
import { createClient } from '../../contract/client';
import { adoptBrowserSecret, httpInvoke } from './http-invoke';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    ledger?: { invoke: Invoke };
  }
}

export type Connection = { ok: true; client: LedgerClient } | { ok: false; message: string };

const missingSecretMessage = 'Open the address printed when the app started.';

/**
 * Picks the transport once, at start-up: Electron's preload bridge when present, otherwise
 * browser mode over HTTP, which needs the launch secret from the address.
 */
export function connect(): Connection {
  const bridge = window.ledger;
  if (bridge !== undefined && typeof bridge.invoke === 'function') {
    return { ok: true, client: createClient((method, input) => bridge.invoke(method, input)) };
  }
  const secret = adoptBrowserSecret();
  if (secret === null) return { ok: false, message: missingSecretMessage };
  return { ok: true, client: createClient(httpInvoke(secret)) };
}
