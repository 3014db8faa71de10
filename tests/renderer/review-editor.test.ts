import { createElement } from 'react';
import type { ReactElement } from 'react';
import { useForm } from 'react-hook-form';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ReviewComputed, ReviewContent } from '../../src/domain/course-review';
import { emptyReview } from '../../src/domain/course-review';
import type { ReviewFormValues } from '../../src/renderer/features/reviews/review-form';
import { reviewContentFrom, reviewFormValues } from '../../src/renderer/features/reviews/review-form';
import { ReviewDecisionSection } from '../../src/renderer/features/reviews/ReviewDecisionSection';
import { ReviewView } from '../../src/renderer/features/reviews/ReviewView';
import { fieldMessages } from '../../src/renderer/lib/field-messages';

function DecisionForm({ values }: { values: ReviewFormValues }): ReactElement {
  const { register } = useForm<ReviewFormValues>({ defaultValues: values });
  return createElement(ReviewDecisionSection, { register, values, messages: fieldMessages([]) });
}

const decisionHtml = (values: ReviewFormValues) => renderToStaticMarkup(createElement(DecisionForm, { values }));

const computed: ReviewComputed = {
  plan: {
    recordId: 12,
    versionId: 41,
    version: 2,
    drugName: 'Ketamine hydrochloride',
    signedAt: '2026-11-02T14:00:00.000Z',
    signedBy: 'Ana Ruiz, MD',
    plannedInfusions: 6,
  },
  sessionsCharted: 6,
  sessionsCompleted: 6,
  sessionsWithoutDose: 0,
  seriesMg: '217.2',
  patientTotalMg: '1217.2',
  scales: [{ scale: 'phq9', name: 'PHQ-9', baseline: 18, latest: 7, latestSeriesNumber: 6 }],
};

describe('the course review form', () => {
  it('offers the four outcomes and four decisions, none chosen, each a labelled radio', () => {
    const html = decisionHtml(reviewFormValues(emptyReview(12)));
    for (const label of ['Response', 'Partial response', 'No response', 'Intolerance']) expect(html).toContain(label);
    for (const label of ['Continue the series', 'Maintenance', 'Pause', 'Stop']) expect(html).toContain(label);
    expect(html.match(/type="radio"/g)).toHaveLength(8);
    expect(html).not.toContain('checked');
    expect(html).toContain('<legend class="field-label">Outcome</legend>');
    expect(html).toContain('for="review-reason"');
  });

  it('asks the interval only once maintenance is the decision', () => {
    const values = reviewFormValues(emptyReview(12));
    expect(decisionHtml(values)).not.toContain('review-maintenanceIntervalDays');
    const maintenance = decisionHtml({ ...values, decision: 'maintenance' });
    expect(maintenance).toContain('for="review-maintenanceIntervalDays"');
    expect(maintenance).toContain('Interval between maintenance infusions (days)');
  });

  it('reads what is typed into content, dropping an interval left from an earlier maintenance choice', () => {
    const typed: ReviewFormValues = {
      reviewDate: '01-Dec-2026',
      outcome: 'response',
      decision: 'continue',
      maintenanceIntervalDays: '28',
      reason: 'PHQ-9 down from 18 to 7',
      notes: '',
    };
    expect(reviewContentFrom(typed, 12)).toEqual({
      content: {
        planRecordId: 12,
        reviewDate: '2026-12-01',
        outcome: 'response',
        decision: 'continue',
        maintenanceIntervalDays: null,
        reason: 'PHQ-9 down from 18 to 7',
        notes: '',
      },
      issues: [],
    });
    const maintenance = reviewContentFrom({ ...typed, decision: 'maintenance', maintenanceIntervalDays: 'two' }, 12);
    expect(maintenance.issues.map((issue) => issue.path)).toEqual(['maintenanceIntervalDays']);
    expect(reviewContentFrom({ ...typed, decision: 'maintenance' }, 12).content.maintenanceIntervalDays).toBe(28);
  });
});

describe('a signed course review, read-only', () => {
  const content: ReviewContent = {
    planRecordId: 12,
    reviewDate: '2026-12-01',
    outcome: 'partial',
    decision: 'maintenance',
    maintenanceIntervalDays: 28,
    reason: 'PHQ-9 down from 18 to 7',
    notes: '',
  };

  it('shows the series’ figures as signed, the outcome, decision and reason in words', () => {
    const html = renderToStaticMarkup(createElement(ReviewView, { content, computed, timeZone: 'America/New_York' }));
    expect(html).toContain('Ketamine hydrochloride infusion plan, record 12 version 2');
    expect(html).toContain('6 charted of 6 planned, 6 completed');
    expect(html).toContain('217.2');
    expect(html).toContain('1,217.2');
    expect(html).toContain('baseline 18 (exam), latest 7 (session 6)');
    expect(html).toContain('Partial response');
    expect(html).toContain('Maintenance, every 28 days');
    expect(html).toContain('01-Dec-2026');
    expect(html).toContain('None recorded');
    expect(html).not.toContain('<input');
  });

  it('reads "Not known" for what a draft has not recorded, and shows no figures before signing', () => {
    const html = renderToStaticMarkup(
      createElement(ReviewView, { content: emptyReview(12), computed: null, timeZone: 'UTC' }),
    );
    expect(html.match(/Not known/g)).toHaveLength(3);
    expect(html).not.toContain('Series reviewed');
  });
});
