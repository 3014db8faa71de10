import { createElement } from 'react';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { demoKetamine } from '../../src/cli/demo-clinical';
import type { Formulary } from '../../src/domain/formulary';
import { starterScreeningItems } from '../../src/domain/formulary';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { fieldMessages } from '../../src/renderer/lib/field-messages';
import { checkFormulary } from '../../src/renderer/features/formulary/formulary-form-content';
import type { FormularyFormValues } from '../../src/renderer/features/formulary/formulary-form-values';
import {
  emptyDrugValues,
  formValuesFromFormulary,
  formularyFormValuesSchema,
} from '../../src/renderer/features/formulary/formulary-form-values';
import { FormularyHistory, noReasonRecorded } from '../../src/renderer/features/formulary/FormularyHistory';
import { FormularySaveDialog, saveProblems } from '../../src/renderer/features/formulary/FormularySaveDialog';
import { LimitsTable } from '../../src/renderer/features/formulary/LimitsTable';

/** Issue 20, point 9, on the formulary screen: the mg/h and mL/h bounds, the save's confirmation, the history. */
const rated = {
  drugs: [
    {
      ...demoKetamine,
      limits: {
        ...demoKetamine.limits,
        rateMgPerH: { hardMin: null, softMin: null, softMax: '60', hardMax: '120' },
        rateMlPerH: { hardMin: null, softMin: null, softMax: null, hardMax: '300' },
      },
    },
  ],
  screeningItems: starterScreeningItems,
};

const clinic = { name: 'Harbor Infusion Clinic', address: '', timeZone: 'America/New_York', autoLockMinutes: 10 };
const context = {
  signIn: {
    state: 'active',
    clinic,
    user: { id: 1, username: 'admin', displayName: 'Alex Admin', credentials: '', role: 'admin' },
    serverTime: '2026-03-09T14:00:00.000Z',
    locksAt: '2026-03-09T15:00:00.000Z',
  },
} as unknown as SignInContextValue;

function html(element: ReactElement): string {
  return renderToStaticMarkup(createElement(SignInContext.Provider, { value: context }, element))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

function LimitsOfFirstDrug({ values }: { values: FormularyFormValues }) {
  const { register } = useForm<FormularyFormValues>({ defaultValues: values });
  return createElement(LimitsTable, { index: 0, register, messages: fieldMessages([]) });
}

describe('the formulary form bounds the rate in mg/h and the pump rate in mL/h', () => {
  it('has a row for each, labelled with its unit, between the rate per kg and the duration', () => {
    const text = html(createElement(LimitsOfFirstDrug, { values: formValuesFromFormulary(rated) }));
    expect(text).toMatch(/Rate per kg \(mg\/kg\/h\) .*Rate \(mg\/h\) .*Pump rate \(mL\/h\) .*Duration \(min\)/);
    const markup = renderToStaticMarkup(createElement(LimitsOfFirstDrug, { values: formValuesFromFormulary(rated) }));
    // Each cell is named by its row and its column, as the other rows' cells are.
    expect(markup).toContain('id="formulary-drugs-0-limits-rateMlPerH-hardMax"');
    expect(markup).toContain(
      'aria-labelledby="formulary-drugs-0-limits-rateMlPerH-label formulary-drugs-0-limits-hardMax"',
    );
  });

  it('shows stored bounds in their fields and saves what is typed there', () => {
    const values = formValuesFromFormulary(rated);
    expect(values.drugs[0]?.limits.rateMgPerH).toEqual({ hardMin: '', softMin: '', softMax: '60', hardMax: '120' });
    const { content, issues } = checkFormulary(values);
    expect(issues).toEqual([]);
    expect(content.drugs[0]?.limits.rateMlPerH).toEqual({
      hardMin: null,
      softMin: null,
      softMax: null,
      hardMax: '300',
    });
  });

  it('says on the row what is wrong with bounds out of order', () => {
    const values = formValuesFromFormulary(rated);
    const drug = values.drugs[0] ?? emptyDrugValues;
    const { issues } = checkFormulary({
      ...values,
      drugs: [{ ...drug, limits: { ...drug.limits, rateMgPerH: { ...drug.limits.rateMgPerH, hardMax: '10' } } }],
    });
    expect(issues.map((issue) => issue.path)).toEqual(['drugs.0.limits.rateMgPerH']);
  });

  it('restores a draft typed before these bounds existed, with them empty', () => {
    const drug = formValuesFromFormulary(rated).drugs[0] ?? emptyDrugValues;
    const { rateMgPerH, rateMlPerH, ...olderLimits } = drug.limits;
    expect([rateMgPerH.softMax, rateMlPerH.hardMax]).toEqual(['60', '300']);
    const parsed = formularyFormValuesSchema.safeParse({
      drugs: [{ ...drug, limits: olderLimits }],
      screeningItems: [],
    });
    expect(parsed.success && parsed.data.drugs[0]?.limits.rateMlPerH).toEqual({
      hardMin: '',
      softMin: '',
      softMax: '',
      hardMax: '',
    });
  });
});

describe('saving asks for the password and a reason', () => {
  const before: Formulary = {
    version: 0,
    content: { drugs: [], screeningItems: starterScreeningItems },
    createdAt: null,
    createdBy: null,
  };

  it('shows what the version changes, a reason box and a password field, each labelled', () => {
    const text = html(
      createElement(FormularySaveDialog, {
        before,
        content: rated,
        onClose: () => undefined,
        onSaved: () => undefined,
        onContentProblems: () => undefined,
        onLoadLatest: () => undefined,
      }),
    );
    expect(text).toContain('Save formulary version 1');
    expect(text).toContain('Ketamine hydrochloride: Pump rate (mL/h), hard limit maximum: Not configured → 300 mL/h');
    expect(text).toContain('Reason for this change');
    expect(text).toContain('Your password');
    expect(text).toContain('Save version 1');
  });

  it('asks for a reason (not blank, at most 1,000 characters) and the password before sending', () => {
    expect(saveProblems({ reason: '  ', password: '' })).toEqual({
      reason: 'Give the reason for this change',
      password: 'Enter your password',
    });
    expect(saveProblems({ reason: 'x'.repeat(1001), password: 'secret' })).toEqual({
      reason: 'Use at most 1,000 characters',
    });
    expect(saveProblems({ reason: 'Pump limits agreed', password: 'secret' })).toEqual({});
  });
});

describe('the formulary history', () => {
  it('shows who saved each version, when in clinic time, why, and which limits changed', () => {
    const text = html(
      createElement(FormularyHistory, {
        timeZone: 'America/New_York',
        entries: [
          {
            version: 2,
            createdAt: '2026-03-09T15:05:00.000Z',
            createdBy: 'Alex Admin',
            reason: 'Smaller pump: maximum rate lowered',
            passwordConfirmed: true,
            limitChanges: ['Ketamine hydrochloride: Pump rate (mL/h), hard limit maximum: 300 mL/h → 250 mL/h'],
          },
          {
            version: 1,
            createdAt: '2026-01-05T14:00:00.000Z',
            createdBy: 'Alex Admin',
            reason: null,
            passwordConfirmed: false,
            limitChanges: [],
          },
        ],
      }),
    );
    expect(text).toMatch(/Version 2 Saved by Alex Admin Saved 09-Mar-2026 11:05 UTC−04:00/);
    expect(text).toContain('Password confirmed');
    expect(text).toContain('Reason Smaller pump: maximum rate lowered');
    expect(text).toContain('300 mL/h → 250 mL/h');
    expect(text).toContain(`Reason ${noReasonRecorded}`);
    expect(text).toContain('No limit changed in this version.');
  });
});
