import { describe, expect, it } from 'vitest';
import type { ReviewComputed, ReviewContent } from '../../src/domain/course-review';
import { emptyReview, reviewContentSchema, reviewSigningProblems } from '../../src/domain/course-review';
import { decisionText, outcomeText, scaleText, seriesMgText, sessionsText } from '../../src/domain/course-review-text';
import { contentSchemas, recordTypeLabels, recordTypes } from '../../src/domain/record';
import { recordVersionViewSchema } from '../../src/domain/record-view';

const complete: ReviewContent = {
  planRecordId: 4,
  reviewDate: '2026-12-01',
  outcome: 'response',
  decision: 'continue',
  maintenanceIntervalDays: null,
  reason: 'PHQ-9 down from 18 to 7.',
  notes: '',
};

describe('the course review content', () => {
  it('is a record type of its own, labelled "Course review", with its own content schema', () => {
    expect(recordTypes).toContain('review');
    expect(recordTypeLabels.review).toBe('Course review');
    expect(contentSchemas.review.parse(complete)).toEqual(complete);
  });

  it('starts empty but for its plan: no outcome or decision is chosen for the physician', () => {
    expect(emptyReview(4)).toEqual({
      planRecordId: 4,
      reviewDate: null,
      outcome: null,
      decision: null,
      maintenanceIntervalDays: null,
      reason: '',
      notes: '',
    });
    expect(reviewContentSchema.safeParse(emptyReview(4)).success).toBe(true);
  });

  it('says what is missing before signing, field by field', () => {
    expect(reviewSigningProblems(emptyReview(4)).map((problem) => problem.path)).toEqual([
      'reviewDate',
      'outcome',
      'decision',
      'reason',
    ]);
    expect(reviewSigningProblems(complete)).toEqual([]);
    expect(reviewSigningProblems({ ...complete, reason: '   ' }).map((problem) => problem.path)).toEqual(['reason']);
  });

  it('requires the maintenance interval for maintenance, and only then', () => {
    const maintenance = { ...complete, decision: 'maintenance' as const };
    expect(reviewSigningProblems(maintenance).map((problem) => problem.path)).toEqual(['maintenanceIntervalDays']);
    expect(reviewSigningProblems({ ...maintenance, maintenanceIntervalDays: 28 })).toEqual([]);
    expect(reviewSigningProblems({ ...complete, maintenanceIntervalDays: 28 }).map((problem) => problem.path)).toEqual([
      'maintenanceIntervalDays',
    ]);
    expect(reviewContentSchema.safeParse({ ...maintenance, maintenanceIntervalDays: 0 }).success).toBe(false);
    expect(reviewContentSchema.safeParse({ ...maintenance, maintenanceIntervalDays: 1.5 }).success).toBe(false);
  });

  it('refuses outcomes and decisions outside the lists', () => {
    expect(reviewContentSchema.safeParse({ ...complete, outcome: 'remission' }).success).toBe(false);
    expect(reviewContentSchema.safeParse({ ...complete, decision: 'increase-dose' }).success).toBe(false);
  });

  it('reads in words: outcome, decision with its interval', () => {
    expect(outcomeText({ ...complete, outcome: 'none' })).toBe('No response');
    expect(outcomeText({ ...complete, outcome: 'partial' })).toBe('Partial response');
    expect(decisionText(complete)).toBe('Continue the series');
    expect(decisionText({ ...complete, decision: 'maintenance', maintenanceIntervalDays: 28 })).toBe(
      'Maintenance, every 28 days',
    );
    expect(decisionText({ ...complete, decision: 'pause' })).toBe('Pause');
    expect(decisionText({ ...complete, decision: null })).toBe('Not known');
  });
});

describe('the figures of the series reviewed', () => {
  const computed: ReviewComputed = {
    plan: {
      recordId: 4,
      versionId: 9,
      version: 1,
      drugName: 'Ketamine',
      signedAt: null,
      signedBy: null,
      plannedInfusions: 6,
    },
    sessionsCharted: 3,
    sessionsCompleted: 2,
    sessionsWithoutDose: 1,
    seriesMg: '1217.2',
    patientTotalMg: '1217.2',
    scales: [{ scale: 'phq9', name: 'PHQ-9', baseline: 18, latest: null, latestSeriesNumber: null }],
  };

  it('print as recorded, with thousands separators and what was not counted', () => {
    expect(sessionsText(computed)).toBe('3 charted of 6 planned, 2 completed (infusion end charted)');
    expect(seriesMgText(computed)).toBe(
      '1,217.2\u00a0mg (the sum of each session’s infused dose; 1 session without a volume infused not counted)',
    );
    expect(scaleText(computed.scales[0] ?? ({} as never))).toBe('baseline 18 (exam), latest Not recorded');
  });

  it('are optional in a version view: a draft has none, a review signed has them', () => {
    const base = {
      id: 1,
      recordId: 2,
      version: 1,
      status: 'draft',
      displayStatus: 'Draft',
      amendsVersionId: null,
      amendmentReason: null,
      supersededByVersionId: null,
      examVersionId: null,
      formularyVersion: null,
      authorUserId: 1,
      authorPrintedName: 'A',
      createdAt: '',
      updatedAt: '',
      signedAt: null,
      contentSha256: null,
      signatures: [],
      recordType: 'review',
      content: emptyReview(4),
    };
    expect(recordVersionViewSchema.safeParse({ ...base, computed: null }).success).toBe(true);
    expect(recordVersionViewSchema.safeParse({ ...base, computed }).success).toBe(true);
  });
});
