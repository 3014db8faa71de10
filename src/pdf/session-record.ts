import { formatClockTime } from '../domain/clock-time';
import { formatLotExpiry } from '../domain/lot-expiry';
import { formatPatientName } from '../domain/patient';
import { formatQuantity } from '../domain/quantity';
import type { SessionSummary } from '../domain/session-summary';
import { summariseSession } from '../domain/session-summary';
import { formatDurationMin, localDate } from '../domain/time';
import type { DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { writeKeyFigures } from './plan-section';
import type { RenderOptions } from './record-summary-input';
import type { SessionRecordInput, SessionSignatureLine } from './session-record-input';
import { checkSessionRecordInput } from './session-record-input';
import type { ChartingContext } from './session-charting-sections';
import {
  writeAdministrationSection,
  writeAdverseEventsSection,
  writeChecklistSection,
  writeCorrectionsSection,
  writeDischargeSection,
} from './session-charting-sections';
import { writeVitalsSection } from './session-vitals-section';
import { closeSignedDocument, openSignedDocument } from './signed-document';
import { writeSignatureSection } from './signature-section';
import { clinicTime, orNone, plural } from './summary-wording';
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
    {
      label: 'Drug and concentration',
      value: [
        text(computed.drugName === '' ? 'Not known' : computed.drugName, styles.bodyBold),
        text(content.concentrationMgPerMl === null ? '' : `, ${formatQuantity(content.concentrationMgPerMl, 'mg/mL')}`),
      ],
    },
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

function writeSummary(
  flow: DocumentFlow,
  summary: SessionSummary,
  input: SessionRecordInput,
  clock: (instantIso: string) => string,
): void {
  flow.heading('Infusion at a glance');
  const interval = input.plan.content.monitoringIntervalMin;
  flow.fields([
    { label: 'Started', value: [text(summary.startedAt === null ? 'Not started' : clock(summary.startedAt))] },
    {
      label: summary.finish === 'stop' ? 'Stopped early' : 'Ended',
      value:
        summary.finishedAt === null
          ? [text('Not recorded')]
          : [
              text(clock(summary.finishedAt), summary.finish === 'stop' ? styles.alert : styles.body),
              text(summary.stopReason === null ? '' : ` — ${summary.stopReason}`),
            ],
    },
    {
      label: 'Time running',
      value: [
        text(summary.runningMin === null ? 'Not known' : formatDurationMin(summary.runningMin), styles.bodyBold),
        text(summary.pausedMin === 0 ? '' : `, paused ${formatDurationMin(summary.pausedMin)}`),
        text(
          input.plan.content.durationMin === null
            ? ''
            : ` (planned ${formatDurationMin(input.plan.content.durationMin)})`,
        ),
      ],
    },
    {
      label: 'Volume infused',
      value: [text(summary.volumeInfusedMl === null ? 'Not recorded' : formatQuantity(summary.volumeInfusedMl, 'mL'))],
    },
    {
      label: 'Drug lot',
      value: [
        text(
          summary.lotNumber === null
            ? 'Not recorded'
            : `${summary.lotNumber}, expires ${summary.lotExpiry === null ? 'not known' : formatLotExpiry(summary.lotExpiry)}`,
        ),
      ],
    },
    {
      label: 'Rates off the plan',
      value:
        summary.deviations.length === 0
          ? [text(`None: every rate charted was the plan’s ${input.session.plannedRateMlPerH ?? 'Not known'} mL/h`)]
          : summary.deviations.flatMap((deviation, index) => [
              text(
                `${index > 0 ? '\n' : ''}${formatQuantity(deviation.rateMlPerH, 'mL/h')} at ${clock(deviation.occurredAt)}`,
                styles.alert,
              ),
              text(` — ${orNone(deviation.reason, 'no reason recorded')}`),
            ]),
    },
    {
      label: 'Checks',
      value: [
        text(plural(summary.checks, 'check', 'checks'), styles.bodyBold),
        text(interval === null ? '' : `, planned every ${formatQuantity(interval, 'min')}`),
        text(interval === null ? '' : summary.lateChecks === 0 ? '; none later than planned' : '; '),
        text(
          interval === null || summary.lateChecks === 0
            ? ''
            : `${plural(summary.lateChecks, 'check was', 'checks were')} later than the interval`,
          styles.alert,
        ),
      ],
    },
    {
      label: 'Adverse events',
      value: [
        text(
          summary.adverseEvents === 0 ? 'None charted' : plural(summary.adverseEvents, 'event', 'events'),
          summary.adverseEvents === 0 ? styles.body : styles.alert,
        ),
      ],
    },
    {
      label: 'Drug discarded',
      value: [text(summary.wasteMg === null ? 'None recorded' : `${formatQuantity(summary.wasteMg, 'mg')}, witnessed`)],
    },
  ]);
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
  const context: ChartingContext = { plannedRateMlPerH: session.plannedRateMlPerH, time: clock, clock };
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
  writeSummary(flow, summary, input, clock);
  writePlanInForce(flow, input);
  writeChecklistSection(flow, session.entries, context);
  writeAdministrationSection(flow, session.entries, context);
  writeVitalsSection(flow, session.entries, clock, zone);
  writeAdverseEventsSection(flow, session.entries, context);
  writeDischargeSection(flow, session.entries, context);
  writeCorrectionsSection(flow, session.entries, context);
  const place = writeSignatureSection(flow, {
    signatures: input.signatures,
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
