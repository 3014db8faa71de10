import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import { examSigningProblems } from '../../src/domain/exam';
import type { RiskScreenAnswer } from '../../src/domain/suicide-risk';
import {
  riskAcknowledgementContent,
  riskScreenConfigurationSchema,
  suicideRiskFlags,
  suicideRiskFlagText,
  suicideRiskProblems,
} from '../../src/domain/suicide-risk';
import {
  sessionConfigurationChanges,
  sessionConfigurationContentSchema,
  starterSessionConfiguration,
} from '../../src/domain/session-configuration';

const phq9With = (item9: number | null) => [1, 2, 1, 0, 1, 2, 1, 0, item9];
const screen = (answers: ('yes' | 'no' | null)[]): RiskScreenAnswer[] =>
  answers.map((answer, index) => ({ itemId: `q${index + 1}`, label: `Question ${index + 1}`, answer }));

describe('suicide risk flags', () => {
  it('flags PHQ-9 item 9 above 0 in words, with the score and the item', () => {
    const flags = suicideRiskFlags({ scales: { phq9: phq9With(2) } });
    expect(flags).toEqual([
      'PHQ-9 item 9 scored 2 of 3 (More than half the days: “Thoughts that you would be better off dead or of hurting yourself in some way”)',
    ]);
    expect(suicideRiskFlags({ scales: { phq9: phq9With(0) } })).toEqual([]);
    expect(suicideRiskFlags({ scales: { phq9: phq9With(null) } })).toEqual([]);
    expect(suicideRiskFlags({ scales: { phq9: null } })).toEqual([]);
  });

  it('flags a yes on the risk screen, naming the question as worded', () => {
    const flags = suicideRiskFlags({ scales: { phq9: null }, riskScreen: screen(['no', 'yes', null]) });
    expect(flags).toEqual(['Risk screen answered yes: “Question 2”']);
  });

  const item9 = fc.option(fc.integer({ min: 0, max: 3 }), { nil: null });
  const answers = fc.array(fc.constantFrom<'yes' | 'no' | null>('yes', 'no', null), { maxLength: 6 });

  it('property: item 9 above 0 or any yes flags; otherwise nothing does', () => {
    fc.assert(
      fc.property(item9, answers, (score, given) => {
        const flags = suicideRiskFlags({ scales: { phq9: phq9With(score) }, riskScreen: screen(given) });
        const expected = (score !== null && score > 0 ? 1 : 0) + given.filter((answer) => answer === 'yes').length;
        expect(flags).toHaveLength(expected);
      }),
    );
  });

  it('property: a flagged exam is refused without what was done, and accepted with it', () => {
    fc.assert(
      fc.property(item9, answers, fc.string({ minLength: 1, maxLength: 40 }), (score, given, typed) => {
        const content = { scales: { phq9: phq9With(score) }, riskScreen: screen(given.map((a) => a ?? 'no')) };
        const flagged = suicideRiskFlags(content).length > 0;
        const without = suicideRiskProblems(content).map((problem) => problem.path);
        expect(without.includes('riskAcknowledgement.actionTaken')).toBe(flagged);
        const actionTaken = typed.trim() === '' ? 'Safety plan written with the patient' : typed;
        const riskAcknowledgement = riskAcknowledgementContent(actionTaken, content);
        expect(riskAcknowledgement === undefined).toBe(!flagged);
        expect(suicideRiskProblems({ ...content, riskAcknowledgement })).toEqual([]);
      }),
    );
  });
});

describe('signing a flagged exam', () => {
  it('needs every risk screen question answered and, when flagged, what was done', () => {
    const exam = completeExam('2026-11-02', {
      scales: { phq9: phq9With(1), gad7: null, pcl5: null, painNrs: null },
      riskScreen: screen([null, 'no']),
    });
    expect(examSigningProblems(exam)).toEqual([
      { path: 'riskScreen.0.answer', message: 'Answer the risk screen question: Question 1' },
      {
        path: 'riskAcknowledgement.actionTaken',
        message: `Suicide risk flagged (${suicideRiskFlagText(suicideRiskFlags(exam))}): record what was done`,
      },
    ]);
  });

  it('asks again when the acknowledgement was written for another flag', () => {
    const exam = completeExam('2026-11-02', {
      scales: { phq9: phq9With(3), gad7: null, pcl5: null, painNrs: null },
      riskAcknowledgement: { actionTaken: 'Crisis line number given', flaggedBy: 'PHQ-9 item 9 scored 1 of 3' },
    });
    const problems = suicideRiskProblems(exam);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toContain('the flag is now “PHQ-9 item 9 scored 3 of 3');
  });
});

describe("the clinic's risk screen", () => {
  it('is optional: stored configurations without it still parse, and an empty screen is valid', () => {
    expect(sessionConfigurationContentSchema.safeParse(starterSessionConfiguration).success).toBe(true);
    expect(riskScreenConfigurationSchema.safeParse({ items: [] }).success).toBe(true);
  });

  it('refuses a question asked twice, and audits a change of questions by their words', () => {
    const twice = riskScreenConfigurationSchema.safeParse({
      items: [
        { itemId: 'a', label: 'Thoughts of ending your life?' },
        { itemId: 'b', label: 'thoughts of ending your life? ' },
      ],
    });
    expect(twice.success === false && twice.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'items.1.label',
    ]);
    const after = {
      ...starterSessionConfiguration,
      riskScreen: { items: [{ itemId: 'a', label: 'Plan or intent?' }] },
    };
    expect(sessionConfigurationChanges(starterSessionConfiguration, after)).toEqual([
      { path: 'riskScreen.items', from: [], to: ['Plan or intent?'] },
    ]);
    expect(sessionConfigurationChanges(starterSessionConfiguration, { ...after, riskScreen: { items: [] } })).toEqual(
      [],
    );
  });
});
