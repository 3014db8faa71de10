import { X509Certificate, createHash } from 'node:crypto';
import { createCadesSignature } from './cms-signature';
import { certificatesFromPem } from './pem';
import { findSignaturePlaceholders } from './signature-dictionary';
import { privateKeyFromPem, samePublicKey } from './signing-key';
import { certificateDerFromPem } from './x509-certificate';

export interface SigningIdentity {
  /** The physician's certificate. */
  certificatePem: string;
  /** Their private key, unlocked (decryptPrivateKey) for this signing only. */
  privateKeyPem: string;
  /** Issuer certificates up to and including the clinic root. */
  chainPems: readonly string[];
}

export interface SignPdfOptions extends SigningIdentity {
  /** The claimed signing time, written to the signature dictionary's /M (PAdES). */
  signingTime: Date;
}

export class SignPdfError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SignPdfError';
  }
}

/** "(D:20261123190500Z)": fixed width, so it replaces a placeholder date in place. */
function pdfDateLiteral(date: Date): string {
  return `(D:${date.toISOString().slice(0, 19).replace(/[-:T]/g, '')}Z)`;
}

/**
 * Signs a PDF that carries one signature placeholder: fills /ByteRange so the signature
 * covers every byte but its own /Contents, writes the signing time to /M, and puts a
 * PAdES B-B CMS (ETSI.CAdES.detached) with the signer's certificate and chain into
 * /Contents. Synchronous and native-crypto only. The input buffer is not changed.
 */
export function signPdf(pdfWithPlaceholder: Buffer, options: SignPdfOptions): Buffer {
  const certificateDer = certificateDerFromPem(options.certificatePem);
  const certificate = new X509Certificate(certificateDer);
  const privateKey = privateKeyFromPem(options.privateKeyPem);
  if (!samePublicKey(privateKey, certificate.publicKey)) {
    throw new SignPdfError('The private key does not belong to the signing certificate.');
  }
  const signingTime = options.signingTime;
  if (Number.isNaN(signingTime.getTime())) throw new SignPdfError('The signing time is not a valid date.');
  if (signingTime < new Date(certificate.validFrom) || signingTime > new Date(certificate.validTo)) {
    throw new SignPdfError(
      `The signing certificate is not valid at ${signingTime.toISOString()} (valid ${certificate.validFrom} to ${certificate.validTo}).`,
    );
  }
  const chainDers = options.chainPems.flatMap((pem) => certificatesFromPem(pem));

  const placeholders = findSignaturePlaceholders(pdfWithPlaceholder.toString('latin1'));
  if (placeholders.length !== 1) {
    throw new SignPdfError(`The PDF must carry exactly one signature placeholder; it carries ${placeholders.length}.`);
  }
  const [placeholder] = placeholders as [(typeof placeholders)[number]];
  const output = Buffer.from(pdfWithPlaceholder);

  const { start: contentsStart, end: contentsEnd } = placeholder.contentsSpan;
  const byteRange = [0, contentsStart, contentsEnd, output.length - contentsEnd];
  const byteRangeText = `[${byteRange.join(' ')}]`;
  const byteRangeWidth = placeholder.byteRangeSpan.end - placeholder.byteRangeSpan.start;
  if (byteRangeText.length > byteRangeWidth)
    throw new SignPdfError('The /ByteRange placeholder is too short for this file.');
  output.write(byteRangeText.padEnd(byteRangeWidth, ' '), placeholder.byteRangeSpan.start, 'latin1');

  if (placeholder.signingTimeSpan !== null) {
    const literal = pdfDateLiteral(signingTime);
    const { start, end } = placeholder.signingTimeSpan;
    if (literal.length !== end - start)
      throw new SignPdfError('The /M placeholder does not have the width of a UTC PDF date.');
    output.write(literal, start, 'latin1');
  }

  const digest = createHash('sha256')
    .update(output.subarray(0, contentsStart))
    .update(output.subarray(contentsEnd))
    .digest();
  const cms = createCadesSignature({ digest, certificateDer, chainDers, privateKey });
  const room = (contentsEnd - contentsStart - 2) / 2;
  if (cms.length > room) {
    throw new SignPdfError(
      `The signature needs ${cms.length} bytes but the placeholder reserves ${room}: reserve more.`,
    );
  }
  output.write(cms.toString('hex').padEnd(room * 2, '0'), contentsStart + 1, 'latin1');
  return output;
}
