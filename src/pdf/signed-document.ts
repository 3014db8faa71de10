import PDFDocument from 'pdfkit';
import { summaryMetadata } from '../signing/placeholder-format';
import { DocumentFlow } from './document-flow';
import type { FurnitureInput } from './page-furniture';
import { PageFurniture } from './page-furniture';
import type { RenderOptions } from './record-summary-input';
import type { SignatureBlockPlace } from './signature-section';
import { addSignatureField } from './signature-field';
import { footerHeightPt, pagePaddingPt } from './summary-theme';
import { TextEngine } from './text-engine';

export interface SignedDocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  /** Extra document-information keys naming what the file is for (read back by the verifier). */
  identifiers: Record<string, string>;
}

/** What is drawn on every page once the page count is known: header, banner, footer. */
export interface DocumentFurniture {
  readonly bodyTop: number;
  draw(pageIndex: number, pageCount: number): void;
}

/**
 * Furniture of a document that names no patient (the register's reports): made by the caller,
 * so those documents are opened, closed and signed exactly like every patient summary.
 */
export interface CustomFurnitureInput {
  signedAt: string;
  recordSha256: string;
  make(doc: PDFKit.PDFDocument, engine: TextEngine): DocumentFurniture;
}

/** A document being written: its body flows through `flow`; furniture is drawn at the end. */
export interface OpenSignedDocument {
  doc: PDFKit.PDFDocument;
  flow: DocumentFlow;
  furniture: DocumentFurniture;
  signedAt: Date;
}

/**
 * Starts a summary PDF shaped like every signed document of the app: PDF 1.7 with the ETSI
 * extension, no default font (pdfkit would parse Helvetica's metrics every time), dates from
 * the signing time so the same input gives the same bytes, and the SHA-256 of the embedded
 * record in the document information.
 */
export function openSignedDocument(
  info: SignedDocumentInfo,
  furnitureInput: FurnitureInput | CustomFurnitureInput,
  options: RenderOptions,
): OpenSignedDocument {
  const signedAt = new Date(furnitureInput.signedAt);
  const doc = new PDFDocument({
    size: options.pageSize ?? 'LETTER',
    font: '',
    margin: pagePaddingPt.left,
    bufferPages: true,
    pdfVersion: '1.7',
    compress: true,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: info.title,
      Author: info.author,
      Subject: info.subject,
      Keywords: info.keywords,
      Creator: 'Dosing Ledger',
      Producer: 'Dosing Ledger (PDFKit)',
      CreationDate: signedAt,
      ModDate: signedAt,
      [summaryMetadata.recordSha256Key]: furnitureInput.recordSha256.toLowerCase(),
      ...info.identifiers,
    } as PDFKit.DocumentInfo,
  });
  // ISO 32000-1 extension level for ETSI.CAdES.detached signatures (PAdES part 2).
  (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.Extensions = {
    ESIC: { BaseVersion: '1.7', ExtensionLevel: 2 },
  };
  const engine = new TextEngine(doc);
  const furniture =
    'make' in furnitureInput ? furnitureInput.make(doc, engine) : new PageFurniture(doc, engine, furnitureInput);
  const flow = new DocumentFlow(doc, engine, {
    left: pagePaddingPt.left,
    right: doc.page.width - pagePaddingPt.right,
    top: furniture.bodyTop,
    bottom: doc.page.height - pagePaddingPt.bottom - footerHeightPt,
  });
  return { doc, flow, furniture, signedAt };
}

/**
 * Attaches the signed JSON (AFRelationship Data: the data the pages render), draws the
 * furniture on every page now that the page count is known, adds the signature field over
 * the printed signature block, and returns the bytes `signPdf` fills in.
 */
export function closeSignedDocument(
  open: OpenSignedDocument,
  input: {
    recordJson: string;
    attachmentDescription: string;
    place: SignatureBlockPlace;
    signature: { signerName: string; reason: string; location: string; signingTime: Date };
  },
  options: RenderOptions,
): Buffer {
  const { doc, furniture, signedAt } = open;
  // pdfkit's types omit `relationship`, so the options go in as a variable, not a literal.
  const attachment = {
    name: summaryMetadata.attachmentName,
    type: 'application/json',
    description: input.attachmentDescription,
    creationDate: signedAt,
    modifiedDate: signedAt,
    relationship: 'Data',
  };
  doc.file(Buffer.from(input.recordJson, 'utf8'), attachment);
  const { start, count } = doc.bufferedPageRange();
  for (let index = 0; index < count; index += 1) {
    doc.switchToPage(start + index);
    furniture.draw(index, count);
  }
  if (options.signaturePlaceholder !== false) {
    doc.switchToPage(input.place.pageIndex);
    addSignatureField(doc, {
      box: input.place.box,
      ...input.signature,
      ...(options.signatureReserveBytes === undefined ? {} : { reserveBytes: options.signatureReserveBytes }),
    });
  }
  doc.end();
  // pdfkit writes synchronously; with no 'data' listener the whole file waits in the buffer.
  const output: unknown = doc.read();
  if (!(output instanceof Buffer)) throw new Error('pdfkit produced no output');
  return output;
}
