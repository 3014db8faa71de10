import { X509Certificate, createPublicKey } from 'node:crypto';
import { formatPrintedName } from '../domain/user';
import type { CertificateAndKey } from './clinic-root';
import { addYears } from './clinic-root';
import { oids } from './oids';
import { generateSigningKeyPair, privateKeyFromPem, samePublicKey } from './signing-key';
import {
  basicConstraintsExtension,
  buildCertificate,
  certificateDerFromPem,
  certificateToPem,
  keyIdentifierOf,
  keyUsageExtension,
  parseCertificate,
} from './x509-certificate';

export const signerValidityYears = 5;

export interface SignerSubject {
  /** The name as printed, without credentials: "Ana Ruiz". */
  printedName: string;
  /** "MD", "DO, PhD"; may be empty. */
  credentials: string;
  clinicName: string;
  userId: number;
}

/**
 * A physician's signing certificate issued by the clinic root: a new P-256 key pair,
 * digitalSignature + nonRepudiation (what PDF validators look for in a document signer),
 * valid five years and never past the root's own expiry. CN is the printed name with
 * credentials ("Ana Ruiz, MD"), as on the signature line; UID is the user's ID.
 */
export function issueSignerCertificate(input: {
  root: string;
  rootKeyPem: string;
  subject: SignerSubject;
  now: Date;
}): CertificateAndKey {
  const keys = generateSigningKeyPair();
  return {
    certificatePem: certifySigner({ ...input, publicKeyPem: keys.publicKeyPem }),
    privateKeyPem: keys.privateKeyPem,
  };
}

/**
 * A new certificate for the key a clinician already holds (their key stays encrypted under
 * their password, which renewal never needs): valid five years from `now`, as at issue.
 */
export function renewSignerCertificate(input: {
  root: string;
  rootKeyPem: string;
  subject: SignerSubject;
  current: string;
  now: Date;
}): string {
  const publicKeyPem = new X509Certificate(certificateDerFromPem(input.current)).publicKey
    .export({ type: 'spki', format: 'pem' })
    .toString();
  return certifySigner({ ...input, publicKeyPem });
}

function certifySigner(input: {
  root: string;
  rootKeyPem: string;
  subject: SignerSubject;
  now: Date;
  publicKeyPem: string;
}): string {
  const rootDer = certificateDerFromPem(input.root);
  const rootX509 = new X509Certificate(rootDer);
  const rootKey = privateKeyFromPem(input.rootKeyPem);
  if (!samePublicKey(rootKey, rootX509.publicKey)) {
    throw new Error('The private key given is not the clinic root certificate’s key.');
  }
  if (!rootX509.ca) throw new Error('The certificate given as the root is not a certification authority.');
  const rootNotAfter = new Date(rootX509.validTo);
  if (input.now < new Date(rootX509.validFrom) || input.now > rootNotAfter) {
    throw new Error('The clinic root certificate is not valid now: create a new root before enrolling physicians.');
  }
  const printedName = input.subject.printedName.trim().normalize('NFC');
  const credentials = input.subject.credentials.trim().normalize('NFC');
  const clinicName = input.subject.clinicName.trim().normalize('NFC');
  if (printedName === '') throw new Error('The physician’s printed name is needed for the certificate.');
  const commonName = printedName.endsWith(`, ${credentials}`)
    ? printedName
    : formatPrintedName({ displayName: printedName, credentials });

  const notAfter = addYears(input.now, signerValidityYears);
  const der = buildCertificate({
    subject: [
      { type: oids.commonName, value: commonName },
      ...(credentials === '' ? [] : [{ type: oids.title, value: credentials }]),
      { type: oids.organization, value: clinicName },
      { type: oids.userId, value: String(input.subject.userId) },
    ],
    issuer: parseCertificate(rootDer).subject,
    subjectPublicKey: createPublicKey(input.publicKeyPem),
    issuerPrivateKey: rootKey,
    issuerKeyId: keyIdentifierOf(rootX509.publicKey),
    notBefore: input.now,
    notAfter: notAfter > rootNotAfter ? rootNotAfter : notAfter,
    extensions: [basicConstraintsExtension({ ca: false }), keyUsageExtension(['digitalSignature', 'nonRepudiation'])],
  });
  return certificateToPem(der);
}
