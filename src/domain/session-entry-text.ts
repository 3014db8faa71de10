import type { AdministrationEvent, Checklist, Discharge, Observation } from './infusion-session';
import type { PlanContent } from './plan';
import { administrationEventLabels, fastingLabels, severityLabels } from './infusion-session';
import { toDecimal } from './quantity';
import { quantityText } from './quantity-text';
import type { SessionEntryView } from './session-view';
import { formatLotExpiry } from './lot-expiry';
import { cadss6Summary, nauseaLabels, sedationText } from './observation-text';
import { painLabel, questionnaireSummary } from './scale-text';
import { vitalsText } from './vitals-text';
import { infusedDose } from './session-infused-dose';
import type { TimingAcknowledgement } from './session-timing';
import { checklistSupervisionLines, givenInstructionsLine, handoverLines } from './supervision-text';

/** What an entry is, in a few words: "Started", "Check", "Adverse event: nausea". */
export function entryTitle(entry: SessionEntryView): string {
  switch (entry.kind) {
    case 'checklist':
      return 'Pre-infusion checklist';
    case 'event':
      return administrationEventLabels[entry.content.type];
    case 'observation':
      return 'Check';
    case 'adverse-event':
      return `Adverse event: ${entry.content.type}`;
    case 'discharge':
      return 'Discharge';
    case 'supervision':
      return 'Supervision handed over';
  }
}

export interface EntryContext {
  plannedRateMlPerH: string | null;
  /** Shows another instant (onset, physician notified) as the timeline does. */
  time: (instantIso: string) => string;
  /** The plan charted against: a volume infused is then also given in the mg it carries. */
  plan?: PlanContent | null;
}

/**
 * Discarded drug in one wording wherever it is shown (timeline, the PDF's table and its
 * summary): "Not recorded", "None (0 mg)", or the amount with its witness.
 */
export function wasteText(wasteMg: string | null, witnessPrintedName: string | null): string {
  if (wasteMg === null) return 'Not recorded';
  if (toDecimal(wasteMg).isZero()) return `None (${quantityText(wasteMg, 'mg')})`;
  const amount = quantityText(wasteMg, 'mg');
  return witnessPrintedName === null
    ? `${amount}, witness not recorded`
    : `${amount}, witnessed by ${witnessPrintedName}`;
}

/** "3.6 mL, which carries 36 mg (3.6 mL × …)": the volume and, with the plan, the dose in it. */
export function volumeText(volumeMl: string, plan: PlanContent | null | undefined): string {
  const dose = plan === null || plan === undefined ? null : infusedDose(volumeMl, plan);
  return dose === null ? quantityText(volumeMl, 'mL') : `${quantityText(volumeMl, 'mL')}, which carries ${dose.text}`;
}

/** The time the plan did not allow, and the reason given, as charted with the entry. */
export function timingLines(timing: TimingAcknowledgement | undefined): string[] {
  if (timing === undefined) return [];
  return [...timing.findings.map((finding) => `Surfaced: ${finding.message}`), `Reason given: ${timing.reason}`];
}

const pain = (score: number | null) => (score === null ? null : `Pain ${painLabel(score)} of 10`);

function eventLines(event: AdministrationEvent, entry: SessionEntryView, context: EntryContext): string[] {
  const lines: string[] = [];
  if (event.rateMlPerH !== null) {
    const planned = context.plannedRateMlPerH;
    const off = planned !== null && !toDecimal(event.rateMlPerH).equals(planned);
    lines.push(
      `Rate ${quantityText(event.rateMlPerH, 'mL/h')}${off ? `: differs from the plan (${quantityText(planned, 'mL/h')})` : ''}`,
    );
  }
  if (event.lotNumber !== '') {
    lines.push(
      `Lot ${event.lotNumber}, expires ${event.lotExpiry === '' ? 'not known' : formatLotExpiry(event.lotExpiry)}`,
    );
  }
  if (event.volumeInfusedMl !== null) lines.push(`Volume infused ${volumeText(event.volumeInfusedMl, context.plan)}`);
  if (event.wasteMg !== null) lines.push(`Drug discarded: ${wasteText(event.wasteMg, entry.witnessPrintedName)}`);
  if (event.reason !== '') lines.push(`Reason: ${event.reason}`);
  return [...lines, ...timingLines(event.timing)];
}

function checklistLines(checklist: Checklist): string[] {
  return [
    'Identity confirmed with two identifiers (name and date of birth; MRN)',
    checklist.escortPresent
      ? `Escort present: ${checklist.escortName.trim() === '' ? 'name not recorded' : checklist.escortName}`
      : 'No escort present',
    `Fasting: ${fastingLabels[checklist.fasting].toLowerCase()}${checklist.fastingNote === '' ? '' : ` (${checklist.fastingNote})`}`,
    `Changes since the last visit: ${checklist.changesSinceLastVisit.trim() === '' ? 'none recorded' : checklist.changesSinceLastVisit}`,
    `IV ${checklist.ivSite}, ${checklist.ivGauge} G`,
    `Baseline ${vitalsText(checklist.vitals)}`,
    [
      pain(checklist.scales.painNrs),
      ...(['phq9', 'gad7', 'pcl5'] as const)
        .filter((scale) => checklist.scales[scale] !== null)
        .map((scale) => questionnaireSummary(scale, checklist.scales[scale])),
    ]
      .filter((part): part is string => part !== null)
      .join('; '),
    ...checklistSupervisionLines(checklist),
    ...timingLines(checklist.timing),
  ].filter((line) => line !== '');
}

function observationLines(observation: Observation): string[] {
  const scores = [
    sedationText(observation.sedation),
    observation.cadss6 === null ? null : cadss6Summary(observation.cadss6),
    pain(observation.painNrs),
    observation.nausea === null ? null : `Nausea ${nauseaLabels[observation.nausea].toLowerCase()}`,
  ].filter((part): part is string => part !== null);
  return [
    vitalsText(observation.vitals),
    scores.join('; '),
    observation.notes,
    ...timingLines(observation.timing),
  ].filter((line) => line !== '');
}

function dischargeLines(discharge: Discharge, context: EntryContext): string[] {
  const unmet = discharge.criteria.filter((item) => !item.met);
  return [
    unmet.length === 0
      ? `All ${discharge.criteria.length} discharge criteria met`
      : `Criteria not met: ${unmet.map((item) => item.label).join('; ')}`,
    vitalsText(discharge.vitals),
    discharge.escortName === '' ? 'No escort named' : `Escort: ${discharge.escortName}`,
    discharge.instructionsGiven ? 'Discharge instructions given' : 'Discharge instructions not given',
    discharge.instructions === undefined ? '' : givenInstructionsLine(discharge.instructions, context.time),
    discharge.notes,
    ...(discharge.gapExplanations ?? []).map(
      (gap) => `No check from ${context.time(gap.fromAt)} to ${context.time(gap.untilAt)}: ${gap.explanation}`,
    ),
    ...timingLines(discharge.timing),
  ].filter((line) => line !== '');
}

/** The entry's content as lines of plain text, units and all. */
export function entryLines(entry: SessionEntryView, context: EntryContext): string[] {
  switch (entry.kind) {
    case 'checklist':
      return checklistLines(entry.content);
    case 'event':
      return eventLines(entry.content, entry, context);
    case 'observation':
      return observationLines(entry.content);
    case 'adverse-event': {
      const event = entry.content;
      const notified = event.physicianNotified;
      return [
        `${severityLabels[event.severity]}, onset ${context.time(event.onsetAt)}`,
        `Action: ${event.action}`,
        event.rescueMedication === '' ? 'No rescue medication' : `Rescue medication: ${event.rescueMedication}`,
        `Outcome: ${event.outcome}`,
        notified === null
          ? 'No physician notified'
          : `Physician notified: ${notified.name}${notified.at === null ? '' : ` at ${context.time(notified.at)}`}`,
        ...timingLines(event.timing),
      ];
    }
    case 'discharge':
      return dischargeLines(entry.content, context);
    case 'supervision':
      return [...handoverLines(entry.content), ...timingLines(entry.content.timing)];
  }
}
