import { z } from 'zod';
import { administrationMethods, administrationOf, pumpKindFor } from './administration';
import type { DoseDerivation } from './dose';
import { deriveDose } from './dose';
import type { Drug } from './formulary';
import { findingProblem } from './limit-fields';
import type { LimitCheck, LimitFinding } from './limits';
import type { Pump } from './pump';
import { checkLimits, hasAnyLimit } from './limits';
import { courseGoalProblems, courseGoalSchema } from './course-goal';
import type { ResponseDefinition } from './response-definitions';
import { decimalSchema, toDecimal, wholeNumberSchema } from './quantity';
import { weightKg, weightSchema } from './weight';
import { weightAcknowledgementSchema } from './weight-acknowledgement';

const text = (max: number) =>
  z
    .string()
    .max(max, `Use at most ${max} characters`)
    .transform((value) => value.normalize('NFC'));

export const limitCheckSchema = z.enum([
  'doseMgPerKg',
  'totalMg',
  'rateMgPerKgPerH',
  'rateMgPerH',
  'rateMlPerH',
  'durationMin',
  'concentrationMgPerMl',
  'weightAge',
]);

export const syringeVolumeSchema = decimalSchema('syringe volume (mL)').nullable();

/**
 * The infusion plan as the physician chose it. Everything may be empty in a draft;
 * `evaluatePlan` does the arithmetic, compares with the clinic's limits and says what is
 * still needed before signing.
 */
export const planContentSchema = z.object({
  drugId: z.string().max(40).nullable(),
  concentrationMgPerMl: decimalSchema('concentration (mg/mL)').nullable(),
  /**
   * In a bag, in a syringe made up with diluent, or undiluted. Absent in plans saved before
   * the choice existed (all bags); null in a new draft until the physician chooses.
   */
  administration: z.enum(administrationMethods).nullable().optional(),
  diluent: text(200),
  /** The bag's diluent volume (a bag only). */
  diluentVolumeMl: decimalSchema('diluent volume (mL)').nullable(),
  /** The volume a syringe is made up to with diluent (a diluted syringe only). */
  syringeVolumeMl: syringeVolumeSchema.optional(),
  /** The clinic's pump the rate is programmed on (absent in older plans). */
  pumpId: z.string().max(40).nullable().optional(),
  doseBasis: z.enum(['mg/kg', 'fixed']).nullable(),
  doseMgPerKg: decimalSchema('dose (mg/kg)').nullable(),
  doseMg: decimalSchema('dose (mg)').nullable(),
  /** The weight used: copied from the exam or entered again, always with date and source. */
  weight: weightSchema.extend({ from: z.enum(['exam', 'entered']) }).nullable(),
  /** The physician's answer to the weight check of an entered weight (absent in older plans). */
  weightAcknowledgement: weightAcknowledgementSchema.optional(),
  durationMin: wholeNumberSchema('duration (min)', 1, 1440).nullable(),
  series: z.object({
    infusions: wholeNumberSchema('number of infusions', 1, 100).nullable(),
    intervalDays: wholeNumberSchema('interval (days)', 0, 365).nullable(),
  }),
  monitoringIntervalMin: wholeNumberSchema('monitoring interval (min)', 1, 240).nullable(),
  premedication: text(2000),
  rescueMedication: text(2000),
  notes: text(4000),
  /** Typed reasons for going past a soft limit, by the check they answer. */
  overrideReasons: z.partialRecord(limitCheckSchema, text(1000)),
  /** The goal of the series and how response will be judged (absent in older plans). */
  courseGoal: courseGoalSchema.optional(),
});
export type PlanContent = z.infer<typeof planContentSchema>;

export const emptyPlan: PlanContent = {
  drugId: null,
  concentrationMgPerMl: null,
  administration: null,
  diluent: '',
  diluentVolumeMl: null,
  syringeVolumeMl: null,
  pumpId: null,
  doseBasis: null,
  doseMgPerKg: null,
  doseMg: null,
  weight: null,
  durationMin: null,
  series: { infusions: null, intervalDays: null },
  monitoringIntervalMin: null,
  premedication: '',
  rescueMedication: '',
  notes: '',
  overrideReasons: {},
};

export interface PlanEvaluation {
  drug: Drug | null;
  derivation: DoseDerivation | null;
  findings: LimitFinding[];
  /** Soft findings that still lack a typed reason. */
  reasonsNeeded: LimitCheck[];
  /** True when the clinic has configured no limits for this drug. */
  noLimitsConfigured: boolean;
  weightAgeDays: number | null;
  /** What must change before signing, in words, with the field it concerns. */
  signingProblems: { path: string; message: string }[];
}

function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((Date.parse(`${toIsoDate}T00:00:00Z`) - Date.parse(`${fromIsoDate}T00:00:00Z`)) / 86_400_000);
}

/** Everything the plan screen, the signing check and the PDF show about a plan. */
export function evaluatePlan(
  plan: PlanContent,
  drugs: readonly Drug[],
  today: string,
  pumps: readonly Pump[] = [],
  /** The clinic's response definitions: with any in force, signing asks for the series' goal. */
  responseDefinitions?: readonly ResponseDefinition[],
): PlanEvaluation {
  const problems: PlanEvaluation['signingProblems'] = [];
  const need = (ok: boolean, path: string, message: string) => {
    if (!ok) problems.push({ path, message });
  };
  const drug = drugs.find((candidate) => candidate.id === plan.drugId) ?? null;
  need(
    drug !== null,
    'drugId',
    plan.drugId === null ? 'Choose the drug' : 'This drug is no longer on the clinic list: choose again',
  );
  need(plan.concentrationMgPerMl !== null, 'concentrationMgPerMl', 'Choose the concentration');
  if (drug !== null && plan.concentrationMgPerMl !== null) {
    need(
      drug.concentrationsMgPerMl.some((value) => toDecimal(value).equals(plan.concentrationMgPerMl ?? '0')),
      'concentrationMgPerMl',
      'Choose a concentration from the clinic list',
    );
  }
  const administration = administrationOf(plan);
  need(administration !== null, 'administration', 'Choose how it is given: bag, syringe or undiluted');
  if (administration === 'bag' || administration === 'syringe') {
    need(plan.diluent.trim() !== '', 'diluent', 'Enter the diluent');
  }
  if (administration === 'bag') need(plan.diluentVolumeMl !== null, 'diluentVolumeMl', 'Enter the diluent volume');
  if (administration === 'syringe') {
    need(plan.syringeVolumeMl != null, 'syringeVolumeMl', 'Enter the volume the syringe is made up to');
  }
  const pumpsForMethod =
    administration === null ? [] : pumps.filter((pump) => pump.kind === pumpKindFor[administration]);
  const pump = pumps.find((candidate) => candidate.id === plan.pumpId) ?? null;
  if (plan.pumpId != null) {
    need(pump !== null, 'pumpId', 'This pump is no longer on the clinic list: choose again');
    need(
      pump === null || pumpsForMethod.includes(pump),
      'pumpId',
      administration === 'bag' ? 'Choose an infusion pump for a bag' : 'Choose a syringe driver for a syringe',
    );
  } else if (pumpsForMethod.length > 0) {
    need(false, 'pumpId', 'Choose the pump the rate is programmed on');
  }
  need(plan.doseBasis !== null, 'doseBasis', 'Choose the dose basis');
  need(plan.durationMin !== null, 'durationMin', 'Enter the duration');
  need(plan.series.infusions !== null, 'series.infusions', 'Enter the number of infusions');
  need(plan.series.intervalDays !== null, 'series.intervalDays', 'Enter the interval between infusions');
  need(plan.monitoringIntervalMin !== null, 'monitoringIntervalMin', 'Enter the monitoring interval');
  if (plan.doseBasis === 'mg/kg') {
    need(plan.doseMgPerKg !== null, 'doseMgPerKg', 'Enter the dose in mg/kg');
    need(plan.weight !== null, 'weight', 'Record the weight used, with its date and source');
  }
  if (plan.doseBasis === 'fixed') need(plan.doseMg !== null, 'doseMg', 'Enter the dose in mg');
  problems.push(...courseGoalProblems(plan.courseGoal, responseDefinitions));

  const weightAgeDays = plan.weight === null ? null : daysBetween(plan.weight.measuredOn, today);
  if (weightAgeDays !== null) need(weightAgeDays >= 0, 'weight.measuredOn', 'The weight date is in the future');
  const exactWeightKg = plan.weight === null ? null : weightKg(plan.weight);
  const derivation =
    plan.doseBasis === null ||
    plan.durationMin === null ||
    plan.concentrationMgPerMl === null ||
    administration === null
      ? null
      : deriveDose({
          basis: plan.doseBasis,
          doseMgPerKg: plan.doseMgPerKg,
          weightKg: exactWeightKg,
          doseMg: plan.doseMg,
          durationMin: plan.durationMin,
          concentrationMgPerMl: plan.concentrationMgPerMl,
          administration,
          diluentVolumeMl: plan.diluentVolumeMl,
          syringeVolumeMl: plan.syringeVolumeMl ?? null,
          pump: pump !== null && pumpsForMethod.includes(pump) ? pump : null,
        });
  const diluentToAdd = derivation?.exact.diluentToAddMl;
  if (diluentToAdd !== undefined && !diluentToAdd.greaterThan(0)) {
    problems.push({
      path: 'syringeVolumeMl',
      message: `The syringe must be made up to more than the drug volume, ${derivation?.lines.find((line) => line.quantity === 'drugVolumeMl')?.shown ?? ''}`,
    });
  }

  const limits = drug?.limits;
  const pumpRate = derivation?.exact.pumpRateMlPerH ?? derivation?.exact.rateMlPerH;
  const findings =
    limits === undefined
      ? []
      : checkLimits(
          {
            ...(plan.doseBasis === 'mg/kg' && plan.doseMgPerKg !== null
              ? { doseMgPerKg: toDecimal(plan.doseMgPerKg) }
              : {}),
            ...(derivation?.exact.totalMg ? { totalMg: derivation.exact.totalMg } : {}),
            ...(derivation?.exact.rateMgPerKgPerH ? { rateMgPerKgPerH: derivation.exact.rateMgPerKgPerH } : {}),
            ...(derivation?.exact.rateMgPerH ? { rateMgPerH: derivation.exact.rateMgPerH } : {}),
            // The pump's bound is checked against the rate it is programmed at, when its steps are known.
            ...(pumpRate === undefined ? {} : { rateMlPerH: pumpRate }),
            ...(plan.durationMin !== null ? { durationMin: toDecimal(plan.durationMin) } : {}),
            ...(plan.concentrationMgPerMl !== null
              ? { concentrationMgPerMl: toDecimal(plan.concentrationMgPerMl) }
              : {}),
          },
          weightAgeDays,
          limits,
        );
  const reasonsNeeded = findings
    .filter((finding) => finding.level === 'soft' && (plan.overrideReasons[finding.check] ?? '').trim() === '')
    .map((finding) => finding.check);
  for (const finding of findings) {
    // At the field that produces the value (a rate per kg comes from the dose, weight and duration), naming them all.
    if (finding.level === 'hard') problems.push(findingProblem(finding, plan.doseBasis, plan.administration));
  }
  for (const check of reasonsNeeded) {
    problems.push({
      path: `overrideReasons.${check}`,
      message: "Give a reason for going outside your clinic's configured range",
    });
  }
  return {
    drug,
    derivation,
    findings,
    reasonsNeeded,
    noLimitsConfigured: drug !== null && !hasAnyLimit(drug.limits),
    weightAgeDays,
    signingProblems: problems,
  };
}
