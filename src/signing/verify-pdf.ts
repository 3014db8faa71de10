import { X509Certificate, createHash, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import { formatDateTime } from '../domain/time';
import { attributeValue, hashNameOf, receivedSignedAttributes, signingCertificateV2Mismatch } from './cades-attributes';
import { checkCertificateChain } from './certificate-chain';
import type { ParsedCadesSignature } from './cms-signature';
import { parseCadesSignature, signerCertificateDer } from './cms-signature';
import { commonNameOf } from './distinguished-name';
import { oids } from './oids';
import { certificatesFromPem } from './pem';
import { PdfObjectIndex } from './pdf-object-index';
import { dictEntry, nameOf, pdfStringText } from './pdf-syntax';
import { summaryMetadata } from './placeholder-format';
import type { SignatureDictionary } from './signature-dictionary';
import { findSignatureDictionaries } from './signature-dictionary';
import { parseCertificate } from './x509-certificate';

export interface VerificationCheck {
  name: string;
  ok: boolean;
  detail: string;
}

export interface PdfVerification {
  valid: boolean;
  /** Why the input could not be checked at all (the CLI's exit code 2), or null. */
  unusable: 'not-a-pdf' | 'no-signature' | null;
  checks: VerificationCheck[];
}

export const checkNames = {
  signature: 'signature dictionary',
  byteRange: 'byte range',
  digest: 'message digest',
  cms: 'CMS signature',
  signingCertificate: 'signing certificate',
  chain: 'certificate chain',
  trust: 'trusted root',
  record: 'embedded record',
} as const;

const acceptedSubFilters = new Set(['ETSI.CAdES.detached', 'adbe.pkcs7.detached']);

function checkSignatureDictionary(signature: SignatureDictionary, count: number, timeZone: string): VerificationCheck {
  const problems: string[] = [];
  if (signature.subFilter === null || !acceptedSubFilters.has(signature.subFilter)) {
    problems.push(`unsupported SubFilter ${signature.subFilter ?? '(none)'}`);
  }
  if (signature.signingTime === null) problems.push('no signing time (/M)');
  if (count > 1)
    problems.push(`${count} signatures found; a summary carries exactly one, so the file was changed after signing`);
  const who = signature.name === null ? '' : ` by ${signature.name}`;
  const when =
    signature.signingTime === null ? '' : `, signed ${formatDateTime(signature.signingTime.toISOString(), timeZone)}`;
  return problems.length === 0
    ? { name: checkNames.signature, ok: true, detail: `${signature.subFilter ?? ''}${who}${when}` }
    : { name: checkNames.signature, ok: false, detail: problems.join('; ') };
}

function checkByteRange(signature: SignatureDictionary, fileLength: number): VerificationCheck {
  const name = checkNames.byteRange;
  const range = signature.byteRange;
  if (range === null) return { name, ok: false, detail: 'the signature placeholder was never filled in' };
  const [first = -1, firstLength = -1, second = -1, secondLength = -1] = range;
  if (first !== 0 || firstLength !== signature.contentsSpan.start || second !== signature.contentsSpan.end) {
    return {
      name,
      ok: false,
      detail: `the signed ranges [${range.join(' ')}] do not leave out exactly the signature value`,
    };
  }
  const coveredTo = second + secondLength;
  if (coveredTo < fileLength) {
    return {
      name,
      ok: false,
      detail: `${fileLength - coveredTo} bytes were added after signing (e.g. an incremental revision): the signature covers bytes 0–${coveredTo} of ${fileLength}`,
    };
  }
  if (coveredTo > fileLength)
    return { name, ok: false, detail: `the signed ranges reach byte ${coveredTo} of a ${fileLength}-byte file` };
  return { name, ok: true, detail: `the signature covers the whole file (${fileLength} bytes) except its own value` };
}

const signatureHashes: Record<string, string> = {
  [oids.sha256WithRsaEncryption]: 'sha256',
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
  [oids.ecdsaWithSha256]: 'sha256',
  [oids.ecdsaWithSha384]: 'sha384',
  [oids.ecdsaWithSha512]: 'sha512',
};

function signedRangesDigest(bytes: Uint8Array, range: readonly number[], hashName: string): Buffer {
  const [first = 0, firstLength = 0, second = 0, secondLength = 0] = range;
  return createHash(hashName)
    .update(bytes.subarray(first, first + firstLength))
    .update(bytes.subarray(second, second + secondLength))
    .digest();
}

function cmsChecks(
  bytes: Uint8Array,
  signature: SignatureDictionary,
  trustedRootPems: readonly string[],
  timeZone: string,
): VerificationCheck[] {
  let parsed: ParsedCadesSignature;
  try {
    parsed = parseCadesSignature(signature.contents);
  } catch (error) {
    const detail = `the signature value cannot be read: ${error instanceof Error ? error.message : String(error)}`;
    return [checkNames.digest, checkNames.cms, checkNames.signingCertificate, checkNames.chain, checkNames.trust].map(
      (name) => ({
        name,
        ok: false,
        detail,
      }),
    );
  }
  const checks: VerificationCheck[] = [];
  const { signerInfo } = parsed;
  const signedAttrs = signerInfo.signedAttrs;

  // Message digest: the hash of the signed byte ranges against the signed attribute.
  const hashName = hashNameOf(signerInfo.digestAlgorithm.algorithmId);
  const claimed = attributeValue(signedAttrs, oids.messageDigest);
  if (hashName === null) {
    checks.push({
      name: checkNames.digest,
      ok: false,
      detail: `unsupported digest algorithm ${signerInfo.digestAlgorithm.algorithmId}`,
    });
  } else if (!(claimed instanceof asn1js.OctetString)) {
    checks.push({ name: checkNames.digest, ok: false, detail: 'the signature has no message-digest attribute' });
  } else {
    const actual = signedRangesDigest(bytes, signature.byteRange ?? [], hashName);
    const matches = actual.equals(Buffer.from(claimed.valueBlock.valueHexView));
    checks.push({
      name: checkNames.digest,
      ok: matches,
      detail: matches
        ? `${hashName.toUpperCase().replace('SHA', 'SHA-')} of the signed bytes matches the signed digest`
        : 'the signed bytes have changed since signing (digest mismatch)',
    });
  }

  // The CMS signature over the signed attributes, with the signer certificate's key.
  const signerDer = signerCertificateDer(parsed);
  if (signerDer === null) {
    const detail = 'the signer certificate is not in the signature';
    return [
      ...checks,
      ...[checkNames.cms, checkNames.signingCertificate, checkNames.chain, checkNames.trust].map((name) => ({
        name,
        ok: false,
        detail,
      })),
    ];
  }
  const signer = new X509Certificate(signerDer);
  const signerName = commonNameOf(parseCertificate(signerDer).subject) ?? signer.subject;
  const signatureHash = signatureHashes[signerInfo.signatureAlgorithm.algorithmId] ?? hashName;
  if (signedAttrs === undefined || signatureHash === null) {
    checks.push({
      name: checkNames.cms,
      ok: false,
      detail: 'the signature has no signed attributes or an unsupported algorithm',
    });
  } else {
    const ok = verify(
      signatureHash,
      receivedSignedAttributes(signedAttrs),
      signer.publicKey,
      Buffer.from(signerInfo.signature.valueBlock.valueHexView),
    );
    checks.push({
      name: checkNames.cms,
      ok,
      detail: ok
        ? `signed by "${signerName}" (${signer.publicKey.asymmetricKeyType ?? 'unknown'} key)`
        : 'the CMS signature does not verify with the signer certificate',
    });
  }

  // signing-certificate-v2 binds the signer certificate into what was signed.
  const essValue = attributeValue(signedAttrs, oids.signingCertificateV2);
  const mismatch =
    essValue === null
      ? 'the signature has no signing-certificate-v2 attribute'
      : signingCertificateV2Mismatch(essValue, parseCertificate(signerDer), signerDer);
  checks.push({
    name: checkNames.signingCertificate,
    ok: mismatch === null,
    detail: mismatch ?? 'signing-certificate-v2 names the signer certificate (SHA-256 and issuer/serial)',
  });

  const trustedRootDers = trustedRootPems.flatMap((pem) => certificatesFromPem(pem));
  const { chain, trust } = checkCertificateChain({
    signerDer,
    carriedDers: parsed.certificateDers,
    trustedRootDers,
    signingTime: signature.signingTime ?? new Date(),
    timeZone,
  });
  checks.push({ name: checkNames.chain, ...chain }, { name: checkNames.trust, ...trust });
  return checks;
}

function checkEmbeddedRecord(index: PdfObjectIndex): VerificationCheck {
  const name = checkNames.record;
  const info = index.resolve(index.trailer()?.entries.get('Info'));
  const printed = pdfStringText(index.resolve(dictEntry(info, summaryMetadata.recordSha256Key)));
  if (printed === null)
    return { name, ok: false, detail: `the document information has no ${summaryMetadata.recordSha256Key}` };
  const fileSpecs = index.objects.filter((object) => {
    const { value } = object;
    if (value.kind !== 'dict' || nameOf(value.entries.get('Type')) !== 'Filespec') return false;
    const fileName =
      pdfStringText(index.resolve(value.entries.get('UF'))) ?? pdfStringText(index.resolve(value.entries.get('F')));
    return fileName === summaryMetadata.attachmentName;
  });
  // The newest file specification wins, as for any object updated by a later revision.
  const fileSpec = fileSpecs[fileSpecs.length - 1];
  const reference = dictEntry(index.resolve(dictEntry(fileSpec?.value, 'EF')), 'F');
  const stream = reference?.kind === 'ref' ? index.get(reference.objectNumber) : undefined;
  if (stream === undefined) {
    return { name, ok: false, detail: `the file carries no ${summaryMetadata.attachmentName} attachment` };
  }
  let bytes: Buffer;
  try {
    bytes = index.streamBytes(stream);
  } catch (error) {
    return {
      name,
      ok: false,
      detail: `${summaryMetadata.attachmentName} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== printed.toLowerCase()) {
    return {
      name,
      ok: false,
      detail: `${summaryMetadata.attachmentName} hashes to ${actual}, but the document states ${printed}`,
    };
  }
  return {
    name,
    ok: true,
    detail: `${summaryMetadata.attachmentName} (${bytes.length} bytes) hashes to the stated SHA-256 ${actual}`,
  };
}

/**
 * Verifies a signed summary PDF without the app: the signature dictionary, that the
 * signature covers the whole file, the digest, the CMS signature, signing-certificate-v2,
 * the certificate chain at the signing time, trust in the clinic root, and that the
 * embedded record hashes to the SHA-256 the document states. One check per line.
 */
export function verifyPdf(
  bytes: Uint8Array,
  options: {
    trustedRootPems: readonly string[];
    /**
     * The zone the times in the checks are given in, with their offset: the clinic's, in the
     * app. Without one (the command line, which may run with no ledger) they are in UTC.
     */
    timeZone?: string;
  },
): PdfVerification {
  const timeZone = options.timeZone ?? 'UTC';
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (!head.includes('%PDF-')) return { valid: false, unusable: 'not-a-pdf', checks: [] };
  let index: PdfObjectIndex;
  try {
    index = PdfObjectIndex.fromBytes(bytes);
  } catch {
    return { valid: false, unusable: 'not-a-pdf', checks: [] };
  }
  const signatures = findSignatureDictionaries(index);
  const [signature] = signatures;
  if (signature === undefined) return { valid: false, unusable: 'no-signature', checks: [] };
  const checks = [
    checkSignatureDictionary(signature, signatures.length, timeZone),
    checkByteRange(signature, bytes.length),
    ...cmsChecks(bytes, signature, options.trustedRootPems, timeZone),
    checkEmbeddedRecord(index),
  ];
  return { valid: checks.every((check) => check.ok), unusable: null, checks };
}
