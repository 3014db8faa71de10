import type { GivenInstructions } from './discharge-instructions';
import type { Monitoring, MonitoringAcknowledgement } from './session-monitoring';
import { monitoringInUseText, monitoringLabels } from './session-monitoring';
import type { Supervision, SupervisionHandover } from './session-supervision';
import { supervisionAvailabilityLabels } from './session-supervision';

/** Supervision, monitoring and instructions as lines of plain text (timeline and PDF alike). */

export function supervisionText(supervision: Supervision): string {
  return `${supervision.printedName} (${supervisionAvailabilityLabels[supervision.availability].toLowerCase()})`;
}

/** The checklist's supervising physician and monitoring; nothing for a checklist from before them. */
export function checklistSupervisionLines(checklist: {
  supervision?: Supervision;
  monitoring?: Monitoring;
  monitoringAcknowledgement?: MonitoringAcknowledgement;
}): string[] {
  const acknowledgement = checklist.monitoringAcknowledgement;
  return [
    checklist.supervision === undefined ? '' : `Supervising physician: ${supervisionText(checklist.supervision)}`,
    checklist.monitoring === undefined ? '' : `Monitoring in use: ${monitoringInUseText(checklist.monitoring)}`,
    acknowledgement === undefined
      ? ''
      : `Required monitoring not in use: ${acknowledgement.missing.map((item) => monitoringLabels[item]).join(', ')}. Reason given: ${acknowledgement.reason}`,
  ].filter((line) => line !== '');
}

export function handoverLines(handover: SupervisionHandover): string[] {
  return [`Supervision handed over to ${supervisionText(handover)}`, handover.note].filter((line) => line !== '');
}

/** "Instructions given by …, at …": the text itself is printed in full by the session PDF. */
export function givenInstructionsLine(instructions: GivenInstructions, time: (instantIso: string) => string): string {
  const label = instructions.versionLabel === '' ? '' : `, ${instructions.versionLabel}`;
  return `Clinic’s written instructions (settings version ${instructions.configurationVersion}${label}) given by ${instructions.givenBy}, ${time(instructions.givenAt)}`;
}
