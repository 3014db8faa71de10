import type { FieldIssue } from '../../../contract/errors';
import type { AdverseEvent } from '../../../domain/infusion-session';
import type { OccurredAtValues } from './occurred-at';
import { occurredAtValues, parseOccurredAt } from './occurred-at';

export const severities = [
  'mild',
  'moderate',
  'severe',
  'life-threatening',
] as const satisfies readonly AdverseEvent['severity'][];

/** An adverse event as typed. */
export interface AdverseEventFormValues {
  type: string;
  onset: OccurredAtValues;
  severity: '' | AdverseEvent['severity'];
  action: string;
  rescueMedication: string;
  outcome: string;
  physicianNotified: '' | 'yes' | 'no';
  physicianName: string;
  physicianAt: OccurredAtValues;
}

export function adverseEventFormValues(event: AdverseEvent | null, zone: string, now: Date): AdverseEventFormValues {
  const notified = event?.physicianNotified ?? null;
  return {
    type: event?.type ?? '',
    onset: occurredAtValues(event?.onsetAt ?? now, zone),
    severity: event?.severity ?? '',
    action: event?.action ?? '',
    rescueMedication: event?.rescueMedication ?? '',
    outcome: event?.outcome ?? '',
    physicianNotified: event === null ? '' : notified === null ? 'no' : 'yes',
    physicianName: notified?.name ?? '',
    physicianAt: occurredAtValues(notified?.at ?? now, zone),
  };
}

export function adverseEventFrom(
  values: AdverseEventFormValues,
  zone: string,
  nowMs: number,
  issues: FieldIssue[],
): AdverseEvent | null {
  const before = issues.length;
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) issues.push({ path, message });
  };
  need(values.type.trim() !== '', 'type', 'Enter what happened');
  const onsetAt = parseOccurredAt(values.onset, zone, 'onset', issues, nowMs);
  need(values.severity !== '', 'severity', 'Choose the severity');
  need(values.action.trim() !== '', 'action', 'Enter the action taken');
  need(values.outcome.trim() !== '', 'outcome', 'Enter the outcome');
  need(values.physicianNotified !== '', 'physicianNotified', 'Say whether a physician was notified');
  const notified = values.physicianNotified === 'yes';
  if (notified) need(values.physicianName.trim() !== '', 'physicianName', 'Enter the name of the physician notified');
  const physicianAt = notified ? parseOccurredAt(values.physicianAt, zone, 'physicianAt', issues, nowMs) : null;
  if (issues.length > before || onsetAt === null || values.severity === '') return null;
  return {
    type: values.type.trim(),
    onsetAt,
    severity: values.severity,
    action: values.action.trim(),
    rescueMedication: values.rescueMedication.trim(),
    outcome: values.outcome.trim(),
    physicianNotified: notified ? { name: values.physicianName.trim(), at: physicianAt } : null,
  };
}
