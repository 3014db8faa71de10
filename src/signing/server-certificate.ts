import type { KeyObject } from 'node:crypto';
import { X509Certificate, createPublicKey, generateKeyPairSync } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from './der-encoding';
import { oids } from './oids';
import { addressBytes, canonicalServerNames, ServerCertificateInputError } from './server-names';
import type { KeyPairPem } from './signing-key';
import { privateKeyFromPem, samePublicKey } from './signing-key';
import {
  basicConstraintsExtension,
  buildCertificate,
  certificateDerFromPem,
  certificateToPem,
  keyIdentifierOf,
  keyUsageExtension,
  parseCertificate,
} from './x509-certificate';

export { ServerCertificateInputError } from './server-names';

/**
 * Apple (iOS 14 / macOS 11 on) and Chrome refuse TLS server certificates valid for more than
 * 398 days, even under a private root; the clinic's tablets may be iPads.
 */
export const serverValidityDays = 397;
const dayMs = 86_400_000;
/**
 * notBefore is set an hour back, so a tablet whose clock runs a little slow does not call a
 * certificate issued a moment ago "not yet valid"; the 397 days count from there.
 */
const clockSkewAllowanceMs = 60 * 60_000;
/** RFC 5280 ub-common-name. */
const maximumCommonNameLength = 64;

export interface ServerCertificateRequest {
  rootCertificatePem: string;
  rootKeyPem: string;
  /** SPKI PEM of the host's key: the private key stays on the host. */
  subjectPublicKeyPem: string;
  hostNames: readonly string[];
  addresses: readonly string[];
  now: Date;
}

/** A fresh ECDSA P-256 key pair for a clinic host (every TLS client since 2013 accepts one). */
export function generateServerKeyPair(): KeyPairPem {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return {
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

function refuseKey(message: string): never {
  throw new ServerCertificateInputError(message, 'publicKeyPem');
}

/** The host's public key, if it is one a TLS client accepts: ECDSA P-256/P-384 or RSA of 2048 bits or more. */
export function checkServerPublicKey(pem: string): KeyObject {
  // createPublicKey would quietly derive the public half of a private key: the contract must
  // never carry one, so a private key sent by mistake is refused rather than used.
  if (/PRIVATE KEY/.test(pem))
    refuseKey('This is a private key: send the public key only; the private key stays on the host.');
  if (!/-----BEGIN (RSA )?PUBLIC KEY-----/.test(pem)) {
    refuseKey('The public key is not readable: give it as PEM text ("-----BEGIN PUBLIC KEY-----").');
  }
  let key: KeyObject;
  try {
    key = createPublicKey({ key: pem, format: 'pem' });
  } catch {
    refuseKey('The public key is not readable: give it as PEM text ("-----BEGIN PUBLIC KEY-----").');
  }
  const details = key.asymmetricKeyDetails;
  if (key.asymmetricKeyType === 'ec') {
    if (details?.namedCurve !== 'prime256v1' && details?.namedCurve !== 'secp384r1') {
      refuseKey('The host key is on an elliptic curve TLS clients do not all accept: use P-256 or P-384.');
    }
  } else if (key.asymmetricKeyType === 'rsa') {
    if ((details?.modulusLength ?? 0) < 2048)
      refuseKey('The host’s RSA key is shorter than 2048 bits: make a new one.');
  } else {
    refuseKey(
      `Keys of type ${key.asymmetricKeyType ?? 'unknown'} are not accepted by TLS clients here: use ECDSA P-256.`,
    );
  }
  return key;
}

function extendedKeyUsageExtension(): pkijs.Extension {
  return new pkijs.Extension({
    extnID: oids.extKeyUsage,
    critical: false,
    extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [oids.serverAuth] }).toSchema().toBER(false),
  });
}

/** dNSName [2] for each host name, iPAddress [7] (4 or 16 bytes) for each address. */
function subjectAltNameExtension(hostNames: readonly string[], addresses: readonly string[]): pkijs.Extension {
  const names = [
    ...hostNames.map((name) => new pkijs.GeneralName({ type: 2, value: name })),
    ...addresses.map(
      (address) =>
        new pkijs.GeneralName({
          type: 7,
          value: new asn1js.OctetString({ valueHex: toArrayBuffer(addressBytes(address)) }),
        }),
    ),
  ];
  return new pkijs.Extension({
    extnID: oids.subjectAltName,
    // Not critical: the subject (CN) is not empty (RFC 5280 §4.2.1.6).
    critical: false,
    extnValue: new pkijs.GeneralNames({ names }).toSchema().toBER(false),
  });
}

/**
 * A TLS server certificate for the clinic host, issued by the clinic root: cA:false,
 * digitalSignature (plus keyEncipherment for an RSA key), serverAuth, every host name and
 * address in subjectAltName (what clients match; CN is only for people), valid 397 days and
 * never past the root's own expiry. Refuses bad names, addresses and keys in words.
 */
export function issueServerCertificate(request: ServerCertificateRequest): string {
  const { hostNames, addresses } = canonicalServerNames(request);
  const subjectKey = checkServerPublicKey(request.subjectPublicKeyPem);
  const rootDer = certificateDerFromPem(request.rootCertificatePem);
  const rootX509 = new X509Certificate(rootDer);
  const rootKey = privateKeyFromPem(request.rootKeyPem);
  if (!samePublicKey(rootKey, rootX509.publicKey)) {
    throw new Error('The private key given is not the clinic root certificate’s key.');
  }
  if (!rootX509.ca) throw new Error('The certificate given as the root is not a certification authority.');
  const rootNotBefore = new Date(rootX509.validFrom);
  const rootNotAfter = new Date(rootX509.validTo);
  if (request.now < rootNotBefore || request.now > rootNotAfter) {
    throw new ServerCertificateInputError(
      'The clinic root certificate is not valid now, so it cannot vouch for this host.',
      null,
    );
  }
  const earliest = new Date(request.now.getTime() - clockSkewAllowanceMs);
  const notBefore = earliest < rootNotBefore ? rootNotBefore : earliest;
  const notAfter = new Date(notBefore.getTime() + serverValidityDays * dayMs);
  const commonName =
    [...hostNames, ...addresses].find((name) => name.length <= maximumCommonNameLength) ?? 'Clinic host';
  const der = buildCertificate({
    subject: [{ type: oids.commonName, value: commonName }],
    issuer: parseCertificate(rootDer).subject,
    subjectPublicKey: subjectKey,
    issuerPrivateKey: rootKey,
    issuerKeyId: keyIdentifierOf(rootX509.publicKey),
    notBefore,
    notAfter: notAfter > rootNotAfter ? rootNotAfter : notAfter,
    extensions: [
      basicConstraintsExtension({ ca: false }),
      keyUsageExtension(
        subjectKey.asymmetricKeyType === 'rsa' ? ['digitalSignature', 'keyEncipherment'] : ['digitalSignature'],
      ),
      extendedKeyUsageExtension(),
      subjectAltNameExtension(hostNames, addresses),
    ],
  });
  return certificateToPem(der);
}

/**
 * Whether a certificate names every host name and address asked for (in subjectAltName,
 * without wildcards) and is valid at `now` with more than `minDaysLeft` days to run.
 */
export function certificateCovers(
  certificatePem: string,
  wanted: { hostNames: readonly string[]; addresses: readonly string[]; now: Date; minDaysLeft: number },
): boolean {
  const certificate = new X509Certificate(certificateDerFromPem(certificatePem));
  if (wanted.now < new Date(certificate.validFrom)) return false;
  if (new Date(certificate.validTo).getTime() - wanted.now.getTime() <= wanted.minDaysLeft * dayMs) return false;
  return (
    wanted.hostNames.every(
      (name) => certificate.checkHost(name, { subject: 'never', wildcards: false }) !== undefined,
    ) && wanted.addresses.every((address) => certificate.checkIP(address) !== undefined)
  );
}

/** Whether the certificate was issued, and signed, by this root. */
export function certificateIssuedBy(certificatePem: string, rootCertificatePem: string): boolean {
  const certificate = new X509Certificate(certificateDerFromPem(certificatePem));
  const root = new X509Certificate(certificateDerFromPem(rootCertificatePem));
  return certificate.checkIssued(root) && certificate.verify(root.publicKey);
}

/** Whether the private key is the one the certificate was issued for. */
export function certificateMatchesKey(certificatePem: string, privateKeyPem: string): boolean {
  const certificate = new X509Certificate(certificateDerFromPem(certificatePem));
  return samePublicKey(privateKeyFromPem(privateKeyPem), certificate.publicKey);
}
