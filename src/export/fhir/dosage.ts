import { formatDurationMin, formatDate } from '../../domain/time';
import { preparationText } from '../../domain/administration';
import { programmedRateMlPerH } from '../../domain/dose';
import { formatWeight } from '../../domain/weight';
import type { PlanVersion } from '../snapshot-index';
import { concept, systems } from './code-systems';
import type { CodeableConcept, Quantity } from './datatypes';
import { fhirDecimal } from './json';

export interface DoseAndRate {
  type: CodeableConcept;
  doseQuantity?: Quantity;
  rateQuantity?: Quantity;
}

export interface Dosage {
  text: string;
  additionalInstruction?: CodeableConcept[];
  timing: {
    repeat: {
      count?: number;
      duration?: number;
      durationUnit?: 'min';
      frequency?: number;
      period?: number;
      periodUnit?: 'd';
    };
  };
  route: CodeableConcept;
  doseAndRate: DoseAndRate[];
}

const calculated = concept(systems.doseRateType, 'calculated', 'Calculated');
const ordered = concept(systems.doseRateType, 'ordered', 'Ordered');
export const intravenous = concept(systems.snomed, '47625008', 'Intravenous route');

/** UCUM quantity from a decimal string as signed; the UCUM code is also the printed unit. */
export function quantity(value: string | undefined | null, unit: string): Quantity | undefined {
  return value === undefined || value === null
    ? undefined
    : { value: fhirDecimal(value), unit, system: systems.ucum, code: unit };
}

/**
 * The figures come from what the app computed and stored when the plan was signed (rounded
 * by the rule printed on the plan), never recomputed here: the export must say exactly what
 * the physician signed.
 */
function dosesAndRates(version: PlanVersion): DoseAndRate[] {
  const derived = version.computed?.derived ?? {};
  const { content } = version;
  const fixed = content.doseBasis === 'fixed';
  const rows: DoseAndRate[] = [
    // What the pump is set to: the total dose in mg at a rate in mL/h.
    {
      type: fixed ? ordered : calculated,
      doseQuantity: quantity(derived.totalMg, 'mg'),
      rateQuantity: quantity(programmedRateMlPerH(derived) ?? undefined, 'mL/h'),
    },
    { type: calculated, rateQuantity: quantity(derived.rateMgPerH, 'mg/h') },
    { type: calculated, rateQuantity: quantity(derived.rateMgPerKgPerH, 'mg/kg/h') },
  ];
  // A weight-based plan was ordered in mg/kg; the mg figure above is derived from it.
  if (!fixed) rows.push({ type: ordered, doseQuantity: quantity(content.doseMgPerKg, 'mg/kg') });
  return rows.filter((row) => row.doseQuantity !== undefined || row.rateQuantity !== undefined);
}

/** The plan in words, with every formula as printed on the signed summary. */
function dosageText(version: PlanVersion): string {
  const { content, computed } = version;
  const parts: string[] = [];
  parts.push(preparationText(content));
  if (content.durationMin !== null) parts.push(`over ${formatDurationMin(content.durationMin)}`);
  const lines = (computed?.lines ?? []).map((line) => `${line.label}: ${line.formula} (${line.rounding})`);
  const weight = content.weight;
  const weightUsed =
    weight === null
      ? []
      : [
          `Weight used: ${formatWeight(weight)}, ${weight.source} on ${formatDate(weight.measuredOn)}, ${
            weight.from === 'exam' ? 'from the exam' : 'entered with the plan'
          }`,
        ];
  const delivery = computed?.delivery === undefined ? [] : [computed.delivery.text.replace(/\.$/, '')];
  return [parts.join(' '), ...lines, ...delivery, ...weightUsed].filter((part) => part !== '').join('. ') + '.';
}

/**
 * One dosage instruction per plan: IV, `count` infusions of `duration` minutes, one every
 * `period` days (no period for a single infusion or an interval of 0 days).
 */
export function dosageOf(version: PlanVersion): Dosage {
  const { content } = version;
  const { infusions, intervalDays } = content.series;
  const repeats = intervalDays !== null && intervalDays > 0 && infusions !== 1;
  return {
    text: dosageText(version),
    additionalInstruction:
      content.monitoringIntervalMin === null
        ? undefined
        : [{ text: `Check observations every ${formatDurationMin(content.monitoringIntervalMin)}` }],
    timing: {
      repeat: {
        count: infusions ?? undefined,
        duration: content.durationMin ?? undefined,
        durationUnit: content.durationMin === null ? undefined : 'min',
        frequency: repeats ? 1 : undefined,
        period: repeats ? intervalDays : undefined,
        periodUnit: repeats ? 'd' : undefined,
      },
    },
    route: intravenous,
    doseAndRate: dosesAndRates(version),
  };
}
