import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/contract/methods';
import { cumulativeDose, sessionDose } from '../../src/domain/cumulative-dose';
import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import { lastEntryIdOf } from '../../src/domain/session-view';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import {
  administrationEvent,
  signedPlanFor,
  startedBeforeSigning,
  testChecklist,
  testObservation,
  testVitals,
} from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';

/**
 * The chart's paged list of sessions and the drug given, held against the full views of
 * `sessions.list`: the same status, dates, nurse and dose, every session once across pages.
 */

let app: TestApp;
let nurse: SignIn;
let auditor: SignIn;
let patientId: number;
let otherPatientId: number;
const sessionCount = 27;
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

/** One infusion: started, charted, ended with a volume (some with none), discharged; some signed, the last open. */
function chartSession(
  plan: { planRecordId: number; planVersionId: number },
  index: number,
  physicianUserId: number,
  last: boolean,
  minutesAgo = 10_000 - index * 120,
): void {
  const started = app.ok(nurse, 'sessions.start', {
    ...plan,
    occurredAt: at(minutesAgo),
    checklist: testChecklist,
    timingReason: startedBeforeSigning,
    supervision: { physicianUserId, availability: 'on-site' },
  });
  const add = (minutes: number, entry: MethodInput<'sessions.addEntry'>['entry']) =>
    app.ok(nurse, 'sessions.addEntry', { sessionId: started.id, occurredAt: at(minutesAgo - minutes), entry });
  add(1, administrationEvent('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }));
  add(10, { kind: 'observation', content: testObservation });
  if (last) return;
  const volume = index % 5 === 3 ? null : `${50 + index}`;
  if (volume !== null) {
    add(
      40,
      administrationEvent('end', { volumeInfusedMl: volume, wasteMg: '0', reason: 'Test: less than planned went in' }),
    );
  } else {
    add(40, administrationEvent('stop', { reason: 'Test: stopped early' }));
  }
  const discharged = add(60, {
    kind: 'discharge',
    content: {
      criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
      vitals: testVitals,
      escortName: 'Luis Ruiz',
      instructionsGiven: true,
      notes: '',
    },
  });
  if (index % 9 === 0) {
    app.ok(nurse, 'sessions.sign', {
      sessionId: started.id,
      lastEntryId: lastEntryIdOf(discharged),
      meaning: 'performed',
      username: 'nurse',
      password: staffPassword,
    });
  }
}

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'UTC');
  const physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  auditor = signedInUser(app, admin, 'auditor');
  saveFormulary(app, admin);
  patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'L-1', familyName: 'Lindqvist', givenNames: 'Maja', dateOfBirth: '1970-01-02' }),
  }).id;
  otherPatientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'L-2', familyName: 'Okoro', givenNames: 'Ada', dateOfBirth: '1980-03-04' }),
  }).id;
  const first = signedPlanFor(app, physician, patientId);
  const other = signedPlanFor(app, physician, otherPatientId);
  const physicianUserId = physician.userId ?? 0;
  for (let index = 0; index < sessionCount; index += 1) {
    // A second plan from the middle on: the counts and doses are per series.
    const plan = index < 12 ? first : index === 12 ? signedPlanFor(app, physician, patientId) : undefined;
    chartSession(plan ?? secondPlan, index, physicianUserId, index === sessionCount - 1);
    if (index === 12) secondPlan = plan ?? secondPlan;
    if (index === 4) chartSession(other, 3, physicianUserId, false, 20_000);
  }
}, 120_000);
let secondPlan: { planRecordId: number; planVersionId: number } = { planRecordId: 1, planVersionId: 1 };
afterAll(() => app.cleanup());

function allPages(limit: number): { ids: number[]; pages: number } {
  const ids: number[] = [];
  let before: number | undefined;
  let pages = 0;
  for (;;) {
    const page = app.ok(auditor, 'sessions.page', {
      patientId,
      limit,
      ...(before === undefined ? {} : { beforeSessionId: before }),
    });
    pages += 1;
    ids.push(...page.sessions.map((session) => session.id));
    if (page.olderBefore === null) return { ids, pages };
    expect(page.sessions).toHaveLength(limit);
    before = page.olderBefore;
  }
}

describe('sessions.page', () => {
  it('lists what the full views show, newest first, with the open session and the count per plan', () => {
    const full = app.ok(auditor, 'sessions.list', { patientId }).sessions;
    expect(full).toHaveLength(sessionCount);
    const page = app.ok(auditor, 'sessions.page', { patientId, limit: 100 });
    expect(page.total).toBe(sessionCount);
    expect(page.olderBefore).toBeNull();
    expect(page.sessions.map((item) => item.id)).toEqual(full.map((view) => view.id));
    for (const [index, item] of page.sessions.entries()) {
      const view = full[index];
      if (view === undefined) throw new Error('missing view');
      expect(item).toMatchObject({
        id: view.id,
        planRecordId: view.planRecordId,
        planVersionId: view.planVersionId,
        seriesNumber: view.seriesNumber,
        seriesTotal: view.seriesTotal,
        createdAt: view.createdAt,
        createdByPrintedName: view.createdByPrintedName,
        status: view.status,
        startedAt: view.startedAt,
        endedAt: view.endedAt,
        signed: view.signatures.some((signature) => signature.meaning === 'performed'),
      });
    }
    expect(page.sessions.filter((item) => item.signed).length).toBe(3);
    expect(page.open?.id).toBe(full[0]?.id);
    expect(page.open?.status).toBe('Running');
    expect(page.series.map((one) => one.charted)).toEqual([12, sessionCount - 12]);
    const given = page.sessions.find((item) => item.doseGivenMg !== null);
    expect(given?.doseGivenMg).toMatch(/^\d+(\.\d+)?$/);
    expect(page.sessions.filter((item) => item.doseGivenMg === null).length).toBeGreaterThan(1);
  });

  it('pages the same sessions at any page size: every one once, none left out', () => {
    const every = app.ok(auditor, 'sessions.page', { patientId, limit: 100 }).sessions.map((item) => item.id);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), (limit) => {
        const { ids, pages } = allPages(limit);
        expect(ids).toEqual(every);
        expect(pages).toBe(Math.max(1, Math.ceil(sessionCount / limit)));
      }),
      { numRuns: 30 },
    );
  });

  it('keeps the open session beside the pages when it falls on an older one', () => {
    const first = app.ok(auditor, 'sessions.page', { patientId, limit: 2 });
    const older = app.ok(auditor, 'sessions.page', { patientId, limit: 2, beforeSessionId: first.olderBefore ?? 1 });
    expect(older.open?.id).toBe(first.sessions[0]?.id);
    expect(older.sessions.map((item) => item.id)).not.toContain(first.sessions[0]?.id);
  });

  it('refuses an unknown patient and a page size out of range, and changes nothing', () => {
    const unknown = app.call(auditor, 'sessions.page', { patientId: 9999 });
    expect(unknown.ok === false && unknown.error.code).toBe('NOT_FOUND');
    for (const limit of [0, 101, 2.5]) {
      const bad = app.call(auditor, 'sessions.page', { patientId, limit });
      expect(bad.ok === false && bad.error.code).toBe('INVALID_INPUT');
    }
    expect(app.ok(auditor, 'sessions.page', { patientId: otherPatientId }).total).toBe(1);
  });
});

describe('sessions.doses', () => {
  it('adds up exactly what the chart added up from the full views and the plans', () => {
    const full = app.ok(auditor, 'sessions.list', { patientId }).sessions;
    const records = app.ok(auditor, 'records.list', { patientId }).records;
    const contentOf = (planRecordId: number, versionId: number) => {
      const version = records
        .find((record) => record.id === planRecordId)
        ?.versions.find((candidate) => candidate.id === versionId);
      return version?.recordType === 'plan' ? version.content : null;
    };
    const expected = cumulativeDose(
      [...full]
        .sort((a, b) => a.id - b.id)
        .map((view) => sessionDose(view, contentOf(view.planRecordId, view.planVersionId))),
    );
    const doses = app.ok(auditor, 'sessions.doses', { patientId });
    expect(doses).toEqual(expected);
    expect(doses.series).toHaveLength(2);
    expect(doses.uncounted).toBeGreaterThan(0);
  });
});
