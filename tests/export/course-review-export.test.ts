import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src/export/export-file';
import type { ReviewLedger } from '../support/course-review-ledger';
import { reviewLedger, reviewVersionOf, signedReview } from '../support/course-review-ledger';
import { staffPassword } from '../support/test-app';
import { allNdjsonResources, csvRecords, fileText, resourceById } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { r4Report } from './support/r4-validator';
import { serviceExportFiles } from './support/service-export';

let ledger: ReviewLedger;
let files: ExportFile[];
let reviewId: number;
let stoppedId: number;

beforeAll(() => {
  ledger = reviewLedger();
  const { app, physician } = ledger;
  // Maintenance first, then a later review of the same series decides to stop; the first is amended.
  reviewId = signedReview(ledger).id;
  const amending = app.ok(physician, 'records.amend', { recordId: reviewId, reason: 'Interval misrecorded' });
  const draft = reviewVersionOf(amending);
  app.ok(physician, 'records.saveDraft', {
    type: 'review',
    versionId: draft.id,
    content: { ...draft.content, maintenanceIntervalDays: 21 },
  });
  app.ok(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password: staffPassword });
  stoppedId = signedReview(ledger, { decision: 'stop', maintenanceIntervalDays: null, outcome: 'none' }).id;
  files = serviceExportFiles(app.ledger);
});
afterAll(() => ledger.app.cleanup());

describe('a signed course review in the export', () => {
  it('is a ClinicalImpression per signed version and a CarePlan for the series, valid R4 by both validators', () => {
    const resources = allNdjsonResources(files);
    const impression = resourceById(resources, 'ClinicalImpression', `review-${reviewId}-v2`);
    expect(impression).toMatchObject({
      status: 'completed',
      subject: { reference: `Patient/patient-${ledger.patientId}` },
      summary: 'Partial response: Pain down from 7 to 3; tolerated well.',
      prognosisCodeableConcept: [{ text: 'Decision: Maintenance, every 21 days' }],
      supportingInfo: [
        { reference: `MedicationRequest/plan-${ledger.plan.planRecordId}-v1` },
        { reference: `CarePlan/plan-${ledger.plan.planRecordId}-series` },
      ],
    });
    expect(resourceById(resources, 'ClinicalImpression', `review-${reviewId}-v1`)).toBeDefined();
    // The latest signed review of the series decided to stop: the series' CarePlan is completed.
    const carePlan = resourceById(resources, 'CarePlan', `plan-${ledger.plan.planRecordId}-series`);
    expect(carePlan).toMatchObject({
      status: 'completed',
      intent: 'plan',
      activity: [{ reference: { reference: `MedicationRequest/plan-${ledger.plan.planRecordId}-v1` } }],
      supportingInfo: [{ reference: `ClinicalImpression/review-${stoppedId}-v1` }],
    });
    // Every reference points at a resource of the export.
    const produced = new Set(resources.map((resource) => `${resource.resourceType}/${resource.id ?? ''}`));
    for (const resource of [impression, carePlan]) {
      for (const found of JSON.stringify(resource).matchAll(/"reference":"([^"]+)"/g)) {
        expect(produced, found[1]).toContain(found[1]?.replace(/\/_history\/.*$/, ''));
      }
    }
    // The amendment's Provenance targets the new ClinicalImpression and names the one it replaced.
    const amendment = resources.find(
      (resource) => resource.resourceType === 'Provenance' && resource.id === `review-${reviewId}-v2-amendment`,
    );
    expect(JSON.stringify(amendment)).toContain(`ClinicalImpression/review-${reviewId}-v1`);
    const mine = resources.filter((resource) =>
      ['ClinicalImpression', 'CarePlan', 'Provenance'].includes(resource.resourceType),
    );
    const reports = mine.map(r4Report);
    expect(reports.flatMap((report) => report.errors)).toEqual([]);
    expect(reports.flatMap((report) => report.warnings)).toEqual([]);
    expect(mine.flatMap(requiredBindingErrors)).toEqual([]);
  }, 300_000);

  it('lists every version in reviews.csv with the figures frozen at signing', () => {
    const rows = csvRecords(fileText(files, 'csv/reviews.csv')).filter((row) => row.record_id === String(reviewId));
    expect(rows.map((row) => [row.version, row.status, row.maintenance_interval_days])).toEqual([
      ['1', 'Superseded', '28'],
      ['2', 'Amended', '21'],
    ]);
    expect(rows[1]).toMatchObject({
      outcome: 'Partial response',
      decision: 'Maintenance',
      series_mg: '54.3',
      patient_total_mg: '57.92',
      sessions_charted: '3',
      sessions_completed: '2',
      pain_nrs_baseline: '7',
      pain_nrs_latest: '5',
      amendment_reason: 'Interval misrecorded',
    });
  });
});
