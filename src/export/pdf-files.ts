import type { LazyExportFile } from './export-file';
import type { SignedPdf } from './snapshot';
import { pdfBytes } from './snapshot';

/**
 * Where a stored PDF goes in the export: "plan 5 v2.pdf" → "pdf/plan_5_v2.pdf". Letters of
 * any script, digits, dot, hyphen and underscore are kept; anything else (separators,
 * spaces, characters Windows forbids) becomes "_", and a leading dot would hide the file.
 */
export function pdfExportPath(fileName: string): string {
  const safe = fileName.replace(/[^\p{L}\p{N}._-]/gu, '_').replace(/^\./, '_');
  return `pdf/${safe === '' ? '_' : safe}`;
}

/** The signed PDFs byte for byte, never regenerated; each read only when it is written. */
export function pdfFiles(pdfs: readonly SignedPdf[]): LazyExportFile[] {
  return pdfs.map((pdf) => ({
    path: pdfExportPath(pdf.fileName),
    *produce() {
      yield pdfBytes(pdf);
    },
  }));
}
