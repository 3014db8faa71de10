import type { KeyObject } from 'node:crypto';
import { createHash, randomBytes, sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { NameAttribute } from './distinguished-name';
import { buildName } from './distinguished-name';
import { derOf, toArrayBuffer } from './der-encoding';
import { oids } from './oids';
import { certificatesFromPem, derToPem } from './pem';
import { signatureAlgorithmFor, spkiDerOf } from './signing-key';

/**
 * X.509 v3 certificates built with pkijs and signed with node:crypto, synchronously: the
 * services enrol physicians inside a synchronous better-sqlite3 transaction, where the
 * WebCrypto promise API (pkijs' own `sign`) cannot be awaited.
 */

export const keyUsageBits = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
} as const;
export type KeyUsage = keyof typeof keyUsageBits;

/** DER named BIT STRING: trailing zero bits dropped, the count of unused bits recorded. */
function keyUsageBitString(usages: readonly KeyUsage[]): asn1js.BitString {
  const highest = Math.max(...usages.map((usage) => keyUsageBits[usage]));
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const usage of usages) {
    const bit = keyUsageBits[usage];
    bytes[Math.floor(bit / 8)] = (bytes[Math.floor(bit / 8)] ?? 0) | (0x80 >> (bit % 8));
  }
  return new asn1js.BitString({ valueHex: toArrayBuffer(bytes), unusedBits: 7 - (highest % 8) });
}

export function keyUsageExtension(usages: readonly KeyUsage[]): pkijs.Extension {
  return new pkijs.Extension({
    extnID: oids.keyUsage,
    critical: true,
    extnValue: keyUsageBitString(usages).toBER(false),
  });
}

export function basicConstraintsExtension(options: { ca: boolean; pathLength?: number }): pkijs.Extension {
  const constraints = new pkijs.BasicConstraints(
    options.ca
      ? { cA: true, ...(options.pathLength === undefined ? {} : { pathLenConstraint: options.pathLength }) }
      : {},
  );
  return new pkijs.Extension({
    extnID: oids.basicConstraints,
    critical: true,
    extnValue: constraints.toSchema().toBER(false),
  });
}

/** RFC 5280 §4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING's bytes. */
export function keyIdentifierOf(key: KeyObject): Buffer {
  const spki = pkijs.PublicKeyInfo.fromBER(toArrayBuffer(spkiDerOf(key)));
  return createHash('sha1').update(spki.subjectPublicKey.valueBlock.valueHexView).digest();
}

function keyIdentifierExtensions(subjectKeyId: Buffer, authorityKeyId: Buffer | null): pkijs.Extension[] {
  const extensions = [
    new pkijs.Extension({
      extnID: oids.subjectKeyIdentifier,
      critical: false,
      extnValue: new asn1js.OctetString({ valueHex: toArrayBuffer(subjectKeyId) }).toBER(false),
    }),
  ];
  if (authorityKeyId !== null) {
    extensions.push(
      new pkijs.Extension({
        extnID: oids.authorityKeyIdentifier,
        critical: false,
        extnValue: new pkijs.AuthorityKeyIdentifier({
          keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(authorityKeyId) }),
        })
          .toSchema()
          .toBER(false),
      }),
    );
  }
  return extensions;
}

/** RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050. */
function certificateTime(date: Date): pkijs.Time {
  const wholeSeconds = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return new pkijs.Time({ type: wholeSeconds.getUTCFullYear() < 2050 ? 0 : 1, value: wholeSeconds });
}

/** A positive 127-bit random serial: unpredictable (CA/B BR §7.1) and at most 20 octets. */
function randomSerial(): asn1js.Integer {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x40;
  return new asn1js.Integer({ valueHex: toArrayBuffer(bytes) });
}

export interface CertificateSpec {
  subject: readonly NameAttribute[];
  /** The issuer's subject name; null for a self-signed certificate. */
  issuer: pkijs.RelativeDistinguishedNames | null;
  subjectPublicKey: KeyObject;
  issuerPrivateKey: KeyObject;
  /** The issuer's subject key identifier, copied into the authority key identifier. */
  issuerKeyId: Buffer | null;
  notBefore: Date;
  notAfter: Date;
  extensions: readonly pkijs.Extension[];
}

export function buildCertificate(spec: CertificateSpec): Buffer {
  const subject = buildName(spec.subject);
  const algorithm = signatureAlgorithmFor(spec.issuerPrivateKey);
  const subjectKeyId = keyIdentifierOf(spec.subjectPublicKey);
  const certificate = new pkijs.Certificate({
    version: 2,
    serialNumber: randomSerial(),
    signature: algorithm,
    issuer: spec.issuer ?? subject,
    notBefore: certificateTime(spec.notBefore),
    notAfter: certificateTime(spec.notAfter),
    subject,
    subjectPublicKeyInfo: pkijs.PublicKeyInfo.fromBER(toArrayBuffer(spkiDerOf(spec.subjectPublicKey))),
    extensions: [...spec.extensions, ...keyIdentifierExtensions(subjectKeyId, spec.issuerKeyId)],
    signatureAlgorithm: algorithm,
  });
  certificate.tbsView = new Uint8Array(certificate.encodeTBS().toBER(false));
  const signatureValue = sign('sha256', certificate.tbsView, spec.issuerPrivateKey);
  certificate.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer(signatureValue) });
  return derOf(certificate.toSchema(false));
}

/**
 * pkijs' schema-driven parse costs ~4 ms a certificate; the same few certificates (a
 * physician's, the clinic root) are read for every signature and verification, so parsed
 * certificates are kept (read-only, public data). Bounded so a long-running process with
 * many verifications cannot grow without limit.
 */
const parsedCertificates = new Map<string, pkijs.Certificate>();
const maximumParsedCertificates = 256;

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  const key = Buffer.from(der).toString('base64');
  let certificate = parsedCertificates.get(key);
  if (certificate === undefined) {
    certificate = pkijs.Certificate.fromBER(toArrayBuffer(der));
    if (parsedCertificates.size >= maximumParsedCertificates) parsedCertificates.clear();
    parsedCertificates.set(key, certificate);
  }
  return certificate;
}

export function certificateToPem(der: Uint8Array): string {
  return derToPem(der, 'CERTIFICATE');
}

/** The DER of the single certificate in a PEM text; throws in words otherwise. */
export function certificateDerFromPem(pem: string): Buffer {
  const [first, ...rest] = certificatesFromPem(pem);
  if (first === undefined) throw new Error('The text holds no PEM certificate.');
  if (rest.length > 0) throw new Error('Expected one certificate, found several.');
  return first;
}
