import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { toArrayBuffer } from './der-encoding';
import { oids } from './oids';

/*
 * The signed attributes of a PAdES baseline B-B signature (ETSI EN 319 142-1 §6.3):
 * content-type, message-digest and signing-certificate-v2, and how a verifier reads them.
 * No signing-time attribute: PAdES puts the claimed signing time in the signature
 * dictionary's /M instead.
 */

export function contentTypeAttribute(): pkijs.Attribute {
  return new pkijs.Attribute({ type: oids.contentType, values: [new asn1js.ObjectIdentifier({ value: oids.data })] });
}

export function messageDigestAttribute(digest: Buffer): pkijs.Attribute {
  return new pkijs.Attribute({
    type: oids.messageDigest,
    values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })],
  });
}

export function signingCertificateV2Attribute(certificate: pkijs.Certificate, certificateDer: Buffer): pkijs.Attribute {
  return new pkijs.Attribute({
    type: oids.signingCertificateV2,
    values: [signingCertificateV2(certificate, certificateDer)],
  });
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035) with one
 * ESSCertIDv2 { certHash, issuerSerial }. The hash algorithm is SHA-256, the DEFAULT, so
 * DER leaves it out.
 */
function signingCertificateV2(certificate: pkijs.Certificate, certificateDer: Buffer): asn1js.Sequence {
  const certHash = createHash('sha256').update(certificateDer).digest();
  const issuerSerial = new asn1js.Sequence({
    value: [
      new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 4, value: certificate.issuer })] }).toSchema(),
      new asn1js.Integer({ valueHex: toArrayBuffer(certificate.serialNumber.valueBlock.valueHexView) }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(certHash) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/**
 * The bytes a CMS signature with signed attributes covers: the attributes' DER exactly as
 * received, with the [0] IMPLICIT tag replaced by the SET tag (RFC 5652 §5.4).
 */
export function receivedSignedAttributes(attributes: pkijs.SignedAndUnsignedAttributes): Buffer {
  const der = Buffer.from(attributes.encodedValue);
  der[0] = 0x31;
  return der;
}

export function attributeValue(
  attributes: pkijs.SignedAndUnsignedAttributes | undefined,
  type: string,
): asn1js.AsnType | null {
  const found = attributes?.attributes.filter((attribute) => attribute.type === type) ?? [];
  if (found.length !== 1) return null;
  const values: unknown[] = found[0]?.values ?? [];
  return values.length === 1 ? (values[0] as asn1js.AsnType) : null;
}

const hashNames: Record<string, string> = {
  [oids.sha256]: 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
};

export function hashNameOf(algorithmOid: string): string | null {
  return hashNames[algorithmOid] ?? null;
}

/**
 * Checks a signing-certificate-v2 attribute value against the certificate that verified the
 * signature: the first ESSCertIDv2's hash must be the certificate's, and its issuerSerial,
 * when present, must name the same issuer and serial. Returns a reason, or null when it matches.
 */
export function signingCertificateV2Mismatch(
  value: asn1js.AsnType,
  certificate: pkijs.Certificate,
  certificateDer: Buffer,
): string | null {
  if (!(value instanceof asn1js.Sequence)) return 'the attribute is not a SigningCertificateV2';
  const [certs] = value.valueBlock.value;
  if (!(certs instanceof asn1js.Sequence)) return 'the attribute lists no certificate';
  const [first] = certs.valueBlock.value;
  if (!(first instanceof asn1js.Sequence)) return 'the attribute lists no certificate';
  const parts = [...first.valueBlock.value];
  let hashName = 'sha256';
  if (parts[0] instanceof asn1js.Sequence) {
    const algorithm = new pkijs.AlgorithmIdentifier({ schema: parts.shift() });
    const name = hashNameOf(algorithm.algorithmId);
    if (name === null) return `unsupported hash algorithm ${algorithm.algorithmId}`;
    hashName = name;
  }
  const certHash = parts[0];
  if (!(certHash instanceof asn1js.OctetString)) return 'the certificate hash is missing';
  const expected = createHash(hashName).update(certificateDer).digest();
  if (!expected.equals(Buffer.from(certHash.valueBlock.valueHexView))) {
    return 'the certificate hash does not match the signer certificate';
  }
  const issuerSerial = parts[1];
  if (issuerSerial instanceof asn1js.Sequence) {
    const [names, serial] = issuerSerial.valueBlock.value;
    if (!(serial instanceof asn1js.Integer) || !serial.isEqual(certificate.serialNumber)) {
      return 'the serial number does not match the signer certificate';
    }
    const generalNames = new pkijs.GeneralNames({ schema: names });
    const issuer = generalNames.names.find((name) => name.type === 4)?.value as unknown;
    if (!(issuer instanceof pkijs.RelativeDistinguishedNames) || !issuer.isEqual(certificate.issuer)) {
      return 'the issuer does not match the signer certificate';
    }
  }
  return null;
}
