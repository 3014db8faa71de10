/**
 * The one Content Security Policy and set of security headers for the renderer, wherever it
 * is served from: Electron's app:// protocol (electron/protocol.ts), browser mode and the
 * clinic host (src/server), and the renderer's own meta tag (written by vite.config.ts).
 * Nothing but the app's own files, and no network beyond the app's own origin.
 */
const directives = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
] as const;

/** The policy sent as a response header. */
export const contentSecurityPolicy = directives.join('; ');

/**
 * The same policy for the page's meta tag, which applies even if a header is lost. Browsers
 * ignore frame-ancestors in a meta tag (and warn about it), so it is left out there; several
 * policies intersect, so the header still forbids framing.
 */
export const metaContentSecurityPolicy = directives
  .filter((directive) => !directive.startsWith('frame-ancestors'))
  .join('; ');

export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=()',
  'Cache-Control': 'no-store',
};
