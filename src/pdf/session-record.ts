import { formatClockTime } from '../domain/clock-time';
import { formatLotExpiry } from '../domain/lot-expiry';
import { formatPatientName } from '../domain/patient';
import { formatQuantity } from '../domain/quantity';
import type { SessionSummary } from '../domain/session-summary';
import { summariseSession } from '../domain/session-summary';
import { formatDurationMin, localDate } from '../domain/time';
import type { DocumentFlow } from './document-flow';
import type { Span } from './text-engine';
import { text } from './document-flow';
import { drugField, writeKeyFigures } from './plan-section';
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
import { clinicTime, orNone, plural, signatureLine } from './summary-wording';
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

/** Whether the checks kept to the interval while the infusion ran, in words (never colour alone). */
function checkGapWords(summary: SessionSummary, interval: number | null): Span[] {
  if (summary.longestGapMin === null) return [text('; the infusion has not finished, so gaps are not counted')];
  const longest = formatDurationMin(summary.longestGapMin);
  if (interval === null || summary.gapsOverInterval === 0) {
    return [text(`; longest time without a check ${longest}`)];
  }
  return [
    text('; '),
    text(
      `${plural(summary.gapsOverInterval, 'stretch', 'stretches')} longer than the interval without a check, the longest ${longest}`,
      styles.alert,
    ),
  ];
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
    ...(summary.stopped === null
      ? []
      : [
          {
            label: 'Stopped early',
            value: [
              text(clock(summary.stopped.at), styles.alert),
              text(` — ${orNone(summary.stopped.reason, 'no reason recorded')}`),
            ],
          },
        ]),
    { label: 'Ended', value: [text(summary.endedAt === null ? 'Not recorded' : clock(summary.endedAt))] },
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
          ? [
              text(
                input.session.plannedRateMlPerH === null
                  ? 'None recorded (the plan gives no pump rate)'
                  : `None: every rate charted was the plan’s ${formatQuantity(input.session.plannedRateMlPerH, 'mL/h')}`,
              ),
            ]
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
        text(
          interval === null
            ? ', no monitoring interval on the plan'
            : `, planned every ${formatQuantity(interval, 'min')}`,
        ),
        ...checkGapWords(summary, interval),
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
      value:
        summary.wastes.length === 0
          ? [text('None recorded')]
          : summary.wastes.map((waste, index) =>
              text(
                `${index > 0 ? '\n' : ''}${formatQuantity(waste.wasteMg, 'mg')}, witnessed by ${waste.witnessPrintedName ?? 'nobody recorded'}`,
              ),
            ),
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
