import { formatLotExpiry } from '../domain/lot-expiry';
import { formatQuantity } from '../domain/quantity';
import { volumeText, wasteText } from '../domain/session-entry-text';
import { effectiveEntries } from '../domain/session-state';
import type { SessionSummary } from '../domain/session-summary';
import type { SessionEntryView } from '../domain/session-view';
import { formatDurationMin } from '../domain/time';
import type { DocumentFlow } from './document-flow';
import { text } from './document-flow';
import type { SessionRecordInput } from './session-record-input';
import { orNone, plural } from './summary-wording';
import { styles } from './summary-theme';
import type { Span } from './text-style';

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

/**
 * Each stretch without a check, next to what the discharge says of it: a gap is printed
 * with its explanation, or says plainly that none was given.
 */
function gapLines(
  summary: SessionSummary,
  entries: readonly SessionEntryView[],
  clock: (instantIso: string) => string,
): Span[] {
  const discharge = effectiveEntries(entries).find((entry) => entry.kind === 'discharge');
  const notes = discharge?.kind === 'discharge' ? (discharge.content.gapExplanations ?? []) : [];
  return summary.gaps.flatMap((gap) => {
    const note = notes.find((candidate) => candidate.fromAt === gap.fromAt && candidate.untilAt === gap.untilAt);
    return [
      text(`\nNo check from ${clock(gap.fromAt)} to ${clock(gap.untilAt)} (${formatDurationMin(gap.minutes)}): `),
      note === undefined ? text('not explained', styles.alert) : text(`explained: ${note.explanation}`),
    ];
  });
}

/** Starts and entries charted at a time the plan did not allow, each with the reason given. */
function timingField(entries: readonly SessionEntryView[]): { label: string; value: Span[] }[] {
  const acknowledged = effectiveEntries(entries).flatMap((entry) =>
    entry.content.timing === undefined ? [] : [entry.content.timing],
  );
  if (acknowledged.length === 0) return [];
  return [
    {
      label: 'Against the plan’s timing',
      value: acknowledged.flatMap((timing, index) => [
        ...timing.findings.map((finding, at) =>
          text(`${index > 0 || at > 0 ? '\n' : ''}${finding.message}`, styles.alert),
        ),
        text(`\nReason given: ${timing.reason}`),
      ]),
    },
  ];
}

/** "Infusion at a glance", the first section of a session record: times, volume, lot, rates, checks, events. */
export function writeGlanceSection(
  flow: DocumentFlow,
  summary: SessionSummary,
  input: SessionRecordInput,
  clock: (instantIso: string) => string,
): void {
  flow.heading('Infusion at a glance');
  const interval = input.plan.content.monitoringIntervalMin;
  const { entries } = input.session;
  const plannedVolume = input.plan.computed.derived.finalVolumeMl;
  flow.fields([
    ...timingField(entries),
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
      value: [
        text(
          summary.volumeInfusedMl === null ? 'Not recorded' : volumeText(summary.volumeInfusedMl, input.plan.content),
        ),
        text(plannedVolume === undefined ? '' : `; planned ${formatQuantity(plannedVolume, 'mL')}`),
      ],
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
        ...gapLines(summary, entries, clock),
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
      // The same words as the administration table (wasteText): 0 mg charted is "None (0 mg)".
      value:
        summary.wastes.length === 0
          ? [text(wasteText(summary.wasteCharted ? '0' : null, null))]
          : summary.wastes.map((waste, index) =>
              text(`${index > 0 ? '\n' : ''}${wasteText(waste.wasteMg, waste.witnessPrintedName)}`),
            ),
    },
  ]);
}
