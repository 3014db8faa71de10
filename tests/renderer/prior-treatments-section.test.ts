import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import type { ExamContent } from '../../src/domain/exam';
import { examContentFrom } from '../../src/renderer/features/exams/exam-form-content';
import type { ExamFormValues } from '../../src/renderer/features/exams/exam-form-values';
import { examFormValues, examFormValuesSchema } from '../../src/renderer/features/exams/exam-form-values';
import { PriorTreatmentsSection } from '../../src/renderer/features/exams/PriorTreatmentsSection';
import { PriorTreatmentsView } from '../../src/renderer/features/exams/RiskAndHistoryView';
import { fieldLabel } from '../../src/renderer/features/records/field-labels';
import { fieldMessages } from '../../src/renderer/lib/field-messages';

const withTreatments: ExamContent = completeExam('2026-11-02', {
  priorTreatments: [
    {
      kind: 'medication',
      name: 'Sertraline',
      details: '150 mg daily',
      from: '2019-03',
      to: null,
      outcome: 'intolerance',
      adequateTrial: 'no',
      note: '',
    },
  ],
});

function Section({ values }: { values: ExamFormValues }): ReactElement {
  const { control, register } = useForm<ExamFormValues>({ defaultValues: values });
  return createElement(PriorTreatmentsSection, { control, register, messages: fieldMessages([]) });
}

describe('the prior treatments section', () => {
  it('shows each row with labelled fields, every outcome in words, and the add and remove buttons', () => {
    const html = renderToStaticMarkup(createElement(Section, { values: examFormValues(withTreatments) }));
    expect(html).toContain('<h2 id="exam-prior-treatments-title">Prior treatments</h2>');
    expect(html).toContain('Prior treatment 1');
    expect(html).toMatch(/<label[^>]*for="exam-priorTreatments-0-name"[^>]*>Name/);
    // Values are set by react-hook-form in the browser; here the row's fields and words.
    expect(html).toMatch(/<label[^>]*for="exam-priorTreatments-0-from"[^>]*>From/);
    expect(html).toContain('<option value="intolerance">Intolerance</option>');
    expect(html).toContain('<option value="partial">Partial response</option>');
    expect(html).toContain('<option value="no-response">No response</option>');
    expect(examFormValues(withTreatments).priorTreatments[0]?.from).toBe('Mar-2019');
    expect(html).toContain('Add a prior treatment');
    expect(html).toContain('Remove prior treatment 1');
  });

  it('says so when there are none', () => {
    const html = renderToStaticMarkup(createElement(Section, { values: examFormValues(completeExam('2026-11-02')) }));
    expect(html).toContain('No prior treatments recorded.');
  });

  it('stores what was typed, and reports a date that does not read', () => {
    const values = examFormValues(withTreatments);
    const row = values.priorTreatments[0];
    if (row === undefined) throw new Error('expected a row');
    const typed = { ...values, priorTreatments: [{ ...row, from: 'mar 2019', to: '14/05/2020' }] };
    const { content, issues } = examContentFrom(typed, undefined);
    expect(content.priorTreatments?.[0]?.from).toBe('2019-03');
    expect(content.priorTreatments?.[0]?.to).toBeNull();
    expect(issues.map((issue) => issue.path)).toEqual(['priorTreatments.0.to']);
  });

  it('leaves an exam without the list as it was, and restores a local copy kept before the list existed', () => {
    const older = completeExam('2026-11-02');
    expect(JSON.stringify(examContentFrom(examFormValues(older), undefined).content)).toBe(JSON.stringify(older));
    // A copy saved by the previous release: the same values without the new keys.
    const kept: Record<string, unknown> = { ...examFormValues(older) };
    for (const key of ['priorTreatments', 'riskScreen', 'riskAcknowledgement']) delete kept[key];
    const restored = examFormValuesSchema.safeParse(kept);
    expect(restored.success && restored.data.priorTreatments).toEqual([]);
  });

  it('reads back, read-only, as a table', () => {
    const html = renderToStaticMarkup(createElement(PriorTreatmentsView, { content: withTreatments, uid: 'v1' }));
    expect(html).toContain('Sertraline');
    expect(html).toContain('Since Mar-2019 (ongoing or end not recorded)');
    expect(html).toContain('Intolerance; adequate trial: No');
    const none = renderToStaticMarkup(
      createElement(PriorTreatmentsView, { content: completeExam('2026-11-02'), uid: 'v2' }),
    );
    expect(none).toContain('None recorded');
  });

  it('names its changes in the version history', () => {
    const screening = (index: number) => `question ${index + 1}`;
    expect(fieldLabel('exam', 'priorTreatments.1.outcome', screening)).toBe('Prior treatment 2: Outcome');
    expect(fieldLabel('exam', 'priorTreatments.0', screening)).toBe('Prior treatment 1');
    expect(fieldLabel('exam', 'riskScreen.0.answer', screening)).toBe('Risk screen question 1');
    expect(fieldLabel('exam', 'riskAcknowledgement.actionTaken', screening)).toBe(
      'What was done about the suicide risk',
    );
    // Pre-treatment results (issue 22 point 1) read as words too, never as raw paths.
    expect(fieldLabel('exam', 'pretreatment.results.0.value.qtcMs', screening)).toBe(
      'Pre-treatment result 1: QTc (ms)',
    );
    expect(fieldLabel('exam', 'pretreatment.results.2.source.reference', screening)).toBe(
      'Pre-treatment result 3: Outside report',
    );
    expect(fieldLabel('exam', 'pretreatment.results.1.value.classes.cocaine', screening)).toBe(
      'Pre-treatment result 2: Drug screen: Cocaine',
    );
    expect(fieldLabel('exam', 'pretreatment.acknowledgement.reason', screening)).toBe(
      'Reason for signing without a required result',
    );
  });
});
