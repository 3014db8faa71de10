import type { KeyObject } from 'node:crypto';
import { sign } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { contentTypeAttribute, messageDigestAttribute, signingCertificateV2Attribute } from './cades-attributes';
import { derOf, derTags, derTlv, sortDerEncodings, toArrayBuffer } from './der-encoding';
import { oids } from './oids';
import { signatureAlgorithmFor } from './signing-key';
import { parseCertificate } from './x509-certificate';

interface SignerMaterial {
  /** IssuerAndSerialNumber, the SignerInfo's sid. */
  sidDer: Buffer;
  /** The signing-certificate-v2 attribute, fixed for a certificate. */
  signingCertificateDer: Buffer;
}

/** Per-certificate parts of the CMS, worked out once per signer certificate (public data). */
const signerMaterials = new Map<string, SignerMaterial>();
const maximumSignerMaterials = 256;

function signerMaterial(certificateDer: Buffer): SignerMaterial {
  const key = certificateDer.toString('base64');
  let material = signerMaterials.get(key);
  if (material === undefined) {
    const certificate = parseCertificate(certificateDer);
    material = {
      sidDer: derOf(
        new pkijs.IssuerAndSerialNumber({
          issuer: certificate.issuer,
          serialNumber: certificate.serialNumber,
        }).toSchema(),
      ),
      signingCertificateDer: derOf(signingCertificateV2Attribute(certificate, certificateDer).toSchema()),
    };
    if (signerMaterials.size >= maximumSignerMaterials) signerMaterials.clear();
    signerMaterials.set(key, material);
  }
  return material;
}

let contentTypeDer: Buffer | null = null;
let digestAlgorithmDer: Buffer | null = null;

/**
 * A detached CMS SignedData (RFC 5652) in the CAdES form PAdES B-B asks for: the signed
 * attributes content-type, message-digest and signing-certificate-v2, the signer's
 * certificate and its chain. The pieces are encoded with pkijs/asn1js and assembled as DER
 * (the certificates go in byte for byte; re-encoding them through pkijs costs milliseconds).
 * The signature value comes from node:crypto's synchronous `sign` (OpenSSL, the same native
 * code behind WebCrypto), so signing can run inside the synchronous database transaction
 * that freezes the record version.
 */
export function createCadesSignature(input: {
  /** SHA-256 of the signed content (the PDF's byte ranges). */
  digest: Buffer;
  certificateDer: Buffer;
  /** Issuer certificates up to and including the root, in that order. */
  chainDers: readonly Buffer[];
  privateKey: KeyObject;
}): Buffer {
  const material = signerMaterial(input.certificateDer);
  contentTypeDer ??= derOf(contentTypeAttribute().toSchema());
  digestAlgorithmDer ??= derOf(new pkijs.AlgorithmIdentifier({ algorithmId: oids.sha256 }).toSchema());
  // DER: the members of a SET OF in ascending order of their encodings.
  const attributes = sortDerEncodings([
    contentTypeDer,
    derOf(messageDigestAttribute(input.digest).toSchema()),
    material.signingCertificateDer,
  ]);
  const signatureValue = sign('sha256', derTlv(derTags.set, ...attributes), input.privateKey);
  const signerInfo = derTlv(
    derTags.sequence,
    derOf(new asn1js.Integer({ value: 1 })),
    material.sidDer,
    digestAlgorithmDer,
    derTlv(derTags.contextConstructed0, ...attributes),
    derOf(signatureAlgorithmFor(input.privateKey).toSchema()),
    derTlv(derTags.octetString, signatureValue),
  );
  // The signer's certificate comes first, then its issuers, as verifiers expect.
  const signedData = derTlv(
    derTags.sequence,
    derOf(new asn1js.Integer({ value: 1 })),
    derTlv(derTags.set, digestAlgorithmDer),
    derOf(new pkijs.EncapsulatedContentInfo({ eContentType: oids.data }).toSchema()),
    derTlv(derTags.contextConstructed0, input.certificateDer, ...input.chainDers),
    derTlv(derTags.set, signerInfo),
  );
  return derTlv(
    derTags.sequence,
    derOf(new asn1js.ObjectIdentifier({ value: oids.signedData })),
    derTlv(derTags.contextConstructed0, signedData),
  );
}

/** Length of the DER element at the start of `bytes` (the /Contents hex is zero-padded). */
export function derElementLength(bytes: Uint8Array): number {
  const first = bytes[1];
  if (first === undefined) return 0;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4) return 0;
  let length = 0;
  for (let index = 0; index < count; index += 1) length = length * 256 + (bytes[2 + index] ?? 0);
  return 2 + count + length;
}

export interface ParsedCadesSignature {
  signedData: pkijs.SignedData;
  signerInfo: pkijs.SignerInfo;
  /** DER of every certificate carried in the CMS. */
  certificateDers: Buffer[];
}

/** Parses /Contents into its SignedData and single SignerInfo; throws in words on anything else. */
export function parseCadesSignature(contents: Buffer): ParsedCadesSignature {
  const length = derElementLength(contents);
  if (length === 0 || length > contents.length) throw new Error('the signature value is not a DER-encoded CMS object');
  const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(contents.subarray(0, length)));
  if (contentInfo.contentType !== oids.signedData) throw new Error('the CMS object is not SignedData');
  const signedData = new pkijs.SignedData({ schema: contentInfo.content });
  if (signedData.signerInfos.length !== 1) {
    throw new Error(`the CMS holds ${signedData.signerInfos.length} signers; one was expected`);
  }
  if (signedData.encapContentInfo.eContent !== undefined) throw new Error('the CMS is not detached');
  const certificateDers = (signedData.certificates ?? []).flatMap((certificate) =>
    certificate instanceof pkijs.Certificate ? [derOf(certificate.toSchema())] : [],
  );
  return { signedData, signerInfo: signedData.signerInfos[0] as pkijs.SignerInfo, certificateDers };
}

/** The certificate (DER) the SignerInfo's sid names, among those carried in the CMS. */
export function signerCertificateDer(parsed: ParsedCadesSignature): Buffer | null {
  const sid: unknown = parsed.signerInfo.sid;
  for (const der of parsed.certificateDers) {
    const certificate = parseCertificate(der);
    if (sid instanceof pkijs.IssuerAndSerialNumber) {
      if (sid.issuer.isEqual(certificate.issuer) && sid.serialNumber.isEqual(certificate.serialNumber)) return der;
    } else if (sid instanceof asn1js.Primitive) {
      const keyId = certificate.extensions?.find((extension) => extension.extnID === oids.subjectKeyIdentifier);
      const value: unknown = keyId?.parsedValue;
      if (
        value instanceof asn1js.OctetString &&
        Buffer.from(value.valueBlock.valueHexView).equals(Buffer.from(sid.valueBlock.valueHexView))
      ) {
        return der;
      }
    }
  }
  return null;
}
