import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { completeExam, demoKetamine, planWith } from '../../src/cli/demo-clinical';
import type { PlanContent } from '../../src/domain/plan';
import { planContentSchema } from '../../src/domain/plan';
import type { ResponseDefinition } from '../../src/domain/response-definitions';
import { fieldMessages } from '../../src/renderer/lib/field-messages';
import { CourseGoalSection } from '../../src/renderer/features/plans/CourseGoalSection';
import { CourseGoalView } from '../../src/renderer/features/plans/CourseGoalView';
import type { PlanContext } from '../../src/renderer/features/plans/plan-form-content';
import { planContentFrom } from '../../src/renderer/features/plans/plan-form-content';
import type { PlanFormValues } from '../../src/renderer/features/plans/plan-form-values';
import { planFormValues, planFormValuesSchema } from '../../src/renderer/features/plans/plan-form-values';
import { planSigningProblems } from '../../src/renderer/features/plans/plan-signing-problems';

const text = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

const today = '2026-11-23';
const examWeight = completeExam(today).weight;
const plan = (overrides: Partial<PlanContent> = {}) =>
  planWith(examWeight === null ? null : { ...examWeight, from: 'exam' }, overrides);
const definitions: ResponseDefinition[] = [
  { id: 'response', label: 'Response', scale: 'phq9', rule: { type: 'percent-drop', percent: '50' }, retired: false },
  { id: 'remission', label: 'Remission', scale: 'phq9', rule: { type: 'below', value: 5 }, retired: true },
];
const context = (responseDefinitions?: ResponseDefinition[]): PlanContext => ({
  examWeight,
  drugs: [demoKetamine],
  pumps: [],
  today,
  weightCheck: undefined,
  responseDefinitions,
});

function Section({ content, given }: { content: PlanContent; given: ResponseDefinition[] | undefined }) {
  const values = planFormValues(content, true);
  const { register, setValue } = useForm<PlanFormValues>({ defaultValues: values });
  return createElement(CourseGoalSection, {
    register,
    setValue,
    values,
    messages: fieldMessages([]),
    definitions: given,
  });
}

describe('the goal of the series on the plan form', () => {
  it('offers no definition and leaves the goal optional while the clinic has configured none', () => {
    const page = text(renderToStaticMarkup(createElement(Section, { content: plan(), given: undefined })));
    expect(page).toContain('Your clinic has configured no response definitions.');
    expect(page).toMatch(/Goal of this series \(optional\)|Goal of this series Optional/i);
    expect(planSigningProblems(plan(), context())).toEqual([]);
  });

  it('lists the clinic’s definitions in words, and a chosen one since retired as such', () => {
    const chosen = plan({
      courseGoal: { goal: '', responseDefinitionIds: ['remission'], definitionsAsWorded: [] },
    });
    const html = renderToStaticMarkup(createElement(Section, { content: chosen, given: definitions }));
    const page = text(html);
    expect(page).toContain('Response: PHQ-9 down at least 50% from baseline');
    expect(page).toContain('Remission: PHQ-9 below 5 (no longer in your clinic’s list)');
    expect(html).toMatch(/<input[^>]*id="plan-courseGoal-definition-remission"[^>]*checked=""/);
    expect(html).not.toMatch(/<input[^>]*id="plan-courseGoal-definition-response"[^>]*checked=""/);
  });

  it('asks for the goal once the clinic has definitions, and copies the chosen ones as worded', () => {
    expect(planSigningProblems(plan(), context(definitions))).toContainEqual({
      path: 'courseGoal.goal',
      message: 'Record the goal of this series',
    });
    const values = planFormValuesSchema.parse({
      ...planFormValues(plan(), true),
      courseGoal: { goal: 'Back to work', definitionIds: ['response'] },
    });
    const { content } = planContentFrom(values, context(definitions));
    expect(content.courseGoal).toEqual({
      goal: 'Back to work',
      responseDefinitionIds: ['response'],
      definitionsAsWorded: [
        { id: 'response', label: 'Response', scale: 'phq9', rule: { type: 'percent-drop', percent: '50' } },
      ],
    });
    expect(planSigningProblems(content, context(definitions))).toEqual([]);
    expect(planFormValues(content, true).courseGoal).toEqual({ goal: 'Back to work', definitionIds: ['response'] });
  });

  it('reads plans and drafts from before the goal: no goal, nothing added on save', () => {
    const older: Partial<PlanContent> = plan();
    delete older.courseGoal;
    expect(planContentSchema.parse(older).courseGoal).toBeUndefined();
    const olderDraft: Partial<PlanFormValues> = planFormValues(plan(), true);
    delete olderDraft.courseGoal;
    const values = planFormValuesSchema.parse(olderDraft);
    expect(values.courseGoal).toEqual({ goal: '', definitionIds: [] });
    expect('courseGoal' in planContentFrom(values, context()).content).toBe(false);
    const page = text(renderToStaticMarkup(createElement(CourseGoalView, { goal: undefined })));
    expect(page).toContain('No goal recorded');
  });
});
