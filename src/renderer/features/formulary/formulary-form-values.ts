import { z } from 'zod';
import type { FormularyContent } from '../../../domain/formulary';
import type { LimitedQuantity, RangeLimit } from '../../../domain/limits';
import { limitedQuantityNames } from '../../../domain/limits';

/**
 * What the formulary form holds while being typed: every number as the text typed ("" for
 * no bound), concentrations as rows. Drafts kept in this window are checked against this
 * schema before they are restored.
 */
const rangeValuesSchema = z.object({
  hardMin: z.string(),
  softMin: z.string(),
  softMax: z.string(),
  hardMax: z.string(),
});
export type RangeValues = z.infer<typeof rangeValuesSchema>;
export const boundNames = [
  'hardMin',
  'softMin',
  'softMax',
  'hardMax',
] as const satisfies readonly (keyof RangeValues)[];
export type BoundName = (typeof boundNames)[number];

const emptyRangeValues: RangeValues = { hardMin: '', softMin: '', softMax: '', hardMax: '' };
/** A bound added later: a draft typed before it existed is still restored, with it empty. */
const laterRangeValuesSchema = rangeValuesSchema.default(emptyRangeValues);

const drugValuesSchema = z.object({
  name: z.string(),
  /** The drug's id in the formulary; named code here, as react-hook-form keeps `id` for its rows. */
  code: z.string(),
  /** Defaults to empty so a draft typed before the field existed is still restored. */
  rxNormCode: z.string().default(''),
  concentrations: z.array(z.object({ value: z.string() })),
  limits: z.object({
    doseMgPerKg: rangeValuesSchema,
    totalMg: rangeValuesSchema,
    rateMgPerKgPerH: rangeValuesSchema,
    rateMgPerH: laterRangeValuesSchema,
    rateMlPerH: laterRangeValuesSchema,
    durationMin: rangeValuesSchema,
    concentrationMgPerMl: rangeValuesSchema,
    weightMaxAgeDays: z.object({ soft: z.string(), hard: z.string() }),
  }),
});
export type DrugValues = z.infer<typeof drugValuesSchema>;

export const formularyFormValuesSchema = z.object({
  drugs: z.array(drugValuesSchema),
  screeningItems: z.array(z.object({ code: z.string(), label: z.string() })),
  /** Defaults to none so a draft typed before pumps were listed is still restored. */
  pumps: z
    .array(z.object({ code: z.string(), name: z.string(), kind: z.string(), rateStepMlPerH: z.string() }))
    .default([]),
});
export type FormularyFormValues = z.infer<typeof formularyFormValuesSchema>;

export const emptyDrugValues: DrugValues = {
  name: '',
  code: '',
  rxNormCode: '',
  concentrations: [{ value: '' }],
  limits: {
    doseMgPerKg: emptyRangeValues,
    totalMg: emptyRangeValues,
    rateMgPerKgPerH: emptyRangeValues,
    rateMgPerH: emptyRangeValues,
    rateMlPerH: emptyRangeValues,
    durationMin: emptyRangeValues,
    concentrationMgPerMl: emptyRangeValues,
    weightMaxAgeDays: { soft: '', hard: '' },
  },
};

const text = (value: string | number | null) => (value === null ? '' : String(value));

function rangeValues(range: RangeLimit): RangeValues {
  return {
    hardMin: text(range.hardMin),
    softMin: text(range.softMin),
    softMax: text(range.softMax),
    hardMax: text(range.hardMax),
  };
}

export function formValuesFromFormulary(content: FormularyContent): FormularyFormValues {
  return {
    drugs: content.drugs.map((drug) => ({
      name: drug.name,
      code: drug.id,
      rxNormCode: drug.rxNormCode ?? '',
      concentrations: drug.concentrationsMgPerMl.map((value) => ({ value })),
      limits: {
        ...(Object.fromEntries(limitedQuantityNames.map((name) => [name, rangeValues(drug.limits[name])])) as Record<
          LimitedQuantity,
          RangeValues
        >),
        weightMaxAgeDays: {
          soft: text(drug.limits.weightMaxAgeDays.soft),
          hard: text(drug.limits.weightMaxAgeDays.hard),
        },
      },
    })),
    screeningItems: content.screeningItems.map((item) => ({ code: item.id, label: item.label })),
    pumps: (content.pumps ?? []).map((pump) => ({
      code: pump.id,
      name: pump.name,
      kind: pump.kind,
      rateStepMlPerH: pump.rateStepMlPerH,
    })),
  };
}
