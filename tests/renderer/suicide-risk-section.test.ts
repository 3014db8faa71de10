import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import type { ExamContent } from '../../src/domain/exam';
import { suicideRiskFlags } from '../../src/domain/suicide-risk';
import { examContentFrom } from '../../src/renderer/features/exams/exam-form-content';
import type { ExamFormValues } from '../../src/renderer/features/exams/exam-form-values';
import { examFormValues } from '../../src/renderer/features/exams/exam-form-values';
import { SuicideRiskView } from '../../src/renderer/features/exams/RiskAndHistoryView';
import { SuicideRiskSection } from '../../src/renderer/features/exams/SuicideRiskSection';
import { suicideRiskFact } from '../../src/renderer/features/records/suicide-risk-fact';
import { fieldMessages } from '../../src/renderer/lib/field-messages';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import { RiskScreenFieldset } from '../../src/renderer/features/clinic/RiskScreenFieldset';
import { riskScreenProblemText } from '../../src/renderer/features/clinic/risk-screen-form';
import type { SessionConfigurationFormValues } from '../../src/renderer/features/clinic/session-configuration-form-values';
import {
  sessionConfigurationFormPath,
  sessionConfigurationFormValues,
  sessionConfigurationFrom,
} from '../../src/renderer/features/clinic/session-configuration-form-values';

const flagged: ExamContent = completeExam('2026-11-02', {
  scales: { phq9: [1, 2, 1, 0, 1, 2, 1, 0, 2], gad7: null, pcl5: null, painNrs: null },
  riskScreen: [{ itemId: 'plan', label: 'Any plan or intent?', answer: 'no' }],
});

function Section({ content }: { content: ExamContent }): ReactElement {
  const values = examFormValues(content);
  const { register } = useForm<ExamFormValues>({ defaultValues: values });
  return createElement(SuicideRiskSection, {
    register,
    values,
    messages: fieldMessages([]),
    flags: suicideRiskFlags(content),
  });
}

describe('the suicide risk section', () => {
  it('alerts in words, not colour alone, and asks what was done', () => {
    const html = renderToStaticMarkup(createElement(Section, { content: flagged }));
    expect(html).toMatch(/role="alert"[^>]*>.*<strong>Suicide risk flagged:<\/strong> PHQ-9 item 9 scored 2 of 3/s);
    expect(html).toMatch(/<label[^>]*for="exam-riskAcknowledgement-actionTaken"[^>]*>What was done about it/);
    expect(html).toContain('Any plan or intent?');
    // The app never words what to do: no suggestion in the field.
    expect(html).not.toMatch(/placeholder=/);
  });

  it('shows no alert and no field while nothing is flagged', () => {
    const html = renderToStaticMarkup(createElement(Section, { content: completeExam('2026-11-02') }));
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('exam-riskAcknowledgement-actionTaken');
    expect(html).toContain('No suicide risk flagged by the answers recorded.');
  });

  it('stores what was done with the flag as shown, and drops it when the flag goes away', () => {
    const values = { ...examFormValues(flagged), riskAcknowledgement: { actionTaken: 'Safety plan' } };
    const { content } = examContentFrom(values, undefined);
    expect(content.riskAcknowledgement).toEqual({
      actionTaken: 'Safety plan',
      flaggedBy: suicideRiskFlags(flagged).join('; '),
    });
    const cleared = { ...values, scales: { ...values.scales, phq9: values.scales.phq9.map(() => '0') } };
    expect(examContentFrom(cleared, undefined).content.riskAcknowledgement).toBeUndefined();
  });

  it('reads back on the signed exam and on the signing summary', () => {
    const signed: ExamContent = {
      ...flagged,
      riskAcknowledgement: { actionTaken: 'Crisis line given', flaggedBy: suicideRiskFlags(flagged).join('; ') },
    };
    const html = renderToStaticMarkup(createElement(SuicideRiskView, { content: signed, uid: 'v1' }));
    expect(html).toContain('<strong>Suicide risk flagged:</strong> PHQ-9 item 9 scored 2 of 3');
    expect(html).not.toContain('role="alert"');
    expect(html).toContain('Crisis line given');
    expect(suicideRiskFact(signed).value).toMatch(
      /^FLAGGED: PHQ-9 item 9 scored 2 of 3 .*What was done: Crisis line given$/,
    );
    expect(suicideRiskFact(completeExam('2026-11-02')).value).toBe('Not flagged by the answers recorded');
  });
});

function ScreenFieldset({ values }: { values: SessionConfigurationFormValues }): ReactElement {
  const { control, register } = useForm<SessionConfigurationFormValues>({ defaultValues: values });
  return createElement(RiskScreenFieldset, { control, register, messages: fieldMessages([]) });
}

describe("the clinic's risk screen settings", () => {
  it('stores no screen until a question is added, and makes a code for each new question', () => {
    const starter = sessionConfigurationFormValues(starterSessionConfiguration);
    expect(starter.riskScreen).toEqual([]);
    expect('riskScreen' in sessionConfigurationFrom(starter).content).toBe(false);
    const typed = { ...starter, riskScreen: [{ code: '', label: ' Any plan or intent? ' }] };
    const { content, issues } = sessionConfigurationFrom(typed);
    expect(issues).toEqual([]);
    expect(content.riskScreen).toEqual({ items: [{ itemId: 'any-plan-or-intent', label: 'Any plan or intent?' }] });
  });

  it('puts a problem on the question it is about', () => {
    const starter = sessionConfigurationFormValues(starterSessionConfiguration);
    const { issues } = sessionConfigurationFrom({ ...starter, riskScreen: [{ code: '', label: '  ' }] });
    expect(issues.map((issue) => issue.path)).toEqual(['riskScreen.0.label']);
    expect(sessionConfigurationFormPath('content.riskScreen.items.3.itemId')).toBe('riskScreen.3.label');
    expect(riskScreenProblemText({ path: 'riskScreen.0.label', message: 'Enter the question' })).toBe(
      'Risk screen question 1: Enter the question',
    );
    expect(riskScreenProblemText({ path: 'criteria.0.label', message: 'Enter the criterion' })).toBeNull();
  });

  it('lists each question with its label, and a button to add one', () => {
    const values = {
      ...sessionConfigurationFormValues(starterSessionConfiguration),
      riskScreen: [{ code: 'plan', label: 'Any plan or intent?' }],
    };
    const html = renderToStaticMarkup(createElement(ScreenFieldset, { values }));
    expect(html).toContain('Suicide risk screen at the exam');
    expect(html).toMatch(/<label[^>]*for="session-settings-riskScreen-0-label"[^>]*>Risk screen question 1/);
    expect(html).toContain('Add a risk screen question');
  });
});
