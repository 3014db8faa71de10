import { describe, expect, it } from 'vitest';
import { demoKetamine } from '../../src/cli/demo-clinical';
import { starterScreeningItems } from '../../src/domain/formulary';
import { checkFormulary, formularyContentFrom } from '../../src/renderer/features/formulary/formulary-form-content';
import {
  emptyDrugValues,
  formValuesFromFormulary,
  formularyFormValuesSchema,
} from '../../src/renderer/features/formulary/formulary-form-values';

/** Issue 12, point 7: the formulary screen's RxNorm code field, between the form and the schema. */
const coded = { drugs: [{ ...demoKetamine, rxNormCode: '6130' }], screeningItems: starterScreeningItems };

describe('the RxNorm code on the formulary form', () => {
  it('shows the stored code in its field and saves what is typed there', () => {
    const values = formValuesFromFormulary(coded);
    expect(values.drugs[0]?.rxNormCode).toBe('6130');
    const { content, issues } = checkFormulary(values);
    expect(issues).toEqual([]);
    expect(content.drugs[0]?.rxNormCode).toBe('6130');
  });

  it('saves no code at all when the field is left empty, as older versions were', () => {
    const values = formValuesFromFormulary({ drugs: [demoKetamine], screeningItems: starterScreeningItems });
    expect(values.drugs[0]?.rxNormCode).toBe('');
    expect(formularyContentFrom(values).content.drugs[0]).not.toHaveProperty('rxNormCode');
    expect(emptyDrugValues.rxNormCode).toBe('');
  });

  it('says next to the field what is wrong with a code that is not digits', () => {
    const values = formValuesFromFormulary(coded);
    const drug = values.drugs[0];
    if (drug === undefined) throw new Error('no drug');
    const { issues } = checkFormulary({ ...values, drugs: [{ ...drug, rxNormCode: 'ketamine' }] });
    expect(issues).toEqual([
      {
        path: 'drugs.0.rxNormCode',
        message: 'Enter the RxNorm code (RxCUI) as digits only, e.g. 6130, or leave it empty',
      },
    ]);
  });

  it('restores a draft typed before the field existed', () => {
    const drug = formValuesFromFormulary(coded).drugs[0] ?? emptyDrugValues;
    const olderDrug = Object.fromEntries(Object.entries(drug).filter(([key]) => key !== 'rxNormCode'));
    const parsed = formularyFormValuesSchema.safeParse({ drugs: [olderDrug], screeningItems: [] });
    expect(parsed.success && parsed.data.drugs[0]?.rxNormCode).toBe('');
  });
});
