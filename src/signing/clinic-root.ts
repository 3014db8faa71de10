import { createPublicKey } from 'node:crypto';
import { oids } from './oids';
import { generateSigningKeyPair, privateKeyFromPem } from './signing-key';
import {
  basicConstraintsExtension,
  buildCertificate,
  certificateDerFromPem,
  certificateToPem,
  keyUsageExtension,
} from './x509-certificate';

export const rootValidityYears = 20;

export interface CertificateAndKey {
  certificatePem: string;
  /**
   * PKCS#8 PEM, in plaintext: only ever held in memory. Store it through
   * `encryptPrivateKey` (no private key is written in plaintext).
   */
  privateKeyPem: string;
}

export function addYears(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + years);
  return result;
}

/**
 * The clinic's own certification authority: self-signed, cA:true, allowed to sign
 * certificates and CRLs only, valid for 20 years. Path length 0: it issues physicians'
 * certificates directly and never an intermediate CA.
 */
export function createClinicRoot(input: { clinicName: string; now: Date }): CertificateAndKey {
  const clinicName = input.clinicName.trim().normalize('NFC');
  if (clinicName === '') throw new Error('The clinic name is needed to create its signing root.');
  const keys = generateSigningKeyPair();
  const privateKey = privateKeyFromPem(keys.privateKeyPem);
  const der = buildCertificate({
    subject: [
      { type: oids.commonName, value: `${clinicName} Signing Root` },
      { type: oids.organization, value: clinicName },
    ],
    issuer: null,
    subjectPublicKey: createPublicKey(privateKey),
    issuerPrivateKey: privateKey,
    issuerKeyId: null,
    notBefore: input.now,
    notAfter: addYears(input.now, rootValidityYears),
    extensions: [basicConstraintsExtension({ ca: true, pathLength: 0 }), keyUsageExtension(['keyCertSign', 'cRLSign'])],
  });
  return { certificatePem: certificateToPem(der), privateKeyPem: keys.privateKeyPem };
}

/** The root certificate for auditors and for Adobe Reader's trust list: PEM text and DER bytes. */
export function exportRootCertificate(certificatePem: string): { pem: string; der: Buffer } {
  const der = certificateDerFromPem(certificatePem);
  return { pem: certificateToPem(der), der };
}
