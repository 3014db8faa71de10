import type { Session } from 'electron';
import { hostCertificateProblem } from '../src/services/host-tls';

/*
 * "Connect to a clinic ledger": the desktop app opens the clinic host's pages instead of a
 * local file, trusting the one clinic root it was given and no other authority. Only Electron's
 * types are imported, so this runs (and is tested) under plain Node.
 */

type VerifyProc = NonNullable<Parameters<Session['setCertificateVerifyProc']>[0]>;

/** Chromium's net error codes for the verify procedure's callback. */
const accept = 0;
const refuse = -2;

/** `https://host[:port]` exactly (no path, query, user or password), or null. */
export function clinicOrigin(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '') return null;
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') return null;
  return url.origin;
}

/**
 * Every TLS connection of the window's session is checked against the pinned clinic root
 * (hostCertificateProblem), and only the clinic host's own name is accepted: a certificate that
 * does not chain to the clinic root is refused, whatever the operating system trusts.
 */
export function clinicVerifyProc(
  rootPem: string,
  origin: string,
  log: (line: string) => void,
  now: () => Date = () => new Date(),
): VerifyProc {
  const expectedHost = new URL(origin).hostname.replace(/^\[|\]$/g, '');
  return (request, callback) => {
    const host = request.hostname.replace(/^\[|\]$/g, '');
    const problem =
      host !== expectedHost
        ? `a connection to ${host}, which is not the clinic host`
        : hostCertificateProblem({ certificatePem: request.certificate.data, rootPem, host, now: now() });
    if (problem !== null) log(`refused the clinic host's certificate: ${problem}`);
    callback(problem === null ? accept : refuse);
  };
}
