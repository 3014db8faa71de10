import type { CallResult } from '../../contract/errors';
import { callResultSchema } from '../../contract/errors';
import type { Invoke } from '../../contract/client';

/** Must match src/server/clinic-paths.ts (clinicApiPath, devicePath, eventsPath, requestHeader). */
export const clinicApiPath = '/api/invoke';
export const devicePath = '/api/device';
export const eventsPath = '/api/events';
const requestHeader = 'x-ledger-request';

/**
 * What every call to the clinic host carries: JSON, and the app's own header, which a page of
 * another site cannot add. No secret and no token: the host's cookies (HttpOnly) are the
 * device's and the session's credentials, and the page never sees them.
 */
export const clinicRequestInit = {
  method: 'POST',
  headers: { 'content-type': 'application/json', [requestHeader]: '1' },
  credentials: 'same-origin',
  cache: 'no-store',
} as const satisfies RequestInit;

/** Browser mode is always plain http on 127.0.0.1; a page over https came from a clinic host. */
export function isClinicPage(protocol: string = window.location.protocol): boolean {
  return protocol === 'https:';
}

export const unreachableMessage =
  'The clinic host cannot be reached, so nothing was saved. What you typed is still here: try again when it is back.';

/** Gateway answers from a proxy or the host's own network: the host itself is not answering. */
export function isUnreachableStatus(status: number): boolean {
  return status === 502 || status === 503 || status === 504;
}

/** The host's own refusal of the page's origin, as opposed to a refusal of the device. */
const crossSiteMessage = 'Cross-site calls are refused.';

export interface ClinicTransportEvents {
  /** The call could not reach the host (network error, or a gateway answered for it). */
  onUnreachable: () => void;
  /** The host answered. */
  onReachable: () => void;
  /** The host refused this device (revoked, expired, no longer enrolled): back to the device gate. */
  onDeviceRefused: () => void;
}

type Fetch = (input: string, init: RequestInit) => Promise<Response>;

function failed(message: string): CallResult<never> {
  return { ok: false, error: { code: 'INTERNAL', message } };
}

/**
 * The contract over HTTPS to the clinic host that served this page. A call that cannot reach the
 * host fails as a value (the form shows it, and keeps what was typed); it is never queued or
 * replayed, since a write sent twice, or late, could record what nobody meant any more.
 */
export function clinicInvoke(
  events: ClinicTransportEvents,
  fetchFn: Fetch = (input, init) => fetch(input, init),
): Invoke {
  return async (method, input) => {
    let response: Response;
    try {
      response = await fetchFn(clinicApiPath, { ...clinicRequestInit, body: JSON.stringify({ method, input }) });
    } catch {
      events.onUnreachable();
      return failed(unreachableMessage);
    }
    if (isUnreachableStatus(response.status)) {
      events.onUnreachable();
      return failed(unreachableMessage);
    }
    events.onReachable();
    let body: unknown;
    try {
      body = await response.json();
    } catch {
      return failed('The clinic host sent an answer that could not be read. Try again.');
    }
    const parsed = callResultSchema.safeParse(body);
    if (!parsed.success) return failed('The clinic host sent an answer that could not be read. Try again.');
    // The host answers 403 only for the page's origin or for the device itself (every refusal by
    // role comes back as a 200 with its error).
    if (response.status === 403 && !parsed.data.ok && parsed.data.error.message !== crossSiteMessage)
      events.onDeviceRefused();
    return parsed.data;
  };
}
