import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { administrationEvent, signedPlanFor, testChecklist, testObservation } from '../support/session-entries';
import { patientInput } from '../support/fixtures';
import { unexpiredLot } from '../support/unexpired-lot';
import { supervisedBy } from '../support/supervision';

/**
 * What the clinic host serves most (search, chairside view, charting) reuses its prepared
 * statements and the parsed JSON of frozen rows; these tests show it never serves stale data.
 */
let app: TestApp;
let physician: SignIn;
let nurse: SignIn;
let patientId: number;
let plan: { planRecordId: number; planVersionId: number; timingReason: string };
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  saveFormulary(app, admin);
  patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'H-1', familyName: 'Okafor', givenNames: 'Chiamaka', dateOfBirth: '1975-05-05' }),
  }).id;
  plan = signedPlanFor(app, physician, patientId);
});
afterAll(() => app.cleanup());

/** The SQL texts SQLite is asked to compile while `run` runs. */
function compiledDuring(run: () => void): string[] {
  const raw = app.ledger.raw;
  const compile = raw.prepare.bind(raw);
  const seen: string[] = [];
  // An own property over the prototype's method, removed afterwards.
  raw.prepare = (source: string) => {
    seen.push(source);
    return compile(source);
  };
  try {
    run();
  } finally {
    Reflect.deleteProperty(raw, 'prepare');
  }
  return seen;
}

/** Drizzle's own queries (lower-case, quoted): the ones the hot paths now prepare once. */
const drizzleBuilt = (sources: string[]) => sources.filter((source) => /^(select|insert|update) /.test(source));

describe('the hot paths of the clinic host', () => {
  it('search, chairside view and charting compile no query again on their second call', () => {
    const session = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      planRecordId: plan.planRecordId,
      planVersionId: plan.planVersionId,
      occurredAt: at(30),
      checklist: testChecklist,
      timingReason: plan.timingReason,
    });
    app.ok(nurse, 'sessions.addEntry', {
      sessionId: session.id,
      occurredAt: at(29),
      entry: administrationEvent('start', {
        rateMlPerH: session.plannedRateMlPerH ?? '100',
        lotNumber: 'B-1',
        lotExpiry: unexpiredLot,
      }),
    });
    const round = (minutesAgo: number) => {
      app.ok(nurse, 'patients.search', { query: 'Oka', limit: 20 });
      app.ok(nurse, 'patients.search', { query: 'H-1', limit: 20 });
      app.ok(nurse, 'chairside.get', { patientId });
      app.ok(nurse, 'sessions.addEntry', {
        sessionId: session.id,
        occurredAt: at(minutesAgo),
        entry: { kind: 'observation', content: testObservation },
      });
      app.ok(nurse, 'sessions.get', { sessionId: session.id });
    };
    round(20);
    expect(drizzleBuilt(compiledDuring(() => round(10)))).toEqual([]);
  });

  it('shows a draft as last saved, then the signed amendment, never a version read earlier', () => {
    // A patient of its own, with no open session.
    const patientId = app.ok(nurse, 'patients.create', {
      patient: patientInput({ mrn: 'H-2', familyName: 'Mensah', givenNames: 'Kofi', dateOfBirth: '1981-02-03' }),
    }).id;
    const plan = signedPlanFor(app, physician, patientId);
    const planOf = () => {
      const view = app.ok(nurse, 'chairside.get', { patientId });
      if (view.plan === null) throw new Error('no plan');
      return { current: view.currentVersionId, versions: view.plan.versions };
    };
    const before = planOf();
    expect(before.current).toBe(plan.planVersionId);
    const signedDose = before.versions[0]?.recordType === 'plan' ? before.versions[0].content.doseMgPerKg : null;
    expect(signedDose).not.toBeNull();

    const amended = app.ok(physician, 'records.amend', { recordId: plan.planRecordId, reason: 'Lower dose' });
    const draft = amended.versions.at(-1);
    if (draft?.recordType !== 'plan') throw new Error('expected a plan draft');
    const save = (doseMgPerKg: string) =>
      app.ok(physician, 'records.saveDraft', {
        type: 'plan',
        versionId: draft.id,
        content: { ...draft.content, doseMgPerKg, overrideReasons: {} },
      });
    const doseOf = (versionId: number) => {
      const version = planOf().versions.find((candidate) => candidate.id === versionId);
      return version?.recordType === 'plan' ? version.content.doseMgPerKg : null;
    };
    save('0.5');
    expect(doseOf(draft.id)).toBe('0.5');
    save('0.6');
    expect(doseOf(draft.id)).toBe('0.6');
    app.ok(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password: staffPassword });

    const after = planOf();
    expect(after.current).toBe(draft.id);
    expect(doseOf(draft.id)).toBe('0.6');
    expect(doseOf(plan.planVersionId)).toBe(signedDose);
    const signed = after.versions.find((version) => version.id === draft.id);
    expect(signed?.status).toBe('signed');
    expect(signed?.computed).not.toBeNull();

    // A session on the amendment charts against the amendment's rate, not the first version's.
    const first = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      planRecordId: plan.planRecordId,
      planVersionId: draft.id,
      occurredAt: at(5),
      checklist: testChecklist,
      timingReason: plan.timingReason,
    });
    const computed = signed?.recordType === 'plan' ? signed.computed : null;
    expect(first.planVersionId).toBe(draft.id);
    expect(first.plannedVolumeMl).toBe(computed?.derived.finalVolumeMl ?? null);
  });
});
