import PDFDocument from 'pdfkit';
import { formatPatientName } from '../domain/patient';
import { recordTypeLabels } from '../domain/record';
import { summaryMetadata } from '../signing/placeholder-format';
import { DocumentFlow, text } from './document-flow';
import { writeExamSection } from './exam-section';
import { writeHistorySection } from './history-section';
import { PageFurniture } from './page-furniture';
import { writePlanSection } from './plan-section';
import type { RecordSummaryInput, RenderOptions } from './record-summary-input';
import { checkSummaryInput } from './record-summary-input';
import { addSignatureField } from './signature-field';
import { writeSignatureSection } from './signature-section';
import { clinicTime } from './summary-wording';
import { footerHeightPt, pagePaddingPt, styles } from './summary-theme';
import { TextEngine } from './text-engine';

/**
 * Renders the signed summary of an exam or a plan, with the signature placeholder that
 * `signPdf` fills. Synchronous, so the records service can render and sign inside the
 * transaction that freezes the version. Deterministic: dates come from the signing time,
 * the document ID from the document information, and nothing is random, so the same input
 * gives the same bytes.
 */
export function renderRecordSummarySync(input: RecordSummaryInput, options: RenderOptions = {}): Buffer {
  const { version, exam } = checkSummaryInput(input);
  const signedAt = new Date(version.signedAt);
  const typeLabel = recordTypeLabels[version.recordType];
  const patientName = formatPatientName(input.patient);
  const doc = new PDFDocument({
    size: options.pageSize ?? 'LETTER',
    // No default font: pdfkit would parse Helvetica's metrics for every document.
    font: '',
    margin: pagePaddingPt.left,
    bufferPages: true,
    pdfVersion: '1.7',
    compress: true,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: `${typeLabel} — ${patientName} — record ${version.recordId} version ${version.version}`,
      Author: input.signature.printedName,
      Subject: `Signed ${typeLabel.toLowerCase()} summary, ${input.clinic.name}`,
      Keywords: `Dosing Ledger; ${typeLabel}; MRN ${input.patient.mrn}`,
      Creator: 'Dosing Ledger',
      Producer: 'Dosing Ledger (PDFKit)',
      CreationDate: signedAt,
      ModDate: signedAt,
      [summaryMetadata.recordSha256Key]: input.recordSha256.toLowerCase(),
      [summaryMetadata.recordIdKey]: String(version.recordId),
      [summaryMetadata.versionIdKey]: String(version.id),
    } as PDFKit.DocumentInfo,
  });
  // ISO 32000-1 extension level for ETSI.CAdES.detached signatures (PAdES part 2).
  (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.Extensions = {
    ESIC: { BaseVersion: '1.7', ExtensionLevel: 2 },
  };

  const engine = new TextEngine(doc);
  const furniture = new PageFurniture(doc, engine, input, version);
  const flow = new DocumentFlow(doc, engine, {
    left: pagePaddingPt.left,
    right: doc.page.width - pagePaddingPt.right,
    top: furniture.bodyTop,
    bottom: doc.page.height - pagePaddingPt.bottom - footerHeightPt,
  });

  flow.paragraph([text(typeLabel, styles.title)], { gapAfterPt: 0 });
  flow.paragraph(
    [
      text(version.displayStatus, styles.bodyBold),
      text(
        ` · version ${version.version} · signed ${clinicTime(version.signedAt, input.clinic.timeZone)} by ${input.signature.printedName}`,
      ),
      text(version.amendmentReason === null ? '' : ` · amended: ${version.amendmentReason}`),
    ],
    { gapAfterPt: 2 },
  );

  if (version.recordType === 'plan') {
    if (version.computed === null) throw new Error('A signed plan must carry what was computed at signing.');
    writePlanSection(flow, version.content, version.computed, version.formularyVersion);
    if (exam !== null && exam.recordType === 'exam') {
      const signer = exam.signatures[0];
      const caption = `Exam record ${exam.recordId}, version ${exam.version}${signer === undefined ? '' : `, signed ${clinicTime(signer.signedAt, input.clinic.timeZone)} by ${signer.printedName}`}.`;
      writeExamSection(flow, 'Exam this plan rests on', caption, exam.content, exam.computed);
    }
  } else {
    writeExamSection(flow, 'Pre-infusion assessment', null, version.content, version.computed);
  }
  writeHistorySection(flow, input.record, version.id, input.clinic.timeZone);
  const signatures = version.signatures.length > 0 ? version.signatures : [input.signature];
  const place = writeSignatureSection(flow, {
    signatures,
    timeZone: input.clinic.timeZone,
    recordSha256: input.recordSha256,
  });

  // AFRelationship Data: the attachment is the data this page renders (pdfkit's types omit it).
  const attachment = {
    name: summaryMetadata.attachmentName,
    type: 'application/json',
    description: `Canonical JSON of ${typeLabel.toLowerCase()} record ${version.recordId} version ${version.version}; SHA-256 ${input.recordSha256.toLowerCase()}`,
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
    doc.switchToPage(place.pageIndex);
    addSignatureField(doc, {
      box: place.box,
      signerName: input.signature.printedName,
      reason: `${input.signature.meaning}: ${typeLabel.toLowerCase()} record ${version.recordId} version ${version.version}`,
      location: input.clinic.name,
      signingTime: new Date(input.signature.signedAt),
      ...(options.signatureReserveBytes === undefined ? {} : { reserveBytes: options.signatureReserveBytes }),
    });
  }
  doc.end();
  // pdfkit writes synchronously; with no 'data' listener the whole file waits in the buffer.
  const output: unknown = doc.read();
  if (!(output instanceof Buffer)) throw new Error('pdfkit produced no output');
  return output;
}

/** The same, as a promise (the shape callers outside a transaction expect). */
export function renderRecordSummary(input: RecordSummaryInput, options: RenderOptions = {}): Promise<Buffer> {
  try {
    return Promise.resolve(renderRecordSummarySync(input, options));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
