/** The clinic host's routes and headers; the renderer repeats them in src/renderer/lib/clinic-invoke.ts. */
export const clinicApiPath = '/api/invoke';
/** The device's enrolment state; with `{ "enrol": true }` it asks to be enrolled. */
export const devicePath = '/api/device';
/** Server-sent events: the ledger changed, or this device was revoked. */
export const eventsPath = '/api/events';
/** The clinic root certificate (PEM), to install on a tablet after comparing its fingerprint. */
export const rootCertificatePath = '/clinic-root.pem';
/**
 * Every call that changes anything carries this header: a cross-site page cannot add it
 * without a CORS preflight, which this server never grants.
 */
export const requestHeader = 'x-ledger-request';

/** `__Host-`: only ever set over HTTPS, for the whole host, never shared with a domain. */
export const deviceCookie = '__Host-ledger-device';
export const sessionCookie = '__Host-ledger-session';
