import { z } from 'zod';
import type { DoseDerivation } from './dose';
import { deriveDose } from './dose';
import type { Drug } from './formulary';
import type { LimitCheck, LimitFinding } from './limits';
import { checkLimits, hasAnyLimit } from './limits';
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
  'durationMin',
  'concentrationMgPerMl',
  'weightAge',
]);

/**
 * The infusion plan as the physician chose it. Everything may be empty in a draft;
 * `evaluatePlan` does the arithmetic, compares with the clinic's limits and says what is
 * still needed before signing.
 */
export const planContentSchema = z.object({
  drugId: z.string().max(40).nullable(),
  concentrationMgPerMl: decimalSchema('concentration (mg/mL)').nullable(),
  diluent: text(200),
  diluentVolumeMl: decimalSchema('diluent volume (mL)').nullable(),
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
});
export type PlanContent = z.infer<typeof planContentSchema>;

export const emptyPlan: PlanContent = {
  drugId: null,
  concentrationMgPerMl: null,
  diluent: '',
  diluentVolumeMl: null,
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
export function evaluatePlan(plan: PlanContent, drugs: readonly Drug[], today: string): PlanEvaluation {
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
  need(plan.diluent.trim() !== '', 'diluent', 'Enter the diluent');
  need(plan.diluentVolumeMl !== null, 'diluentVolumeMl', 'Enter the diluent volume');
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

  const weightAgeDays = plan.weight === null ? null : daysBetween(plan.weight.measuredOn, today);
  if (weightAgeDays !== null) need(weightAgeDays >= 0, 'weight.measuredOn', 'The weight date is in the future');
  const exactWeightKg = plan.weight === null ? null : weightKg(plan.weight);
  const derivation =
    plan.doseBasis === null ||
    plan.durationMin === null ||
    plan.concentrationMgPerMl === null ||
    plan.diluentVolumeMl === null
      ? null
      : deriveDose({
          basis: plan.doseBasis,
          doseMgPerKg: plan.doseMgPerKg,
          weightKg: exactWeightKg,
          doseMg: plan.doseMg,
          durationMin: plan.durationMin,
          concentrationMgPerMl: plan.concentrationMgPerMl,
          diluentVolumeMl: plan.diluentVolumeMl,
        });

  const limits = drug?.limits;
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
    if (finding.level === 'hard') problems.push({ path: finding.check, message: finding.message });
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
