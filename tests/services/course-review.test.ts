import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAllSignedVersions } from '../../src/db/records-repo';
import type { ReviewLedger } from '../support/course-review-ledger';
import { completeReview as complete, reviewLedger, reviewVersionOf as draftOf } from '../support/course-review-ledger';
import { auditSince } from '../support/ledger-state';
import { staffPassword } from '../support/test-app';

let app: ReviewLedger['app'];
let physician: ReviewLedger['physician'];
let nurse: ReviewLedger['nurse'];
let auditor: ReviewLedger['auditor'];
let patientId: number;
let plan: ReviewLedger['plan'];
let otherPlan: ReviewLedger['otherPlan'];
beforeAll(() => {
  ({ app, physician, nurse, auditor, patientId, plan, otherPlan } = reviewLedger());
});
afterAll(() => app.cleanup());

describe('course review', () => {
  it('is drafted, signed with the series figures frozen in exact decimals, amended with a reason, and verifies', () => {
    const before = app.ledger.raw.prepare('SELECT MAX(seq) FROM audit_log').pluck().get() as number;
    const created = app.ok(physician, 'records.create', {
      type: 'review',
      patientId,
      planRecordId: plan.planRecordId,
    });
    const draft = draftOf(created);
    expect(draft.content.planRecordId).toBe(plan.planRecordId);
    const createdAudit = auditSince(app.ledger.raw, before).find((entry) => entry.action === 'record.created');
    expect(createdAudit).toMatchObject({ entityType: 'review', details: { planRecordId: plan.planRecordId } });
    expect(draft.content.outcome).toBeNull();
    // The editor sees the figures as they stand, before signing.
    expect(draft.draftFigures?.seriesMg).toBe('54.3');

    const incomplete = app.call(physician, 'records.sign', {
      versionId: draft.id,
      meaning: 'authored',
      username: 'physician',
      password: staffPassword,
    });
    expect(incomplete.ok === false && incomplete.error.code).toBe('NOT_READY_TO_SIGN');
    if (incomplete.ok) return;
    expect(incomplete.error.issues?.map((issue) => issue.path).sort()).toEqual([
      'decision',
      'outcome',
      'reason',
      'reviewDate',
    ]);

    app.ok(physician, 'records.saveDraft', {
      type: 'review',
      versionId: draft.id,
      content: complete(plan.planRecordId),
    });
    const signed = app.ok(physician, 'records.sign', {
      versionId: draft.id,
      meaning: 'authored',
      username: 'physician',
      password: staffPassword,
    });
    const v1 = draftOf(signed);
    expect(v1.displayStatus).toBe('Signed');
    expect(v1.computed).toEqual({
      plan: {
        recordId: plan.planRecordId,
        versionId: plan.planVersionId,
        version: 1,
        drugName: expect.any(String) as string,
        signedAt: expect.any(String) as string,
        signedBy: 'Test physician, MD',
        plannedInfusions: 6,
      },
      sessionsCharted: 3,
      sessionsCompleted: 2,
      sessionsWithoutDose: 1,
      seriesMg: '54.3',
      patientTotalMg: '57.92',
      scales: [
        { scale: 'phq9', name: 'PHQ-9', baseline: 8, latest: 3, latestSeriesNumber: 2 },
        { scale: 'painNrs', name: 'Pain (NRS 0–10)', baseline: 7, latest: 5, latestSeriesNumber: 3 },
      ],
    });
    expect(v1.draftFigures).toBeUndefined();

    // Signed means frozen: a correction is an amendment, the original stays readable.
    const frozen = app.call(physician, 'records.saveDraft', {
      type: 'review',
      versionId: v1.id,
      content: complete(plan.planRecordId, { outcome: 'response' }),
    });
    expect(frozen.ok === false && frozen.error.code).toBe('FROZEN');
    const seq = app.ledger.raw.prepare('SELECT MAX(seq) FROM audit_log').pluck().get() as number;
    const amending = app.ok(physician, 'records.amend', {
      recordId: created.id,
      reason: 'Outcome misrecorded: the response criteria were met',
    });
    const v2 = draftOf(amending);
    expect(v2.amendsVersionId).toBe(v1.id);
    app.ok(physician, 'records.saveDraft', {
      type: 'review',
      versionId: v2.id,
      content: complete(plan.planRecordId, { outcome: 'response', decision: 'stop', maintenanceIntervalDays: null }),
    });
    const amended = app.ok(physician, 'records.sign', {
      versionId: v2.id,
      meaning: 'authored',
      password: staffPassword,
    });
    expect(amended.versions.map((version) => version.displayStatus)).toEqual(['Superseded', 'Amended']);
    const original = amended.versions[0];
    expect(original?.recordType === 'review' && original.content.outcome).toBe('partial');
    expect(auditSince(app.ledger.raw, seq).map((entry) => entry.action)).toEqual(
      expect.arrayContaining(['record.amendment-started', 'record.draft-saved', 'record.signed']),
    );
    expect(app.ok(auditor, 'records.verify', { recordId: created.id }).ok).toBe(true);
    expect(verifyAllSignedVersions(app.ledger.db).failures).toEqual([]);
  });

  it('asks the maintenance interval only for maintenance', () => {
    const view = app.ok(physician, 'records.create', { type: 'review', patientId, planRecordId: plan.planRecordId });
    const draft = draftOf(view);
    app.ok(physician, 'records.saveDraft', {
      type: 'review',
      versionId: draft.id,
      content: complete(plan.planRecordId, { maintenanceIntervalDays: null }),
    });
    const result = app.call(physician, 'records.sign', {
      versionId: draft.id,
      meaning: 'authored',
      password: staffPassword,
    });
    expect(result.ok === false && result.error.issues?.map((issue) => issue.path)).toEqual(['maintenanceIntervalDays']);
    app.ok(physician, 'records.discardDraft', { versionId: draft.id });
  });

  it('stores a signed PDF of the review that pdfsig verifies', () => {
    const view = app.ok(physician, 'records.create', { type: 'review', patientId, planRecordId: plan.planRecordId });
    const draft = draftOf(view);
    app.ok(physician, 'records.saveDraft', {
      type: 'review',
      versionId: draft.id,
      content: complete(plan.planRecordId),
    });
    app.ok(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password: staffPassword });
    const stored = app.ok(auditor, 'documents.forVersion', { versionId: draft.id });
    expect(stored.fileName).toBe(`review-${view.id}-v1.pdf`);
    const file = join(app.dir, stored.fileName);
    writeFileSync(file, Buffer.from(stored.pdfBase64, 'base64'));
    const report = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Total document signed');
    expect(app.ok(nurse, 'documents.verify', { pdfBase64: stored.pdfBase64 }).valid).toBe(true);
  });

  it('may be created by a physician only', () => {
    for (const session of [nurse, auditor]) {
      const result = app.call(session, 'records.create', {
        type: 'review',
        patientId,
        planRecordId: plan.planRecordId,
      });
      expect(result.ok === false && result.error.code).toBe('FORBIDDEN');
    }
  });

  it('refuses a plan of another patient, at creation and at signing', () => {
    const refused = app.call(physician, 'records.create', {
      type: 'review',
      patientId,
      planRecordId: otherPlan.planRecordId,
    });
    expect(refused.ok === false && refused.error.code).toBe('INVALID_INPUT');
    // A draft edited to name another patient's plan is refused at signing.
    const view = app.ok(physician, 'records.create', { type: 'review', patientId, planRecordId: plan.planRecordId });
    const draft = draftOf(view);
    app.ok(physician, 'records.saveDraft', {
      type: 'review',
      versionId: draft.id,
      content: complete(otherPlan.planRecordId),
    });
    const signing = app.call(physician, 'records.sign', {
      versionId: draft.id,
      meaning: 'authored',
      password: staffPassword,
    });
    expect(signing.ok === false && signing.error.code).toBe('INVALID_INPUT');
    expect(app.ledger.raw.prepare('SELECT status FROM record_versions WHERE id = ?').pluck().get(draft.id)).toBe(
      'draft',
    );
  });

  it('refuses a record that is not a plan', () => {
    const exam = app.ok(physician, 'records.list', { patientId }).records.find((record) => record.type === 'exam');
    const result = app.call(physician, 'records.create', {
      type: 'review',
      patientId,
      planRecordId: exam?.id ?? 0,
    });
    expect(result.ok === false && result.error.code).toBe('NOT_FOUND');
  });
});
