import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import type { ExamContent } from '../../src/domain/exam';
import type { PretreatmentRequirements } from '../../src/domain/pretreatment-requirements';
import type { PretreatmentResult } from '../../src/domain/pretreatment-results';
import { PretreatmentRequirementsFieldset } from '../../src/renderer/features/clinic/PretreatmentRequirementsFieldset';
import type { SessionConfigurationFormValues } from '../../src/renderer/features/clinic/session-configuration-form-values';
import {
  sessionConfigurationFormValues,
  sessionConfigurationFrom,
} from '../../src/renderer/features/clinic/session-configuration-form-values';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import { examContentFrom } from '../../src/renderer/features/exams/exam-form-content';
import type { ExamFormValues } from '../../src/renderer/features/exams/exam-form-values';
import { examFormValues, examFormValuesSchema } from '../../src/renderer/features/exams/exam-form-values';
import { pretreatmentFormProblems } from '../../src/renderer/features/exams/pretreatment-form';
import { PretreatmentSection } from '../../src/renderer/features/exams/PretreatmentSection';
import { PretreatmentView } from '../../src/renderer/features/exams/PretreatmentView';
import { fieldMessages } from '../../src/renderer/lib/field-messages';
import { pretreatmentFact } from '../../src/renderer/features/records/pretreatment-fact';

const requirements: PretreatmentRequirements = {
  items: [{ itemId: 'chest-x-ray', label: 'Chest X-ray' }],
  required: [
    { kind: 'ecg', indications: 'all', maxAgeDays: 90 },
    { kind: 'liver', indications: ['M79'], maxAgeDays: 180 },
    { kind: 'clinic-item', itemId: 'chest-x-ray', indications: 'all', maxAgeDays: 365 },
  ],
};
const ecg: PretreatmentResult = {
  id: 'ecg-1',
  takenOn: '2026-06-01',
  source: { type: 'outside', reference: 'City Cardiology 4411' },
  recordedBy: { userId: 2, printedName: 'Ana Ruiz, MD' },
  recordedAt: '2026-11-01T10:00:00.000Z',
  note: '',
  value: { kind: 'ecg', rhythm: 'Sinus rhythm', rateBpm: 68, qtcMs: 421, interpretation: 'normal', text: '' },
};
const liver: PretreatmentResult = {
  ...ecg,
  id: 'liver-1',
  takenOn: '2026-10-20',
  source: { type: 'in-house' },
  value: { kind: 'liver', altUPerL: '31', astUPerL: null, bilirubinMgPerDl: '0.4' },
};
// Fibromyalgia (M79.7) on 02-Nov-2026: the ECG is 154 days old, the liver tests 13, no X-ray.
const exam: ExamContent = completeExam('2026-11-02', { pretreatment: { results: [ecg, liver] } });

function Section({ content }: { content: ExamContent }): ReactElement {
  const values = examFormValues(content);
  const { control, register } = useForm<ExamFormValues>({ defaultValues: values });
  return createElement(PretreatmentSection, {
    control,
    register,
    values,
    messages: fieldMessages([]),
    content,
    requirements,
  });
}

describe('the pre-treatment results section', () => {
  it('shows each required result as current, stale or missing, in words, and asks for a reason', () => {
    const html = renderToStaticMarkup(createElement(Section, { content: exam }));
    expect(html).toContain('<h2 id="exam-pretreatment-title">Pre-treatment results</h2>');
    expect(html).toMatch(/ECG<\/span> <span class="status status-attention">Stale<\/span> 154 days old, limit 90 days/);
    expect(html).toMatch(/Liver tests<\/span> <span class="status status-ok">Current<\/span> 13 days old/);
    expect(html).toMatch(/Chest X-ray<\/span> <span class="status status-attention">Missing<\/span>/);
    expect(html).toMatch(/<label[^>]*for="exam-pretreatment-results-0-value-qtcMs"[^>]*>QTc \(ms\)/);
    expect(html).toMatch(/<label[^>]*for="exam-pretreatment-results-1-value-altUPerL"[^>]*>ALT \(U\/L\)/);
    expect(html).toContain('Entered by Ana Ruiz, MD');
    expect(html).toContain('Reason for signing without the missing or stale results');
    expect(html).toContain('<option value="item:chest-x-ray">Chest X-ray</option>');
  });

  it('stores the reason with the gaps it answers, and asks again when they change', () => {
    const values = {
      ...examFormValues(exam),
      pretreatment: { ...examFormValues(exam).pretreatment, reason: 'Booked' },
    };
    const { content, issues } = examContentFrom(values, undefined, requirements);
    expect(issues).toEqual([]);
    expect(content.pretreatment?.acknowledgement?.problems).toEqual([
      'ECG: Stale — 154 days old, limit 90 days',
      'Chest X-ray: Missing (required within 365 days)',
    ]);
    expect(pretreatmentFormProblems(content, requirements)).toEqual([]);
    const later = { ...content, examDate: '2026-11-03' };
    expect(pretreatmentFormProblems(later, requirements).map((problem) => problem.path)).toEqual([
      'pretreatment.acknowledgement.reason',
    ]);
  });

  it('reads typed values back exactly, reports a mistyped one, and leaves an exam without results as it was', () => {
    const values = examFormValues(exam);
    expect(JSON.stringify(examContentFrom(values, undefined, requirements).content)).toBe(JSON.stringify(exam));
    const older = completeExam('2026-11-02');
    expect(JSON.stringify(examContentFrom(examFormValues(older), undefined).content)).toBe(JSON.stringify(older));
    const row = values.pretreatment.results[1];
    if (row === undefined) throw new Error('expected a row');
    const typed = {
      ...values,
      pretreatment: { ...values.pretreatment, results: [{ ...row, fields: { ...row.fields, altUPerL: '.5' } }] },
    };
    expect(examContentFrom(typed, undefined, requirements).issues.map((issue) => issue.path)).toEqual([
      'pretreatment.results.0.value.altUPerL',
    ]);
    // A copy kept in the window before results existed still restores, with none.
    const restored = examFormValuesSchema.safeParse({ ...values, pretreatment: undefined });
    expect(restored.success && restored.data.pretreatment.results).toEqual([]);
  });

  it('reads back, read-only, with the reason given at signing', () => {
    const signed: ExamContent = {
      ...exam,
      pretreatment: { results: [ecg], acknowledgement: { reason: 'Booked', problems: ['ECG: Stale'] } },
    };
    const html = renderToStaticMarkup(createElement(PretreatmentView, { content: signed, uid: 'v1' }));
    expect(html).toContain('Rhythm Sinus rhythm · Rate 68 beats/min · QTc 421 ms · Normal');
    expect(html).toContain('Outside: City Cardiology 4411');
    expect(html).toContain('01-Jun-2026');
    expect(html).toContain('Booked');
    expect(pretreatmentFact(signed).value).toBe(
      '1 result recorded. Required but missing or stale: ECG: Stale. Your reason: Booked',
    );
    expect(pretreatmentFact(completeExam('2026-11-02')).value).toBe('None recorded');
    expect(
      renderToStaticMarkup(createElement(PretreatmentView, { content: completeExam('2026-11-02'), uid: 'v2' })),
    ).toBe('');
  });
});

function Fieldset({ values }: { values: SessionConfigurationFormValues }): ReactElement {
  const { control, register } = useForm<SessionConfigurationFormValues>({ defaultValues: values });
  return createElement(PretreatmentRequirementsFieldset, { control, register, messages: fieldMessages([]) });
}

describe('the clinic’s pre-treatment requirements', () => {
  it('round-trips through the form, and requires nothing until the clinic adds something', () => {
    const configured = { ...starterSessionConfiguration, pretreatmentRequirements: requirements };
    const { content, issues } = sessionConfigurationFrom(sessionConfigurationFormValues(configured));
    expect(issues).toEqual([]);
    expect(content.pretreatmentRequirements).toEqual(requirements);
    const none = sessionConfigurationFrom(sessionConfigurationFormValues(starterSessionConfiguration));
    expect(none.content).not.toHaveProperty('pretreatmentRequirements');
    const html = renderToStaticMarkup(
      createElement(Fieldset, { values: sessionConfigurationFormValues(starterSessionConfiguration) }),
    );
    expect(html).toContain('Pre-treatment results required at the exam');
    expect(html).toContain('No results required.');
  });

  it('reports a limit that is not a whole number of days on its field', () => {
    const values = sessionConfigurationFormValues({
      ...starterSessionConfiguration,
      pretreatmentRequirements: requirements,
    });
    const required = values.pretreatment.required.map((row, index) =>
      index === 0 ? { ...row, maxAgeDays: 'soon' } : row,
    );
    const { issues } = sessionConfigurationFrom({ ...values, pretreatment: { ...values.pretreatment, required } });
    expect(issues.map((issue) => issue.path)).toEqual(['pretreatment.required.0.maxAgeDays']);
  });
});
