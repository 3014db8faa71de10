/**
 * How an unsigned PDF reserves room for its signature, shared by the renderer (which writes
 * the placeholder) and `signPdf` (which fills it). The ByteRange placeholder is the one
 * pdfkit writes for the name `**********` and the one @signpdf looks for, so either tool's
 * placeholder can be signed by either signer.
 */
export const byteRangePlaceholderName = '**********';

/** Bytes reserved for the DER of the CMS (written as twice as many hex digits). */
export const defaultSignatureReserveBytes = 12_288;

export const signatureSubFilter = 'ETSI.CAdES.detached';

/** Names used inside the summary PDF for the record it carries, read back by the verifier. */
export const summaryMetadata = {
  /** The embedded canonical JSON of the signed record version. */
  attachmentName: 'record.json',
  /** Document-information keys. */
  recordSha256Key: 'RecordSHA256',
  recordIdKey: 'RecordID',
  versionIdKey: 'RecordVersionID',
} as const;
