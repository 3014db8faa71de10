import type { FieldIssue } from '../../../contract/errors';
import type { Pump } from '../../../domain/pump';
import type { ResponseDefinition } from '../../../domain/response-definitions';
import { courseGoalContent } from './course-goal-content';
import type { Drug } from '../../../domain/formulary';
import type { PlanContent, PlanEvaluation } from '../../../domain/plan';
import { evaluatePlan, planContentSchema, syringeVolumeSchema } from '../../../domain/plan';
import type { DraftWeightCheck } from '../../../domain/record-view';
import type { Weight } from '../../../domain/weight';
import { newlyEnteredWeight } from '../../../domain/weight-acknowledgement';
import type { WeightFinding } from '../../../domain/weight-check';
import { parseDecimal, parseWhole } from '../../lib/parse-fields';
import { weightFrom } from '../../lib/weight-form';
import { liveWeightFindings, weightAcknowledgementContent } from '../records/weight-check-form';
import type { PlanFormValues } from './plan-form-values';
import { limitChecks } from './plan-form-values';

const shape = planContentSchema.shape;

export interface PlanContext {
  /** The weight recorded at the exam the plan rests on. */
  examWeight: Weight | null;
  drugs: readonly Drug[];
  /** The clinic's pumps, from the formulary in force. */
  pumps: readonly Pump[];
  /** Today in the clinic's zone, for the age of the weight. */
  today: string;
  /** The patient's previous weights and the clinic's settings, sent with the draft. */
  weightCheck: DraftWeightCheck | undefined;
  /** The clinic's response definitions, to choose from and copy as worded (absent: none configured). */
  responseDefinitions?: readonly ResponseDefinition[] | undefined;
}

/** The weight check on a weight entered for the plan (one copied from the exam was checked there). */
export function planWeightFindings(content: Pick<PlanContent, 'weight'>, context: PlanContext): WeightFinding[] {
  return liveWeightFindings(context.weightCheck, newlyEnteredWeight(content), 'plan');
}

function weightUsed(values: PlanFormValues, examWeight: Weight | null, issues: FieldIssue[]): PlanContent['weight'] {
  if (values.weightFrom === 'exam') return examWeight === null ? null : { ...examWeight, from: 'exam' };
  const weight = weightFrom(values.weight, 'weight', issues);
  return weight === null ? null : { ...weight, from: 'entered' };
}

/**
 * The plan content to save from what is typed, and the app's arithmetic and limit checks
 * on it. Reasons are stored only for the soft findings that ask for one now.
 */
export function planContentFrom(
  values: PlanFormValues,
  context: PlanContext,
): { content: PlanContent; issues: FieldIssue[]; evaluation: PlanEvaluation } {
  const issues: FieldIssue[] = [];
  const basis = values.doseBasis === '' ? null : values.doseBasis;
  // Read in the form's order, so that problems are listed as the fields come.
  const administration = values.administration === '' ? null : values.administration;
  // Only the fields of the chosen method are kept: a bag volume on a syringe plan would be a second, silent volume.
  const diluentVolumeMl =
    administration === 'bag'
      ? parseDecimal(values.diluentVolumeMl, shape.diluentVolumeMl, 'diluentVolumeMl', issues)
      : null;
  const syringeVolumeMl =
    administration === 'syringe'
      ? parseDecimal(values.syringeVolumeMl, syringeVolumeSchema, 'syringeVolumeMl', issues)
      : null;
  const doseMgPerKg =
    basis === 'mg/kg' ? parseDecimal(values.doseMgPerKg, shape.doseMgPerKg, 'doseMgPerKg', issues) : null;
  const doseMg = basis === 'fixed' ? parseDecimal(values.doseMg, shape.doseMg, 'doseMg', issues) : null;
  const weight = weightUsed(values, context.examWeight, issues);
  const acknowledgement = weightAcknowledgementContent(
    values.weightAcknowledgement,
    newlyEnteredWeight({ weight }),
    planWeightFindings({ weight }, context),
  );
  const withoutReasons: PlanContent = {
    drugId: values.drugId === '' ? null : values.drugId,
    concentrationMgPerMl: values.concentrationMgPerMl === '' ? null : values.concentrationMgPerMl,
    administration,
    diluent: administration === 'undiluted' ? '' : values.diluent,
    diluentVolumeMl,
    syringeVolumeMl,
    pumpId: administration === null || values.pumpId === '' ? null : values.pumpId,
    doseBasis: basis,
    // Only the dose of the chosen basis is kept: the other would be a second, silent dose.
    doseMgPerKg,
    doseMg,
    weight,
    // Only while the weight check surfaces the weight; key order as the schema's, like the saved content.
    ...(acknowledgement === undefined ? {} : { weightAcknowledgement: acknowledgement }),
    durationMin: parseWhole(values.durationMin, shape.durationMin, 'durationMin', issues),
    series: {
      infusions: parseWhole(values.series.infusions, shape.series.shape.infusions, 'series.infusions', issues),
      intervalDays: parseWhole(
        values.series.intervalDays,
        shape.series.shape.intervalDays,
        'series.intervalDays',
        issues,
      ),
    },
    monitoringIntervalMin: parseWhole(
      values.monitoringIntervalMin,
      shape.monitoringIntervalMin,
      'monitoringIntervalMin',
      issues,
    ),
    premedication: values.premedication,
    rescueMedication: values.rescueMedication,
    notes: values.notes,
    overrideReasons: {},
    ...courseGoalContent(values.courseGoal, context.responseDefinitions),
  };
  const first = evaluatePlan(withoutReasons, context.drugs, context.today, context.pumps);
  const asked = new Set(first.findings.filter((finding) => finding.level === 'soft').map((finding) => finding.check));
  const overrideReasons = Object.fromEntries(
    limitChecks
      .filter((check) => asked.has(check) && values.overrideReasons[check].trim() !== '')
      .map((check) => [check, values.overrideReasons[check]]),
  ) as PlanContent['overrideReasons'];
  const content = { ...withoutReasons, overrideReasons };
  return { content, issues, evaluation: evaluatePlan(content, context.drugs, context.today, context.pumps) };
}
