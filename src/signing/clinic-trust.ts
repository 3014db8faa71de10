import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import { oids } from './oids';

export interface HostCertificateCheck {
  /** The certificate the clinic host presented (PEM). */
  certificatePem: string;
  /** The clinic root this device pinned when it was set up (PEM). */
  rootPem: string;
  /** The host name or address the device connected to. */
  host: string;
  now: Date;
}

function parse(pem: string): X509Certificate | null {
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

/**
 * Whether a device may talk to this clinic host: its certificate must be issued (and signed) by
 * the pinned clinic root itself, be in date, be a TLS server certificate, and name the host
 * connected to. No other authority counts, whatever the operating system trusts. Returns why
 * not, or null when it may.
 */
export function hostCertificateProblem(check: HostCertificateCheck): string | null {
  const leaf = parse(check.certificatePem);
  const root = parse(check.rootPem);
  if (root === null) return 'The pinned clinic root is not a certificate.';
  if (leaf === null) return 'The host presented no readable certificate.';
  if (leaf.checkIssued(root) === false || !leaf.verify(root.publicKey))
    return 'The host’s certificate was not issued by this clinic’s root: this may not be your clinic host.';
  const nowMs = check.now.getTime();
  if (nowMs < Date.parse(leaf.validFrom) || nowMs > Date.parse(leaf.validTo))
    return 'The host’s certificate is not valid at this time (check this device’s clock).';
  if (leaf.ca) return 'The host presented a certificate authority, not a server certificate.';
  const purposes = leaf.keyUsage;
  if (purposes !== undefined && !purposes.includes(oids.serverAuth))
    return 'The host’s certificate is not meant for a server.';
  const host = check.host.replace(/^\[|\]$/g, '');
  const named = isIP(host) === 0 ? leaf.checkHost(host, { subject: 'never' }) : leaf.checkIP(host);
  if (named === undefined) return `The host’s certificate does not name ${host}.`;
  return null;
}
