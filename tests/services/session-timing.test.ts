import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  administrationEvent,
  signedPlanFor,
  testChecklist,
  testObservation,
  testVitals,
} from '../support/session-entries';
import type { Discharge } from '../../src/domain/infusion-session';
import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import { formatDate, formatDateTime, localDate } from '../../src/domain/time';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';
import { patientInput } from '../support/fixtures';
import { supervisedBy } from '../support/supervision';

/**
 * Issue 20, points 10–13: an infusion or an entry timed against what the signed plan allows
 * is surfaced and needs a stated reason that the record carries; an entry before the one it
 * follows is refused with both times; an end far from the planned volume asks why; the
 * discharge explains each stretch without a check.
 */
let app: TestApp;
let physician: SignIn;
let nurse: SignIn;
const zone = 'America/New_York';
const minute = 60_000;
/** The server's clock, which the tests move on after each plan is signed. */
const now = () => Date.now() + app.clockOffsetMs;
const at = (minutesAgo: number) => new Date(now() - minutesAgo * minute).toISOString();

/**
 * A signed plan for the patient, then 40 minutes on: what the tests chart happens after the
 * plan's signature unless a test says otherwise (the clinic locks after 60 idle minutes).
 */
function planFor(patientId: number): { planRecordId: number; planVersionId: number } {
  const { planRecordId, planVersionId } = signedPlanFor(app, physician, patientId);
  app.clockOffsetMs += 40 * minute;
  return { planRecordId, planVersionId };
}
const event = administrationEvent;
const discharge = (extra: Partial<Discharge> = {}) => ({
  kind: 'discharge' as const,
  content: {
    criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
    vitals: testVitals,
    escortName: 'Luis Ruiz',
    instructionsGiven: true,
    notes: '',
    ...extra,
  },
});

function newPatient(mrn: string): number {
  return app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn, familyName: 'Okafor', givenNames: 'Chiamaka', dateOfBirth: '1975-05-05' }),
  }).id;
}

/** A whole infusion, started `minutesAgo` and discharged, so that the next one may start. */
function completedInfusion(plan: { planRecordId: number; planVersionId: number }, minutesAgo: number, reason?: string) {
  const started = app.ok(nurse, 'sessions.start', {
    supervision: supervisedBy(app),
    ...plan,
    occurredAt: at(minutesAgo),
    checklist: testChecklist,
    ...(reason === undefined ? {} : { timingReason: reason }),
  });
  const sessionId = started.id;
  const add = (ago: number, entry: Parameters<typeof app.ok<'sessions.addEntry'>>[2]['entry']) =>
    app.ok(nurse, 'sessions.addEntry', { sessionId, occurredAt: at(ago), entry });
  add(minutesAgo - 1, event('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }));
  add(minutesAgo - 2, { kind: 'observation', content: testObservation });
  add(minutesAgo - 3, event('end', { volumeInfusedMl: '100.7', wasteMg: '0' }));
  add(minutesAgo - 4, discharge());
  return started;
}

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, zone);
  const clinic = app.ok(admin, 'clinic.get', {});
  app.ok(admin, 'clinic.update', { name: clinic.name, address: clinic.address, timeZone: zone, autoLockMinutes: 60 });
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  saveFormulary(app, admin);
});
afterAll(() => app.cleanup());

describe('starting before the plan’s interval, or beyond its series (point 10)', () => {
  let plan: { planRecordId: number; planVersionId: number };
  let patientId: number;

  it('surfaces infusion 2 on the day of infusion 1 (every 7 days), with the dates, and needs a reason', () => {
    patientId = newPatient('T-10');
    plan = planFor(patientId);
    const first = completedInfusion(plan, 35);
    expect(first.seriesNumber).toBe(1);
    const lastInfusionAt = app.ok(nurse, 'sessions.get', { sessionId: first.id }).startedAt ?? '';
    const refused = app.call(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: at(10),
      checklist: testChecklist,
    });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error.code).toBe('INVALID_INPUT');
    expect(refused.error.issues?.[0]?.path).toBe('timingReason');
    const earliest = new Date(Date.parse(`${localDate(new Date(lastInfusionAt), zone)}T12:00:00Z`) + 7 * 86_400_000);
    expect(refused.error.message).toContain(
      `Before the plan’s interval: last infusion on ${formatDateTime(lastInfusionAt, zone)}; plan interval 7 days; earliest by plan ${formatDate(earliest.toISOString().slice(0, 10))}.`,
    );

    const reason = 'Travelling next week; Dr Ruiz agreed by phone to bring it forward';
    const second = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: at(10),
      checklist: testChecklist,
      timingReason: reason,
    });
    expect(second.seriesNumber).toBe(2);
    const checklist = second.entries.find((entry) => entry.kind === 'checklist');
    expect(checklist?.kind === 'checklist' && checklist.content.timing).toEqual({
      findings: [{ code: 'before-interval', message: expect.stringContaining('plan interval 7 days') as string }],
      reason,
    });
  });

  it('stores nothing to acknowledge when nothing was surfaced, whatever the client sends', () => {
    const other = newPatient('T-10b');
    const otherPlan = planFor(other);
    const started = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...otherPlan,
      occurredAt: at(30),
      checklist: {
        ...testChecklist,
        timing: { findings: [{ code: 'series-complete', message: 'made up' }], reason: 'x' },
      },
      timingReason: 'Not needed',
    });
    const checklist = started.entries.find((entry) => entry.kind === 'checklist');
    expect(checklist?.kind === 'checklist' && checklist.content.timing).toBeUndefined();
  });

  it('surfaces a start after the series is complete, instead of refusing it, and numbers it on', () => {
    const session = app.ok(nurse, 'sessions.list', { patientId }).sessions[0];
    if (session === undefined) throw new Error('no session');
    const add = (ago: number, entry: Parameters<typeof app.ok<'sessions.addEntry'>>[2]['entry']) =>
      app.ok(nurse, 'sessions.addEntry', { sessionId: session.id, occurredAt: at(ago), entry });
    add(9, event('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }));
    add(8, event('end', { volumeInfusedMl: '100.7', wasteMg: '0' }));
    add(7, discharge());
    // The physician amends the plan to a series of 2, with no interval.
    const amended = app.ok(physician, 'records.amend', { recordId: plan.planRecordId, reason: 'Two infusions only' });
    const draft = amended.versions.at(-1);
    if (draft?.recordType !== 'plan') throw new Error('no amendment draft');
    app.ok(physician, 'records.saveDraft', {
      type: 'plan',
      versionId: draft.id,
      content: { ...draft.content, series: { infusions: 2, intervalDays: 0 } },
    });
    app.ok(physician, 'records.sign', { versionId: draft.id, meaning: 'authored', password: staffPassword });
    plan = { ...plan, planVersionId: draft.id };
    const started = new Date(now()).toISOString();
    const refused = app.call(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: started,
      checklist: testChecklist,
    });
    expect(refused.ok === false && refused.error.message).toContain(
      'Beyond the series: all 2 infusions the plan orders are charted; this would be infusion 3.',
    );
    const third = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: started,
      checklist: testChecklist,
      timingReason: 'Physician’s verbal order for one more while the plan is renewed',
    });
    expect(third.seriesNumber).toBe(3);
  });

  it('keeps refusing a discontinued plan: there is no order left to carry out', () => {
    const open = app.ok(nurse, 'sessions.list', { patientId }).sessions[0];
    if (open === undefined) throw new Error('no session');
    app.ok(nurse, 'sessions.addEntry', {
      sessionId: open.id,
      occurredAt: at(0),
      entry: event('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }),
    });
    app.ok(nurse, 'sessions.addEntry', {
      sessionId: open.id,
      occurredAt: at(0),
      entry: event('stop', { reason: 'Patient asked to stop' }),
    });
    app.ok(nurse, 'sessions.addEntry', { sessionId: open.id, occurredAt: at(0), entry: discharge() });
    app.ok(physician, 'records.discontinue', {
      recordId: plan.planRecordId,
      reason: 'Course ended',
      password: staffPassword,
    });
    const refused = app.call(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: at(0),
      checklist: testChecklist,
      timingReason: 'Verbal order',
    });
    expect(refused.ok === false && refused.error.code).toBe('FROZEN');
  });
});

describe('entries timed before the plan’s signature or the entry they follow (point 11)', () => {
  let sessionId: number;
  let checklistId: number;
  let signedAt: string;

  it('refuses a checklist timed before the plan was signed unless a reason is given, giving both times', () => {
    const patientId = newPatient('T-11');
    const { planRecordId, planVersionId } = signedPlanFor(app, physician, patientId);
    const plan = { planRecordId, planVersionId };
    const view = app.ok(nurse, 'records.list', { patientId }).records.find((record) => record.type === 'plan');
    signedAt = view?.versions[0]?.signedAt ?? '';
    // A checklist timed 09:27 for a plan signed at 10:17.
    const early = at(50);
    const refused = app.call(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: early,
      checklist: testChecklist,
    });
    expect(refused.ok === false && refused.error.issues?.[0]?.path).toBe('timingReason');
    expect(refused.ok === false && refused.error.message).toBe(
      `Timed ${formatDateTime(early, zone)}, before the plan was signed at ${formatDateTime(signedAt, zone)}. Give the reason to chart it anyway, or check the time.`,
    );
    const reason = 'Verbal order from Dr Ruiz; plan signed afterwards';
    const started = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: early,
      checklist: testChecklist,
      timingReason: reason,
    });
    sessionId = started.id;
    expect(started.planSignedAt).toBe(signedAt);
    const checklist = started.entries[0];
    checklistId = checklist?.id ?? 0;
    expect(checklist?.kind === 'checklist' && checklist.content.timing?.findings[0]?.code).toBe(
      'before-plan-signature',
    );
  });

  it('lets the entries that follow an acknowledged start go on under its reason, in order', () => {
    const view = app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(45),
      entry: event('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }),
    });
    expect(view.status).toBe('Running');
  });

  it('refuses an entry timed before the entry it follows, with both times', () => {
    const refused = app.call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(48),
      entry: event('pause', { reason: 'Nausea' }),
    });
    expect(refused.ok === false && refused.error.code).toBe('INVALID_INPUT');
    expect(refused.ok === false && refused.error.issues?.[0]?.path).toBe('occurredAt');
    expect(refused.ok === false && refused.error.message).toMatch(
      /^The pause is timed (\d{2}-[A-Z][a-z]{2}-\d{4} )?\d{2}:\d{2} UTC−0[45]:00, before the start of the infusion it follows \((\d{2}-[A-Z][a-z]{2}-\d{4} )?\d{2}:\d{2} UTC−0[45]:00\)\./,
    );
  });

  it('keeps the start’s reason through a correction of the checklist, unless another is given', () => {
    const correction = {
      sessionId,
      entryId: checklistId,
      reason: 'Escort’s name misspelt',
      occurredAt: at(50),
      entry: { kind: 'checklist' as const, content: { ...testChecklist, escortName: 'Luiz Ruiz' } },
    };
    const view = app.ok(nurse, 'sessions.correct', correction);
    const corrected = view.entries.find((entry) => entry.correctsEntryId === checklistId);
    expect(corrected?.kind === 'checklist' && corrected.content.timing?.reason).toBe(
      'Verbal order from Dr Ruiz; plan signed afterwards',
    );
  });

  it('refuses an end timed before the start, and a pause before the start it follows, whatever the order charted', () => {
    const patientId = newPatient('T-11c');
    const plan = planFor(patientId);
    const started = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: at(30),
      checklist: testChecklist,
    });
    const add = (ago: number, entry: Parameters<typeof app.ok<'sessions.addEntry'>>[2]['entry']) =>
      app.call(nurse, 'sessions.addEntry', { sessionId: started.id, occurredAt: at(ago), entry });
    expect(add(25, event('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot })).ok).toBe(true);
    const pause = add(28, event('pause', { reason: 'Nausea' }));
    expect(pause.ok).toBe(false);
    expect(pause.ok === false && pause.error.message).toMatch(
      /^The pause is timed .*, before the start of the infusion it follows/,
    );
    const end = add(27, event('end', { volumeInfusedMl: '100.7', wasteMg: '0' }));
    expect(end.ok === false && end.error.issues?.[0]?.path).toBe('occurredAt');
  });

  it('asks the reason when a correction moves a checklist before the plan’s signature', () => {
    const patientId = newPatient('T-11b');
    const plan = planFor(patientId);
    const started = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: at(30),
      checklist: testChecklist,
    });
    const checklist = started.entries[0];
    const correction = {
      sessionId: started.id,
      entryId: checklist?.id ?? 0,
      reason: 'Checklist was done earlier than charted',
      occurredAt: at(45),
      entry: { kind: 'checklist' as const, content: testChecklist },
    };
    const refused = app.call(nurse, 'sessions.correct', correction);
    expect(refused.ok === false && refused.error.issues?.[0]?.path).toBe('timingReason');
    expect(refused.ok === false && refused.error.message).toMatch(/^Timed .* before the plan was signed at /);
    const view = app.ok(nurse, 'sessions.correct', { ...correction, timingReason: 'Verbal order from Dr Ruiz' });
    const corrected = view.entries.find((entry) => entry.correctsEntryId === checklist?.id);
    expect(corrected?.kind === 'checklist' && corrected.content.timing?.reason).toBe('Verbal order from Dr Ruiz');
  });
});

describe('an end far from the planned volume (point 12)', () => {
  let sessionId: number;

  it('asks for the reason, as an early stop does, when 0.2 mL of about 100.7 mL went in', () => {
    const patientId = newPatient('T-12');
    const plan = planFor(patientId);
    const started = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: at(12),
      checklist: testChecklist,
    });
    sessionId = started.id;
    app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(11),
      entry: event('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }),
    });
    const refused = app.call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(10),
      entry: event('end', { volumeInfusedMl: '0.2', wasteMg: '0' }),
    });
    expect(refused.ok === false && refused.error.issues?.[0]?.path).toBe('entry.content.reason');
    expect(refused.ok === false && refused.error.message).toBe(
      'The volume infused, 0.2 mL, is 100% less than the plan’s 100.72 mL (the rule: within 10% of the planned volume, either way). Give the reason.',
    );
    const ended = app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(10),
      entry: event('end', { volumeInfusedMl: '0.2', wasteMg: '0', reason: 'Line occluded; new cannula refused' }),
    });
    expect(ended.status).toBe('Ended');
    // What the session screen needs for the planned end and the same rule.
    expect(ended.plannedDurationMin).toBe(40);
    expect(ended.plannedVolumeMl).toBe('100.72');
  });

  it('does not ask again after an early stop, whose reason already says why', () => {
    const patientId = newPatient('T-12b');
    const plan = planFor(patientId);
    const started = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: at(12),
      checklist: testChecklist,
    });
    const add = (ago: number, entry: Parameters<typeof app.ok<'sessions.addEntry'>>[2]['entry']) =>
      app.ok(nurse, 'sessions.addEntry', { sessionId: started.id, occurredAt: at(ago), entry });
    add(11, event('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }));
    add(10, event('stop', { reason: 'Patient asked to stop' }));
    expect(add(9, event('end', { volumeInfusedMl: '4', wasteMg: '0' })).status).toBe('Ended');
  });
});

describe('gaps in the timed checks at discharge (point 13)', () => {
  it('stores an explanation for each stretch without a check, and refuses one for a stretch that is not there', () => {
    const patientId = newPatient('T-13');
    const plan = planFor(patientId);
    const started = app.ok(nurse, 'sessions.start', {
      supervision: supervisedBy(app),
      ...plan,
      occurredAt: at(39),
      checklist: testChecklist,
    });
    const [startAt, checkAt, endAt] = [at(38), at(34), at(4)];
    const add = (occurredAt: string, entry: Parameters<typeof app.ok<'sessions.addEntry'>>[2]['entry']) =>
      app.ok(nurse, 'sessions.addEntry', { sessionId: started.id, occurredAt, entry });
    add(startAt, event('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }));
    add(checkAt, { kind: 'observation', content: testObservation });
    add(endAt, event('end', { volumeInfusedMl: '100.7', wasteMg: '0' }));
    const gap = { fromAt: checkAt, untilAt: endAt };
    const wrong = app.call(nurse, 'sessions.addEntry', {
      sessionId: started.id,
      occurredAt: at(2),
      entry: discharge({ gapExplanations: [{ fromAt: startAt, untilAt: checkAt, explanation: 'Not a gap' }] }),
    });
    expect(wrong.ok === false && wrong.error.issues?.[0]?.path).toBe('entry.content.gapExplanations.0');
    const explanation = 'Patient asleep and monitored on the pump alarm; vitals machine in use next door';
    const view = app.ok(nurse, 'sessions.addEntry', {
      sessionId: started.id,
      occurredAt: at(2),
      entry: discharge({ gapExplanations: [{ ...gap, explanation }] }),
    });
    const charted = view.entries.at(-1);
    expect(charted?.kind === 'discharge' && charted.content.gapExplanations).toEqual([{ ...gap, explanation }]);
  });
});
