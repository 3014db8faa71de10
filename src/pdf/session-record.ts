import { formatClockTime } from '../domain/clock-time';
import { formatPatientName } from '../domain/patient';
import { formatQuantity } from '../domain/quantity';
import { summariseSession } from '../domain/session-summary';
import { localDate } from '../domain/time';
import type { DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { drugField, writeKeyFigures } from './plan-section';
import type { RenderOptions } from './record-summary-input';
import type { SessionRecordInput, SessionSignatureLine } from './session-record-input';
import { checkSessionRecordInput } from './session-record-input';
import { writeGlanceSection } from './session-glance-section';
import type { ChartingContext } from './session-charting-sections';
import {
  writeAdministrationSection,
  writeAdverseEventsSection,
  writeChecklistSection,
  writeCorrectionsSection,
  writeDischargeSection,
} from './session-charting-sections';
import { writeVitalsSection } from './session-vitals-section';
import { writeDischargeInstructionsSection, writeSupervisionSection } from './session-supervision-section';
import { closeSignedDocument, openSignedDocument } from './signed-document';
import { writeSignatureSection } from './signature-section';
import { clinicTime, orNone, signatureLine } from './summary-wording';
import { styles } from './summary-theme';

/** Document-information keys naming the session and signature a session record is for. */
export const sessionRecordMetadata = { sessionIdKey: 'SessionID', lastEntryIdKey: 'SessionLastEntryID' } as const;

/** "Signed" or, when an earlier "performed" signature covered fewer entries, "Amended". */
function statusWord(signatures: readonly SessionSignatureLine[], signature: SessionSignatureLine): string {
  const amended = signatures.some(
    (earlier) => earlier.meaning === 'performed' && earlier.lastEntryId < signature.lastEntryId,
  );
  return amended ? 'Amended' : 'Signed';
}

function writePlanInForce(flow: DocumentFlow, input: SessionRecordInput): void {
  const { plan } = input;
  const { content, computed } = plan;
  flow.heading('Plan in force');
  writeKeyFigures(flow, content, computed);
  const physician = plan.signatures[0];
  flow.fields([
    {
      label: 'Plan',
      value: [
        text(`Record ${plan.recordId}, version ${plan.version}`, styles.bodyBold),
        text(
          physician === undefined
            ? ''
            : `, signed ${clinicTime(physician.signedAt, input.clinic.timeZone)} by ${physician.printedName}`,
        ),
      ],
    },
    drugField(content, computed),
    {
      label: 'Infusion in the series',
      value: [
        text(
          input.session.seriesTotal === null
            ? `Infusion ${input.session.seriesNumber}`
            : `Infusion ${input.session.seriesNumber} of ${input.session.seriesTotal}`,
          styles.bodyBold,
        ),
      ],
    },
    {
      label: 'Monitoring interval',
      value: [
        text(
          content.monitoringIntervalMin === null
            ? 'Not known'
            : `Every ${formatQuantity(content.monitoringIntervalMin, 'min')}`,
        ),
      ],
    },
    { label: 'Rescue medication', value: [text(orNone(content.rescueMedication))] },
  ]);
}

/**
 * Signatures this session had before the one this document carries. Each bound what was
 * charted up to its own last entry: they are listed with that, not as signatures of this file.
 */
function writeEarlierSignatures(flow: DocumentFlow, earlier: readonly SessionSignatureLine[], timeZone: string): void {
  if (earlier.length === 0) return;
  flow.heading('Earlier signatures of this session');
  flow.paragraph([
    text(
      'Each covered the session as charted up to its last entry, and was stored with its own signed PDF. Entries charted after one of them (corrections, say) were not part of what that signer signed.',
      styles.small,
    ),
  ]);
  flow.table(
    [
      { header: 'Signature', share: 3.2 },
      { header: 'Covered', share: 1.1 },
      { header: 'SHA-256 of what it covered', share: 2.7 },
    ],
    earlier.map((signature) => [
      [text(signatureLine(signature, timeZone), styles.bodyBold)],
      [text(`Entries to ${signature.lastEntryId}`)],
      [text(signature.contentSha256, styles.mono)],
    ]),
  );
}

/**
 * Renders the signed record of one infusion session, with the signature placeholder that
 * `signPdf` fills: plan in force, checklist, administration (MAR), timed vitals as a table and
 * a BP/HR chart, adverse events, discharge, corrections, signatures. Synchronous (rendered and
 * signed inside the signing transaction) and deterministic.
 */
export function renderSessionRecordSync(input: SessionRecordInput, options: RenderOptions = {}): Buffer {
  const signature = checkSessionRecordInput(input);
  const { session, clinic } = input;
  const zone = clinic.timeZone;
  const day = localDate(new Date(session.startedAt ?? session.createdAt), zone);
  const clock = (instantIso: string) => formatClockTime(instantIso, zone, { offset: true, today: day });
  const context: ChartingContext = {
    plannedRateMlPerH: session.plannedRateMlPerH,
    time: clock,
    clock,
    plan: input.plan.content,
  };
  const status = statusWord(input.signatures, signature);
  const patientName = formatPatientName(input.patient);
  const open = openSignedDocument(
    {
      title: `Infusion session record — ${patientName} — session ${session.id}`,
      author: signature.printedName,
      subject: `Signed infusion session record, ${clinic.name}`,
      keywords: `Dosing Ledger; Infusion session; MRN ${input.patient.mrn}`,
      identifiers: {
        [sessionRecordMetadata.sessionIdKey]: String(session.id),
        [sessionRecordMetadata.lastEntryIdKey]: String(signature.lastEntryId),
      },
    },
    {
      clinic,
      patient: input.patient,
      recordSha256: input.recordSha256,
      documentTitle: 'Infusion session record — signed',
      documentDetail: `Session ${session.id} · infusion ${session.seriesNumber}${session.seriesTotal === null ? '' : ` of ${session.seriesTotal}`} · ${status}`,
      footerIdentity: `Infusion session ${session.id} · entries to ${signature.lastEntryId} · `,
      signedAt: signature.signedAt,
    },
    options,
  );
  const { flow } = open;
  const summary = summariseSession(
    session.entries,
    session.plannedRateMlPerH,
    input.plan.content.monitoringIntervalMin,
  );

  flow.paragraph([text('Infusion session record', styles.title)], { gapAfterPt: 0 });
  flow.paragraph(
    [
      text(status, styles.bodyBold),
      text(
        ` · ${clinicTime(session.startedAt ?? session.createdAt, zone)} · ${signature.meaning} by ${signature.printedName}, ${clinicTime(signature.signedAt, zone)}`,
      ),
    ],
    { gapAfterPt: 2 },
  );
  writeGlanceSection(flow, summary, input, clock);
  writePlanInForce(flow, input);
  writeChecklistSection(flow, session.entries, context);
  writeSupervisionSection(flow, session.entries, clock);
  writeAdministrationSection(flow, session.entries, context);
  writeVitalsSection(flow, session.entries, clock, zone);
  writeAdverseEventsSection(flow, session.entries, context);
  writeDischargeSection(flow, session.entries, context);
  writeDischargeInstructionsSection(flow, session.entries, clock);
  writeCorrectionsSection(flow, session.entries, context);
  writeEarlierSignatures(flow, input.signatures.slice(0, -1), zone);
  const place = writeSignatureSection(flow, {
    signatures: [signature],
    timeZone: zone,
    recordSha256: input.recordSha256,
  });
  return closeSignedDocument(
    open,
    {
      recordJson: input.recordJson,
      attachmentDescription: `Canonical JSON of infusion session ${session.id}, entries to ${signature.lastEntryId}; SHA-256 ${input.recordSha256.toLowerCase()}`,
      place,
      signature: {
        signerName: signature.printedName,
        reason: `${signature.meaning}: infusion session ${session.id}`,
        location: clinic.name,
        signingTime: new Date(signature.signedAt),
      },
    },
    options,
  );
}
