import { z } from 'zod';
import { administrationMethods, administrationOf } from '../../../domain/administration';
import type { LimitCheck } from '../../../domain/limits';
import type { PlanContent } from '../../../domain/plan';
import { limitCheckSchema } from '../../../domain/plan';
import { emptyWeightForm, weightFormValues, weightFormValuesSchema } from '../../lib/weight-form';
import { weightAcknowledgementFormSchema, weightAcknowledgementFormValues } from '../records/weight-check-form';

export const limitChecks = limitCheckSchema.options;

/**
 * The plan form as typed: numbers as text, unchosen options as "". The weight typed here is
 * used only when "entered" is chosen; the exam's weight otherwise. Reasons are kept per
 * check even while no finding asks for them, so changing a dose back and forth loses none.
 */
export const planFormValuesSchema = z.object({
  drugId: z.string(),
  concentrationMgPerMl: z.string(),
  // A draft typed in this window before these fields existed was a bag, with no pump named.
  administration: z.enum(['', ...administrationMethods]).default('bag'),
  diluent: z.string(),
  diluentVolumeMl: z.string(),
  syringeVolumeMl: z.string().default(''),
  pumpId: z.string().default(''),
  doseBasis: z.enum(['', 'mg/kg', 'fixed']),
  doseMgPerKg: z.string(),
  doseMg: z.string(),
  weightFrom: z.enum(['exam', 'entered']),
  weight: weightFormValuesSchema,
  weightAcknowledgement: weightAcknowledgementFormSchema,
  durationMin: z.string(),
  series: z.object({ infusions: z.string(), intervalDays: z.string() }),
  monitoringIntervalMin: z.string(),
  premedication: z.string(),
  rescueMedication: z.string(),
  notes: z.string(),
  // A draft typed in this window before the goal existed had none.
  courseGoal: z
    .object({ goal: z.string(), definitionIds: z.array(z.string()) })
    .default({ goal: '', definitionIds: [] }),
  overrideReasons: z.object(
    // A check added later (mg/h, mL/h) has no reason in a draft typed before it existed.
    Object.fromEntries(limitChecks.map((check) => [check, z.string().default('')])) as Record<
      LimitCheck,
      z.ZodDefault<z.ZodString>
    >,
  ),
});
export type PlanFormValues = z.infer<typeof planFormValuesSchema>;

const text = (value: number | string | null) => (value === null ? '' : String(value));

export function planFormValues(content: PlanContent, examHasWeight: boolean): PlanFormValues {
  const entered = content.weight !== null && content.weight.from === 'entered';
  return {
    drugId: content.drugId ?? '',
    concentrationMgPerMl: text(content.concentrationMgPerMl),
    administration: administrationOf(content) ?? '',
    diluent: content.diluent,
    diluentVolumeMl: text(content.diluentVolumeMl),
    syringeVolumeMl: text(content.syringeVolumeMl ?? null),
    pumpId: content.pumpId ?? '',
    doseBasis: content.doseBasis ?? '',
    doseMgPerKg: text(content.doseMgPerKg),
    doseMg: text(content.doseMg),
    weightFrom: entered || !examHasWeight ? 'entered' : 'exam',
    weight: entered ? weightFormValues(content.weight) : emptyWeightForm,
    weightAcknowledgement: weightAcknowledgementFormValues(content.weightAcknowledgement),
    durationMin: text(content.durationMin),
    series: { infusions: text(content.series.infusions), intervalDays: text(content.series.intervalDays) },
    monitoringIntervalMin: text(content.monitoringIntervalMin),
    premedication: content.premedication,
    rescueMedication: content.rescueMedication,
    notes: content.notes,
    courseGoal: {
      goal: content.courseGoal?.goal ?? '',
      definitionIds: content.courseGoal?.responseDefinitionIds ?? [],
    },
    overrideReasons: Object.fromEntries(
      limitChecks.map((check) => [check, content.overrideReasons[check] ?? '']),
    ) as Record<LimitCheck, string>,
  };
}
