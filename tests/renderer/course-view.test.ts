import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeExam, planWith } from '../../src/cli/demo-clinical';
import type { Patient } from '../../src/domain/patient';
import type { RecordView } from '../../src/domain/record-view';
import type { ResponseDefinition } from '../../src/domain/response-definitions';
import { definitionsAsWorded } from '../../src/domain/response-definitions';
import { emptyScales } from '../../src/domain/scales';
import type { SessionCourseItem } from '../../src/domain/session-course';
import { infusedDose } from '../../src/domain/session-infused-dose';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import { localDate } from '../../src/domain/time';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { Course } from '../../src/renderer/features/sessions/CoursePage';
import { coursePoints } from '../../src/renderer/features/sessions/course-points';
import { courseSeries } from '../../src/renderer/features/sessions/course-series';
import { planVersionOf } from '../../src/renderer/features/sessions/plan-version';
import { patientInput } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

/**
 * The course view as the browser gets it (React's server renderer), from a real ledger's
 * exam and plans and sessions charted against them: baseline, change and definitions met.
 */
const clinic = { name: 'Harbor Infusion Clinic', address: '', timeZone: 'UTC', autoLockMinutes: 10 };
const signIn = {
  state: 'active',
  clinic,
  user: { id: 2, username: 'physician', displayName: 'Ana Ruiz', credentials: 'MD', role: 'physician' },
  serverTime: '2026-11-23T15:00:00.000Z',
  locksAt: '2026-11-23T16:00:00.000Z',
};
const context = { signIn } as unknown as SignInContextValue;
const text = (element: ReactElement) =>
  renderToStaticMarkup(
    createElement(MemoryRouter, null, createElement(SignInContext.Provider, { value: context }, element)),
  )
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

const definitions: ResponseDefinition[] = [
  { id: 'response', label: 'Response', scale: 'phq9', rule: { type: 'percent-drop', percent: '50' }, retired: false },
  { id: 'remission', label: 'Remission', scale: 'phq9', rule: { type: 'below', value: 5 }, retired: false },
  {
    id: 'pain',
    label: 'Pain response',
    scale: 'painNrs',
    rule: { type: 'percent-drop', percent: '30' },
    retired: false,
  },
];

let app: TestApp;
let patient: Patient;
let records: RecordView[];
let goalPlan: { recordId: number; versionId: number };
let oldPlan: { recordId: number; versionId: number };

/** A signed exam (PHQ-9 total 18, pain 7) and a signed plan on it; the goal only when given. */
function signedSeries(physician: Parameters<TestApp['ok']>[0], goal: boolean) {
  const today = localDate(new Date(), 'UTC');
  const exam = app.ok(physician, 'records.create', { type: 'exam', patientId: patient.id });
  const examVersionId = exam.versions[0]?.id ?? 0;
  // Item 9 answered 0: a positive answer is another point of the issue, asked before signing.
  const scales = { ...emptyScales, phq9: [3, 3, 3, 3, 3, 3, 0, 0, 0], painNrs: 7 };
  app.ok(physician, 'records.saveDraft', {
    type: 'exam',
    versionId: examVersionId,
    content: completeExam(today, { scales }),
  });
  app.ok(physician, 'records.sign', {
    versionId: examVersionId,
    meaning: 'authored',
    username: 'physician',
    password: staffPassword,
  });
  const plan = app.ok(physician, 'records.create', { type: 'plan', patientId: patient.id, examRecordId: exam.id });
  const draft = plan.versions[0];
  if (draft?.recordType !== 'plan') throw new Error('no plan draft');
  const courseGoal = {
    goal: 'Able to work full days again',
    responseDefinitionIds: ['response', 'remission'],
    definitionsAsWorded: definitionsAsWorded(['response', 'remission'], definitions),
  };
  app.ok(physician, 'records.saveDraft', {
    type: 'plan',
    versionId: draft.id,
    content: planWith(draft.content.weight, goal ? { courseGoal } : {}),
  });
  app.ok(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password: staffPassword });
  return { recordId: plan.id, versionId: draft.id };
}

const at = (day: number, minute = 0) => new Date(Date.UTC(2026, 10, day, 15, minute)).toISOString();

/**
 * A session charted against a plan, as `sessions.course` gives it: its checklist's PHQ-9 total
 * and pain, and the drug the volume infused carries at the plan's concentration.
 */
function session(
  id: number,
  plan: { recordId: number; versionId: number },
  day: number,
  phq9Each: number,
  pain: number,
  volumeMl: string | null,
): SessionCourseItem {
  const content = planVersionOf(records, plan.recordId, plan.versionId)?.content;
  if (content === undefined) throw new Error('no plan version');
  return {
    id,
    patientId: patient.id,
    planRecordId: plan.recordId,
    planVersionId: plan.versionId,
    seriesNumber: id,
    seriesTotal: 6,
    createdAt: at(day),
    createdByPrintedName: 'Li Chen, RN',
    status: 'Signed',
    startedAt: at(day, 5),
    endedAt: volumeMl === null ? null : at(day, 45),
    doseGivenMg: volumeMl === null ? null : (infusedDose(volumeMl, content)?.mg ?? null),
    signed: true,
    phq9: phq9Each * 9,
    gad7: null,
    pcl5: null,
    painBefore: pain,
    painLastCheck: null,
  };
}

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'UTC');
  const physician = signedInUser(app, admin, 'physician');
  saveFormulary(app, admin);
  patient = app.ok(physician, 'patients.create', {
    patient: patientInput({ mrn: 'CV-1', familyName: 'Okafor', givenNames: 'Chiamaka', dateOfBirth: '1975-05-05' }),
  });
  // The first series was planned before the clinic configured any definitions: no goal.
  oldPlan = signedSeries(physician, false);
  app.ok(admin, 'clinic.sessionConfiguration.update', {
    expectedVersion: 0,
    content: { ...starterSessionConfiguration, responseDefinitions: definitions },
  });
  goalPlan = signedSeries(physician, true);
  records = app.ok(physician, 'records.list', { patientId: patient.id }).records;
});
afterAll(() => app.cleanup());

describe('the course view', () => {
  it('shows each series with its goal, baseline, every value, the change and the definitions met', () => {
    const sessions = [
      session(1, oldPlan, 2, 2, 7, '100.724'),
      session(2, goalPlan, 9, 1, 6, '100.724'),
      session(3, goalPlan, 16, 0, 4, '50.362'),
      session(4, goalPlan, 23, 0, 4, null),
    ];
    const page = text(createElement(Course, { patient, sessions, records, definitions: definitions.slice(0, 2) }));
    // The first series: no goal on its plan, so the clinic's definitions now, said so.
    expect(page).toContain('Series 1');
    expect(page).toContain('No goal recorded on the plan');
    expect(page).toContain('The plan recorded none: your clinic’s definitions in force now.');
    // The second: its goal and definitions as the plan worded them.
    expect(page).toContain('Able to work full days again');
    expect(page).toContain('As worded in the plan when it was saved.');
    expect(page).toContain('PHQ-9 (0–27): Baseline 18 (at the exam the plan rests on)');
    expect(page).toContain('−9 points (−50%)');
    expect(page).toContain('Response met (PHQ-9 down at least 50% from baseline)');
    expect(page).toContain('Remission met (PHQ-9 below 5)');
    expect(page).toContain('Remission not met (PHQ-9 below 5)');
    expect(page).toContain('Pain (NRS) (0–10): Baseline 7 (at the exam the plan rests on)');
    expect(page).toContain('−3 points (≈ −42.9%)');
    // The drug given, from the sessions' volumes: 36.2 + 36.2 + 18.1 mg, the last session not counted.
    expect(page).toContain('90.5 mg over 3 sessions; 1 session has no volume infused charted and is not counted');
    expect(page).toContain('54.3 mg over 2 sessions; 1 session has no volume infused charted and is not counted');
    // The existing table of totals is still there.
    expect(page).toContain('Scale totals and pain at each infusion');
    // The list of sessions keeps its columns: the drug given is summed above, not per row.
    expect(page).toContain('Infusion Date Status Nurse');
    expect(page).not.toContain('Not charted');
  });

  it('groups by plan in the order the series began, and says when nothing is recorded', () => {
    const points = coursePoints([session(5, goalPlan, 9, 1, 6, '100.724'), session(6, oldPlan, 2, 2, 7, null)]);
    const { series, total } = courseSeries(points, records, undefined);
    expect(series.map((one) => one.planRecordId)).toEqual([oldPlan.recordId, goalPlan.recordId]);
    expect(series[0]?.definitions).toEqual([]);
    expect(total).toMatchObject({ totalMg: '36.2', counted: 1, uncounted: 1 });
    const empty = text(createElement(Course, { patient, sessions: [], records, definitions: undefined }));
    expect(empty).toContain('No infusion sessions charted yet.');
    expect(empty).not.toContain('Drug given');
  });
});
