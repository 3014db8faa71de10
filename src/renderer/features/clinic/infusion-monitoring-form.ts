import { z } from 'zod';
import type { DischargeInstructions } from '../../../domain/discharge-instructions';
import type { MonitoringItem, RequiredMonitoring } from '../../../domain/session-monitoring';
import { monitoringItems } from '../../../domain/session-monitoring';

/**
 * Monitoring the clinic requires at each infusion, the recovery check interval and the
 * written discharge instructions, as typed. Nothing is ticked or written until the clinic
 * does it: the app proposes no monitoring standard and no instructions. A local copy saved
 * before these existed restores with none.
 */
export const infusionMonitoringFormSchema = z
  .object({
    required: z.record(z.string(), z.boolean()),
    recoveryIntervalMin: z.string(),
    instructionsText: z.string(),
    instructionsVersion: z.string(),
  })
  .default({ required: {}, recoveryIntervalMin: '', instructionsText: '', instructionsVersion: '' });
export type InfusionMonitoringFormValues = z.infer<typeof infusionMonitoringFormSchema>;

export function infusionMonitoringFormValues(
  required: RequiredMonitoring | undefined,
  instructions: DischargeInstructions | undefined,
): InfusionMonitoringFormValues {
  const items = new Set(required?.items ?? []);
  return {
    required: Object.fromEntries(monitoringItems.map((item) => [item, items.has(item)])),
    recoveryIntervalMin:
      required?.recoveryCheckIntervalMin === null || required === undefined
        ? ''
        : String(required.recoveryCheckIntervalMin),
    instructionsText: instructions?.text ?? '',
    instructionsVersion: instructions?.version ?? '',
  };
}

/** A whole number as typed, or NaN so that the schema says it is not one. */
const whole = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** What to save: each key only once the clinic set something in it (else what it stored before). */
export function infusionMonitoringContent(values: InfusionMonitoringFormValues): {
  requiredMonitoring?: RequiredMonitoring;
  dischargeInstructions?: DischargeInstructions;
} {
  const items: MonitoringItem[] = monitoringItems.filter((item) => values.required[item] === true);
  const interval = values.recoveryIntervalMin.trim();
  const text = values.instructionsText.trim();
  const version = values.instructionsVersion.trim();
  return {
    ...(items.length === 0 && interval === ''
      ? {}
      : { requiredMonitoring: { items, recoveryCheckIntervalMin: interval === '' ? null : whole(interval) } }),
    ...(text === '' && version === '' ? {} : { dischargeInstructions: { text, version } }),
  };
}

/** The schema's paths as the form's. */
export function infusionMonitoringFormPath(path: string): string {
  return path
    .replace(/^requiredMonitoring\.recoveryCheckIntervalMin$/, 'infusionMonitoring.recoveryIntervalMin')
    .replace(/^requiredMonitoring(\..*)?$/, 'infusionMonitoring.required')
    .replace(/^dischargeInstructions\.text$/, 'infusionMonitoring.instructionsText')
    .replace(/^dischargeInstructions\.version$/, 'infusionMonitoring.instructionsVersion');
}
