import { rootIdentity } from '../db/identities-repo';
import type { Ledger } from '../db/open';
import type { KeyPairPem } from '../signing/signing-key';
import {
  certificateCovers,
  certificateIssuedBy,
  certificateMatchesKey,
  generateServerKeyPair,
} from '../signing/server-certificate';
import { certificateFacts } from './identities';

/**
 * What the command line needs to keep the clinic host's TLS key and certificate beside the
 * ledger: the clinic root (public), a new key pair, and whether the files it holds still do.
 * Issuing itself goes through dispatch (`host.issueCertificate`), as an administrator.
 */

export interface ClinicRootCertificate {
  certificatePem: string;
  fingerprintSha256: string;
}

/** The ledger's current clinic root certificate, or null before set-up. */
export function clinicRootCertificate(ledger: Ledger): ClinicRootCertificate | null {
  const root = rootIdentity(ledger.db);
  if (root === undefined) return null;
  return {
    certificatePem: root.certificatePem,
    fingerprintSha256: certificateFacts(root.certificatePem).fingerprintSha256,
  };
}

/** ECDSA P-256, made on the host; only its public half is sent to be certified. */
export function generateHostKeyPair(): KeyPairPem {
  return generateServerKeyPair();
}

/**
 * Whether a kept key and certificate can serve on: the certificate is the key's, was issued by
 * the ledger's current clinic root, names every host name and address asked for and has more
 * than `minDaysLeft` days to run. Unreadable files are not usable (a new pair is issued).
 */
export function hostCertificateUsable(
  kept: { keyPem: string; certificatePem: string; rootCertificatePem: string },
  wanted: { hostNames: readonly string[]; addresses: readonly string[]; now: Date; minDaysLeft: number },
): boolean {
  try {
    return (
      certificateMatchesKey(kept.certificatePem, kept.keyPem) &&
      certificateIssuedBy(kept.certificatePem, kept.rootCertificatePem) &&
      certificateCovers(kept.certificatePem, wanted)
    );
  } catch {
    return false;
  }
}

export { hostCertificateProblem } from '../signing/clinic-trust';
