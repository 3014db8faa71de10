import type { RegisterDocument } from '../../../contract/register-report-methods';
import { base64ToBytes, downloadBytes } from '../../lib/download';

/** Saves a register document the way a stored signed summary is saved (SignedPdfButton). */
export function saveRegisterDocument(document: RegisterDocument): void {
  downloadBytes(document.fileName, base64ToBytes(document.contentBase64), document.mediaType);
}

/** What the person is told once the file is on its way, with its fingerprint to quote. */
export function savedDocumentMessage(document: RegisterDocument): string {
  return `${document.fileName} was saved to this device's downloads (SHA-256 ${document.sha256}).`;
}
