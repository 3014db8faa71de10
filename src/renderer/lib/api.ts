import type { Invoke, LedgerClient } from '../../contract/client';
import { createClient } from '../../contract/client';
import { clinicTransport } from './clinic-connection';
import { isClinicPage } from './clinic-invoke';
import { adoptBrowserSecret, httpInvoke } from './http-invoke';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in browser mode. */
    ledger?: { invoke: Invoke };
  }
}

/** `clinic`: the page came from a clinic host, so the device gate, banner and live updates apply. */
export type Connection = { ok: true; client: LedgerClient; clinic: boolean } | { ok: false; message: string };

const missingSecretMessage = 'Open the address printed when the app started.';

/**
 * Picks the transport once, at start-up: Electron's preload bridge when present; a page served
 * over HTTPS came from a clinic host (cookies, no secret); otherwise browser mode over HTTP on
 * 127.0.0.1, which needs the launch secret from the address.
 */
export function connect(): Connection {
  const bridge = window.ledger;
  if (bridge !== undefined && typeof bridge.invoke === 'function') {
    return { ok: true, client: createClient((method, input) => bridge.invoke(method, input)), clinic: false };
  }
  if (isClinicPage()) return { ok: true, client: createClient(clinicTransport()), clinic: true };
  const secret = adoptBrowserSecret();
  if (secret === null) return { ok: false, message: missingSecretMessage };
  return { ok: true, client: createClient(httpInvoke(secret)), clinic: false };
}
