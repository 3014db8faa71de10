import { z } from 'zod';

/**
 * The monitoring in use during an infusion, checked against the list the clinic requires. The
 * list is the clinic's own (empty = nothing required): the ledger suggests no standard of care.
 */

export const monitoringItems = ['pulseOximetry', 'ecg', 'capnography', 'nibp', 'supplementalOxygen'] as const;
export type MonitoringItem = (typeof monitoringItems)[number];

export const monitoringLabels: Record<MonitoringItem, string> = {
  pulseOximetry: 'Pulse oximetry',
  ecg: 'ECG',
  capnography: 'Capnography (EtCO2)',
  nibp: 'Non-invasive blood pressure',
  supplementalOxygen: 'Supplemental oxygen',
};

/** What the checklist records as in use (optional there: sessions started before it existed). */
export const monitoringSchema = z
  .object({
    pulseOximetry: z.boolean(),
    ecg: z.boolean(),
    capnography: z.boolean(),
    nibp: z.boolean(),
    supplementalOxygen: z.boolean(),
  })
  .strict();
export type Monitoring = z.infer<typeof monitoringSchema>;

export const noMonitoring: Monitoring = {
  pulseOximetry: false,
  ecg: false,
  capnography: false,
  nibp: false,
  supplementalOxygen: false,
};

/** The clinic's setting (a key of the session configuration, absent = nothing configured). */
export const requiredMonitoringSchema = z
  .object({
    items: z.array(z.enum(monitoringItems)).max(monitoringItems.length),
    /**
     * Minutes between recovery checks after the infusion stops, until the discharge; null
     * when the clinic sets none (then nothing counts down after the stop).
     */
    recoveryCheckIntervalMin: z
      .number({ error: 'Enter whole minutes' })
      .int('Enter whole minutes')
      .min(1, 'Enter at least 1 minute')
      .max(240, 'Enter at most 240 minutes')
      .nullable(),
  })
  .strict()
  .refine((value) => new Set(value.items).size === value.items.length, 'Each item once');
export type RequiredMonitoring = z.infer<typeof requiredMonitoringSchema>;

/** Stored in the checklist when a required item was not in use: which, and the nurse's reason. */
export const monitoringAcknowledgementSchema = z.object({
  missing: z.array(z.enum(monitoringItems)).min(1).max(monitoringItems.length),
  reason: z
    .string()
    .max(1000)
    .transform((value) => value.normalize('NFC'))
    .refine((value) => value.trim() !== '', 'Give the reason'),
});
export type MonitoringAcknowledgement = z.infer<typeof monitoringAcknowledgementSchema>;

/** The required items not in use, in the fixed order. */
export function missingMonitoring(
  required: RequiredMonitoring | undefined,
  inUse: Monitoring | undefined,
): MonitoringItem[] {
  const wanted = new Set(required?.items ?? []);
  return monitoringItems.filter((item) => wanted.has(item) && inUse?.[item] !== true);
}

export function missingMonitoringMessage(missing: readonly MonitoringItem[]): string {
  const names = missing.map((item) => monitoringLabels[item]).join(', ');
  return `Your clinic requires monitoring that is not in use: ${names}. Put it in use, or give the reason for going ahead without it.`;
}

/** "Pulse oximetry, ECG" or "None recorded". */
export function monitoringInUseText(inUse: Monitoring): string {
  const names = monitoringItems.filter((item) => inUse[item]).map((item) => monitoringLabels[item]);
  return names.length === 0 ? 'None recorded' : names.join(', ');
}
