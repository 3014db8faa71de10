import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrationEvent,
  signedPlanFor,
  startedBeforeSigning,
  testChecklist,
  testVitals,
} from '../support/session-entries';
import type { MethodInput } from '../../src/contract/methods';
import type { Checklist, Discharge } from '../../src/domain/infusion-session';
import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import { emptyScales } from '../../src/domain/scales';
import type { SessionConfigurationContent } from '../../src/domain/session-configuration';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import { getClinic } from '../../src/db/clinic-repo';
import { findUserByUsername } from '../../src/db/users-repo';
import { createServiceContext } from '../../src/services/context';
import { ServiceError } from '../../src/services/service-error';
import type { SignIn } from '../../src/services/sign-in';
import { checkConfiguredChecklist } from '../../src/services/session-configuration';
import { expectUnchanged, ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser } from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';
import { patientInput } from '../support/fixtures';
import { supervisedBy } from '../support/supervision';

let app: TestApp;
let admin: SignIn;
let physician: SignIn;
let nurse: SignIn;
let auditor: SignIn;
let patientId: number;
let planRecordId: number;
let planVersionId: number;
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const vitals = testVitals;
const checklist: Checklist = {
  ...testChecklist,
  scales: { ...emptyScales, pcl5: Array.from({ length: 20 }, () => 1), painNrs: 6 },
};
const event = administrationEvent;
const discharge = (
  criteria: readonly { itemId: string; label: string }[],
): { kind: 'discharge'; content: Discharge } => ({
  kind: 'discharge',
  content: {
    criteria: criteria.map((criterion) => ({ ...criterion, met: true })),
    vitals,
    escortName: 'Luis Ruiz',
    instructionsGiven: true,
    notes: '',
  },
});

/** The clinic's own list: reworded, reordered, one retired, one added, PCL-5 no longer asked. */
const edited: SessionConfigurationContent = {
  preSessionScales: { painNrs: true, phq9: true, gad7: true, pcl5: false },
  dischargeCriteria: [
    { itemId: 'vitals-stable', label: 'Vital signs within the patient’s baseline range', retired: false },
    { itemId: 'alert', label: 'Alert, oriented, and back to baseline', retired: false },
    { itemId: 'ambulates', label: 'Walks steadily without help', retired: false },
    { itemId: 'no-nausea', label: 'Nausea controlled', retired: true },
    { itemId: 'escort', label: 'Responsible adult escort present', retired: false },
    { itemId: 'pain-controlled', label: 'Pain controlled', retired: false },
  ],
};
const inForce = edited.dischargeCriteria
  .filter((criterion) => !criterion.retired)
  .map(({ itemId, label }) => ({ itemId, label }));

function update(session: SignIn, input: MethodInput<'clinic.sessionConfiguration.update'>) {
  return app.call(session, 'clinic.sessionConfiguration.update', input);
}

function auditSince(seq: number) {
  return app
    .ok(admin, 'audit.list', { limit: 50 })
    .entries.filter((entry) => entry.seq > seq)
    .reverse();
}

/** Starts a session and ends its infusion, ready for the discharge. */
function endedSession(minutesAgo: number, started: Checklist): number {
  const sessionId = app.ok(nurse, 'sessions.start', {
    supervision: supervisedBy(app),
    planRecordId,
    planVersionId,
    occurredAt: at(minutesAgo),
    checklist: started,
    // Charted hours ago against a plan signed now, the second within the plan's interval.
    timingReason: startedBeforeSigning,
  }).id;
  app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(minutesAgo - 1),
    entry: event('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }),
  });
  app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(minutesAgo - 20),
    entry: event('end', { volumeInfusedMl: '100.7', wasteMg: '0' }),
  });
  return sessionId;
}

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  auditor = signedInUser(app, admin, 'auditor');
  saveFormulary(app, admin);
  patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'C-1', familyName: 'Okafor', givenNames: 'Chiamaka', dateOfBirth: '1975-05-05' }),
  }).id;
  ({ planRecordId, planVersionId } = signedPlanFor(app, physician, patientId));
});
afterAll(() => app.cleanup());

describe('the clinic’s session configuration', () => {
  let firstSessionId: number;

  it('starts as the starter criteria and every scale, readable by every role', () => {
    for (const session of [admin, physician, nurse, auditor]) {
      expect(app.ok(session, 'clinic.sessionConfiguration.get', {})).toEqual({
        version: 0,
        content: starterSessionConfiguration,
        createdAt: null,
        createdBy: null,
      });
    }
    // Charted under the starter list, before the clinic changes anything.
    firstSessionId = endedSession(300, checklist);
    app.ok(nurse, 'sessions.addEntry', {
      sessionId: firstSessionId,
      occurredAt: at(270),
      entry: discharge(starterDischargeCriteria),
    });
  });

  it('is changed by administrators only, and a refusal writes nothing', () => {
    const before = ledgerState(app.ledger.raw);
    for (const session of [physician, nurse, auditor]) {
      const refused = update(session, { expectedVersion: 0, content: edited });
      expect(refused.ok === false && refused.error.code).toBe('FORBIDDEN');
    }
    expectUnchanged(app.ledger.raw, before);
  });

  it('saves a new version with each change audited, old → new', () => {
    const seq = app.ok(admin, 'audit.list', { limit: 1 }).entries[0]?.seq ?? 0;
    const saved = update(admin, { expectedVersion: 0, content: edited });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value).toMatchObject({ version: 1, content: edited, createdBy: 'Alex Admin' });
    expect(saved.value.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(app.ok(nurse, 'clinic.sessionConfiguration.get', {})).toEqual(saved.value);
    const entries = auditSince(seq);
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'session-configuration.updated',
        entityType: 'session-configuration',
        entityId: '1',
        actorUserId: findUserByUsername(app.ledger.db, 'admin')?.id,
      }),
    ]);
    const anySha256: unknown = expect.stringMatching(/^[0-9a-f]{64}$/);
    expect(entries[0]?.details).toEqual({
      version: 1,
      // The saved row's digest, so audit verify can hold the version against it.
      rowSha256: anySha256,
      changes: [
        { path: 'preSessionScales.pcl5', from: true, to: false },
        {
          path: 'dischargeCriteria.alert.label',
          from: 'Alert and oriented, back to baseline',
          to: 'Alert, oriented, and back to baseline',
        },
        { path: 'dischargeCriteria.no-nausea.retired', from: false, to: true },
        { path: 'dischargeCriteria.pain-controlled', from: null, to: { label: 'Pain controlled', retired: false } },
        {
          path: 'dischargeCriteria.order',
          from: ['alert', 'vitals-stable', 'ambulates', 'no-nausea', 'escort'],
          to: ['vitals-stable', 'alert', 'ambulates', 'no-nausea', 'escort'],
        },
      ],
    });
  });

  it('saves nothing when nothing changed', () => {
    const before = ledgerState(app.ledger.raw);
    expect(app.ok(admin, 'clinic.sessionConfiguration.update', { expectedVersion: 1, content: edited }).version).toBe(
      1,
    );
    expectUnchanged(app.ledger.raw, before);
  });

  it('refuses a save over a newer version, a removed criterion and an invalid list', () => {
    const before = ledgerState(app.ledger.raw);
    const stale = update(admin, { expectedVersion: 0, content: starterSessionConfiguration });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');

    const removed = update(admin, {
      expectedVersion: 1,
      content: { ...edited, dischargeCriteria: edited.dischargeCriteria.filter((item) => item.itemId !== 'no-nausea') },
    });
    expect(removed.ok === false && removed.error.message).toContain(
      '“Nausea controlled” was removed. Retire it instead',
    );

    const duplicate = update(admin, {
      expectedVersion: 1,
      content: {
        ...edited,
        dischargeCriteria: [...edited.dischargeCriteria, { itemId: 'alert', label: 'Another', retired: false }],
      },
    });
    expect(duplicate.ok === false && duplicate.error.issues).toContainEqual({
      path: 'content.dischargeCriteria.6.itemId',
      message: 'Each criterion code must be unique',
    });

    const noneInForce = update(admin, {
      expectedVersion: 1,
      content: { ...edited, dischargeCriteria: edited.dischargeCriteria.map((item) => ({ ...item, retired: true })) },
    });
    expect(noneInForce.ok === false && noneInForce.error.issues).toContainEqual({
      path: 'content.dischargeCriteria',
      message: 'Keep at least one discharge criterion in use',
    });
    expectUnchanged(app.ledger.raw, before);
  });

  it('keeps every version: the database refuses to change or delete one', () => {
    expect(() => app.ledger.raw.prepare("UPDATE session_configuration_versions SET content = '{}'").run()).toThrow(
      /cannot be changed/,
    );
    expect(() => app.ledger.raw.prepare('DELETE FROM session_configuration_versions').run()).toThrow(
      /cannot be deleted/,
    );
  });

  it('keeps what past sessions recorded', () => {
    const past = app.ok(nurse, 'sessions.get', { sessionId: firstSessionId });
    const recorded = past.entries.find((entry) => entry.kind === 'discharge');
    expect(recorded?.kind === 'discharge' && recorded.content.criteria.map((item) => item.label)).toEqual(
      starterDischargeCriteria.map((item) => item.label),
    );
  });
});

describe('a discharge is charted against the criteria in force', () => {
  let sessionId: number;

  beforeAll(() => {
    sessionId = endedSession(200, { ...checklist, scales: { ...checklist.scales, pcl5: null } });
  });

  it('refuses the old list, an unknown criterion, a reworded one and a missing one, saying what to do', () => {
    const before = ledgerState(app.ledger.raw);
    const refusal = (criteria: readonly { itemId: string; label: string }[]) => {
      const result = app.call(nurse, 'sessions.addEntry', {
        sessionId,
        occurredAt: at(170),
        entry: discharge(criteria),
      });
      if (result.ok) throw new Error('the discharge was accepted');
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.issues?.[0]?.path).toBe('entry.content.criteria');
      return result.error.message;
    };
    expect(refusal(starterDischargeCriteria)).toBe(
      "Your clinic's discharge criterion “Alert and oriented, back to baseline” now reads “Alert, oriented, and back to baseline”. The list changed since this form was opened: cancel, then record the discharge again to see the current list.",
    );
    expect(refusal([...inForce, { itemId: 'made-up', label: 'Made up' }])).toMatch(
      /^“Made up” is not one of your clinic's discharge criteria now\./,
    );
    expect(refusal(inForce.filter((item) => item.itemId !== 'escort'))).toMatch(
      /^Your clinic's discharge criterion “Responsible adult escort present” is missing\./,
    );
    expect(refusal([...inForce, inForce[0] ?? { itemId: '', label: '' }])).toMatch(/is listed twice/);
    // A retired criterion is no longer asked.
    expect(refusal([...inForce, { itemId: 'no-nausea', label: 'Nausea controlled' }])).toMatch(
      /“Nausea controlled” is not one of your clinic's discharge criteria now/,
    );
    expectUnchanged(app.ledger.raw, before);
  });

  it('accepts the criteria in force, in any order', () => {
    const view = app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(170),
      entry: discharge([...inForce].reverse()),
    });
    expect(view.status).toBe('Discharged');
  });

  it('lets a correction keep the criteria the corrected discharge recorded', () => {
    const past = app.ok(nurse, 'sessions.get', { sessionId: firstDischargedSession() });
    const original = past.entries.find((entry) => entry.kind === 'discharge');
    if (original?.kind !== 'discharge') throw new Error('no discharge');
    const corrected = app.ok(nurse, 'sessions.correct', {
      sessionId: past.id,
      entryId: original.id,
      reason: 'Escort name misspelt',
      occurredAt: original.occurredAt,
      entry: { kind: 'discharge', content: { ...original.content, escortName: 'Luís Ruiz' } },
    });
    expect(corrected.entries.at(-1)?.correctsEntryId).toBe(original.id);
    // … or move it to the current list, but not to some other list.
    const mixed = app.call(nurse, 'sessions.correct', {
      sessionId: past.id,
      entryId: corrected.entries.at(-1)?.id ?? 0,
      reason: 'Criteria ticked again',
      occurredAt: original.occurredAt,
      entry: discharge(starterDischargeCriteria.slice(1)),
    });
    expect(mixed.ok === false && mixed.error.code).toBe('INVALID_INPUT');
    app.ok(nurse, 'sessions.correct', {
      sessionId: past.id,
      entryId: corrected.entries.at(-1)?.id ?? 0,
      reason: 'Criteria ticked again',
      occurredAt: original.occurredAt,
      entry: discharge(inForce),
    });
  });
});

/** The session discharged under the starter list, in the first block. */
function firstDischargedSession(): number {
  const sessions = app.ok(nurse, 'sessions.list', { patientId }).sessions;
  const first = sessions.at(-1);
  if (first === undefined) throw new Error('no session');
  return first.id;
}

describe('the checklist records the scales the clinic asks', () => {
  it('refuses a correction that adds a scale the clinic no longer asks, or drops the pain score', () => {
    const sessionId = firstDischargedSession();
    const view = app.ok(nurse, 'sessions.get', { sessionId });
    const original = view.entries.find((entry) => entry.kind === 'checklist' && entry.correctedByEntryId === null);
    if (original?.kind !== 'checklist') throw new Error('no checklist');
    const correct = (scales: Checklist['scales']) =>
      app.call(nurse, 'sessions.correct', {
        sessionId,
        entryId: original.id,
        reason: 'Scales charted again',
        occurredAt: original.occurredAt,
        entry: { kind: 'checklist', content: { ...original.content, scales } },
      });
    const noPain = correct({ ...original.content.scales, painNrs: null });
    expect(noPain.ok === false && noPain.error.issues).toEqual([
      { path: 'entry.content.scales.painNrs', message: 'Choose the pain score now (0–10)' },
    ]);
    // PCL-5 was recorded then, when the clinic asked it: the correction may keep it.
    expect(correct({ ...original.content.scales, painNrs: 5 }).ok).toBe(true);
  });

  it('refuses, at the start of a session, a scale the clinic does not ask', () => {
    const user = findUserByUsername(app.ledger.db, 'nurse') ?? null;
    const context = createServiceContext(app.ledger, nurse, user, getClinic(app.ledger.db), new Date());
    let thrown: unknown;
    try {
      checkConfiguredChecklist(context, checklist);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ServiceError);
    expect((thrown as ServiceError).message).toBe('Your clinic does not record PCL-5 before a session. Leave it out.');
    expect((thrown as ServiceError).issues).toEqual([
      { path: 'checklist.scales.pcl5', message: 'Your clinic does not record PCL-5 before a session. Leave it out.' },
    ]);
    expect(() =>
      checkConfiguredChecklist(context, { ...checklist, scales: { ...checklist.scales, pcl5: null } }),
    ).not.toThrow();
  });
});
