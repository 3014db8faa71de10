import { formatPatientName } from '../domain/patient';
import { recordTypeLabels } from '../domain/record';
import { summaryMetadata } from '../signing/placeholder-format';
import { text } from './document-flow';
import { writeExamSection } from './exam-section';
import { writeHistorySection } from './history-section';
import { writePlanSection } from './plan-section';
import { writeReviewSection } from './review-section';
import type { RecordSummaryInput, RenderOptions } from './record-summary-input';
import { checkSummaryInput } from './record-summary-input';
import { closeSignedDocument, openSignedDocument } from './signed-document';
import { writeSignatureSection } from './signature-section';
import { clinicTime } from './summary-wording';
import { styles } from './summary-theme';

/**
 * Renders the signed summary of an exam or a plan, with the signature placeholder that
 * `signPdf` fills. Synchronous, so the records service can render and sign inside the
 * transaction that freezes the version. Deterministic: dates come from the signing time,
 * the document ID from the document information, and nothing is random, so the same input
 * gives the same bytes.
 */
export function renderRecordSummarySync(input: RecordSummaryInput, options: RenderOptions = {}): Buffer {
  const { version, exam } = checkSummaryInput(input);
  const typeLabel = recordTypeLabels[version.recordType];
  const patientName = formatPatientName(input.patient);
  const open = openSignedDocument(
    {
      title: `${typeLabel} — ${patientName} — record ${version.recordId} version ${version.version}`,
      author: input.signature.printedName,
      subject: `Signed ${typeLabel.toLowerCase()} summary, ${input.clinic.name}`,
      keywords: `Dosing Ledger; ${typeLabel}; MRN ${input.patient.mrn}`,
      identifiers: {
        [summaryMetadata.recordIdKey]: String(version.recordId),
        [summaryMetadata.versionIdKey]: String(version.id),
      },
    },
    {
      clinic: input.clinic,
      patient: input.patient,
      recordSha256: input.recordSha256,
      documentTitle: `${typeLabel} — signed summary`,
      documentDetail: `Record ${version.recordId} · version ${version.version} · ${version.displayStatus}`,
      footerIdentity: `${typeLabel} · record ${version.recordId} · version ${version.version} (version ID ${version.id}) · `,
      signedAt: version.signedAt,
    },
    options,
  );
  const { flow } = open;

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
  } else if (version.recordType === 'review') {
    if (version.computed === null) throw new Error('A signed course review must carry what was computed at signing.');
    writeReviewSection(flow, version.content, version.computed, input.clinic.timeZone);
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
  return closeSignedDocument(
    open,
    {
      recordJson: input.recordJson,
      attachmentDescription: `Canonical JSON of ${typeLabel.toLowerCase()} record ${version.recordId} version ${version.version}; SHA-256 ${input.recordSha256.toLowerCase()}`,
      place,
      signature: {
        signerName: input.signature.printedName,
        reason: `${input.signature.meaning}: ${typeLabel.toLowerCase()} record ${version.recordId} version ${version.version}`,
        location: input.clinic.name,
        signingTime: new Date(input.signature.signedAt),
      },
    },
    options,
  );
}

/** The same, as a promise (the shape callers outside a transaction expect). */
export function renderRecordSummary(input: RecordSummaryInput, options: RenderOptions = {}): Promise<Buffer> {
  try {
    return Promise.resolve(renderRecordSummarySync(input, options));
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
