import type { FieldIssue } from '../../../contract/errors';
import type { AdministrationEvent, AdministrationEventType } from '../../../domain/infusion-session';
import { administrationEventSchema } from '../../../domain/infusion-session';
import { toDecimal } from '../../../domain/quantity';
import { volumeOffPlan } from '../../../domain/session-volume';
import { parseDecimal } from '../../lib/parse-fields';
import { formatLotExpiry, parseLotExpiry } from '../../../domain/lot-expiry';
import type { DrawValues } from './draw-form';
import { drawsChosen, emptyDraws } from './draw-form';

/** An administration event as typed. */
export interface EventFormValues {
  rateMlPerH: string;
  reason: string;
  lotNumber: string;
  lotExpiry: string;
  volumeInfusedMl: string;
  wasteMg: string;
  /** At the start: the register's containers drawn from (not part of the event itself). */
  draws: DrawValues[];
}

/** Which fields each event asks for. */
export const eventFields: Record<
  AdministrationEventType,
  { rate: boolean; reasonRequired: boolean; lot: boolean; volume: 'required' | 'optional' | 'none'; waste: boolean }
> = {
  start: { rate: true, reasonRequired: false, lot: true, volume: 'none', waste: false },
  'rate-change': { rate: true, reasonRequired: true, lot: false, volume: 'none', waste: false },
  pause: { rate: false, reasonRequired: false, lot: false, volume: 'none', waste: false },
  resume: { rate: true, reasonRequired: false, lot: false, volume: 'none', waste: false },
  stop: { rate: false, reasonRequired: true, lot: false, volume: 'optional', waste: false },
  end: { rate: false, reasonRequired: false, lot: false, volume: 'required', waste: true },
};

export function eventFormValues(event: AdministrationEvent | null): EventFormValues {
  return {
    rateMlPerH: event?.rateMlPerH ?? '',
    reason: event?.reason ?? '',
    lotNumber: event?.lotNumber ?? '',
    lotExpiry: event === null || event.lotExpiry === '' ? '' : formatLotExpiry(event.lotExpiry),
    volumeInfusedMl: event?.volumeInfusedMl ?? '',
    wasteMg: event?.wasteMg ?? '',
    draws: emptyDraws.map((row) => ({ ...row })),
  };
}

const shape = administrationEventSchema.shape;

/** Whether the typed rate is a number that differs from the plan's (then a reason is needed). */
export function deviatesFromPlan(typedRate: string, plannedRate: string | null): boolean {
  if (plannedRate === null) return false;
  const parsed = shape.rateMlPerH.safeParse(typedRate.trim());
  return parsed.success && parsed.data !== null && !toDecimal(parsed.data).equals(plannedRate);
}

/**
 * Whether the typed volume is far from the planned one (the domain's stated rule), so the
 * end needs its reason, as an early stop does. `plannedVolume` is null after an early stop.
 */
export function volumeFarFromPlan(typedVolume: string, plannedVolume: string | null): boolean {
  const parsed = shape.volumeInfusedMl.safeParse(typedVolume.trim());
  return parsed.success && parsed.data !== null && volumeOffPlan(parsed.data, plannedVolume) !== null;
}

/** Whether drug was discarded, so a witness must sign for it. */
export function wasteTyped(values: EventFormValues): boolean {
  const parsed = shape.wasteMg.safeParse(values.wasteMg.trim());
  return parsed.success && parsed.data !== null && !toDecimal(parsed.data).isZero();
}

/** The event to chart, or null with the problems noted. Plan deviations are the server's to refuse. */
export function eventFrom(
  type: AdministrationEventType,
  values: EventFormValues,
  issues: FieldIssue[],
  plannedVolume: string | null = null,
): AdministrationEvent | null {
  const fields = eventFields[type];
  const before = issues.length;
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) issues.push({ path, message });
  };
  if (fields.rate) need(values.rateMlPerH.trim() !== '', 'rateMlPerH', 'Enter the pump rate in mL/h');
  if (fields.reasonRequired) need(values.reason.trim() !== '', 'reason', 'Give the reason');
  // Drawn from the register: the lot and expiry are the containers'.
  if (fields.lot && !drawsChosen(values.draws)) {
    need(values.lotNumber.trim() !== '', 'lotNumber', 'Enter the lot number from the vial');
    need(values.lotExpiry.trim() !== '', 'lotExpiry', 'Enter the expiry from the vial');
  }
  if (fields.volume === 'required')
    need(values.volumeInfusedMl.trim() !== '', 'volumeInfusedMl', 'Enter the volume infused in mL');
  if (type === 'end' && volumeFarFromPlan(values.volumeInfusedMl, plannedVolume))
    need(values.reason.trim() !== '', 'reason', 'Give the reason the volume differs from the plan');
  const expiry = values.lotExpiry.trim() === '' ? '' : parseLotExpiry(values.lotExpiry);
  if (expiry === null) issues.push({ path: 'lotExpiry', message: 'Enter the expiry as Jun-2027 or 30-Jun-2027' });
  const event: AdministrationEvent = {
    type,
    rateMlPerH: fields.rate ? parseDecimal(values.rateMlPerH, shape.rateMlPerH, 'rateMlPerH', issues) : null,
    reason: values.reason.trim(),
    lotNumber: fields.lot ? values.lotNumber.trim() : '',
    lotExpiry: fields.lot ? (expiry ?? '') : '',
    volumeInfusedMl:
      fields.volume === 'none'
        ? null
        : parseDecimal(values.volumeInfusedMl, shape.volumeInfusedMl, 'volumeInfusedMl', issues),
    wasteMg: fields.waste ? parseDecimal(values.wasteMg, shape.wasteMg, 'wasteMg', issues) : null,
  };
  return issues.length > before ? null : event;
}
