import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/contract/methods';
import type { Checklist, Discharge } from '../../src/domain/infusion-session';
import { starterDischargeCriteria } from '../../src/domain/infusion-session';
import type { SessionConfigurationContent } from '../../src/domain/session-configuration';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import { supervisionTimeline } from '../../src/domain/session-supervision';
import type { SessionView } from '../../src/domain/session-view';
import { findUserByUsername } from '../../src/db/users-repo';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import { administrationEvent, signedPlanFor, testChecklist, testVitals } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser } from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';

let app: TestApp;
let admin: SignIn;
let nurse: SignIn;
let physicianId: number;
let secondPhysicianId: number;
let nurseId: number;
let planRecordId: number;
let planVersionId: number;
let timingReason: string;
// One "now" for the whole file, so a time charted and the time expected are the same instant.
const nowMs = Date.now();
const at = (minutesAgo: number) => new Date(nowMs - minutesAgo * 60_000).toISOString();
const instructionsV1 = 'Do not drive until tomorrow.\n\nCall the clinic if you feel unwell.';

const withMonitoring = (items: SessionConfigurationContent['requiredMonitoring']): SessionConfigurationContent => ({
  ...starterSessionConfiguration,
  requiredMonitoring: items,
  dischargeInstructions: { text: instructionsV1, version: 'Rev. 1' },
});

function start(extra: Partial<MethodInput<'sessions.start'>>, checklist: Checklist = testChecklist) {
  return app.call(nurse, 'sessions.start', {
    planRecordId,
    planVersionId,
    occurredAt: at(90),
    checklist,
    timingReason,
    ...extra,
  });
}

function dischargeBody(instructionsGiven: boolean): { kind: 'discharge'; content: Discharge } {
  return {
    kind: 'discharge',
    content: {
      criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
      vitals: testVitals,
      escortName: 'Luis Ruiz',
      instructionsGiven,
      notes: '',
    },
  };
}

function endInfusion(sessionId: number, startedMinutesAgo: number): void {
  app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(startedMinutesAgo - 1),
    entry: administrationEvent('start', { rateMlPerH: '151.09', lotNumber: 'K123', lotExpiry: unexpiredLot }),
  });
  app.ok(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: at(startedMinutesAgo - 20),
    entry: administrationEvent('end', { volumeInfusedMl: '100.7', wasteMg: '0' }),
  });
}

const onSite = () => ({ physicianUserId: physicianId, availability: 'on-site' as const });
const discharge = (view: SessionView) => view.entries.find((entry) => entry.kind === 'discharge');

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  const physician = signedInUser(app, admin, 'physician');
  signedInUser(app, admin, 'physician', 'okoye');
  nurse = signedInUser(app, admin, 'nurse');
  saveFormulary(app, admin);
  physicianId = findUserByUsername(app.ledger.db, 'physician')?.id ?? 0;
  secondPhysicianId = findUserByUsername(app.ledger.db, 'okoye')?.id ?? 0;
  nurseId = findUserByUsername(app.ledger.db, 'nurse')?.id ?? 0;
  const patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'S-1', familyName: 'Mensah', givenNames: 'Ama', dateOfBirth: '1970-03-03' }),
  }).id;
  ({ planRecordId, planVersionId, timingReason } = signedPlanFor(app, physician, patientId));
});
afterAll(() => app.cleanup());

describe('supervision and monitoring at each infusion (issue 22 point 5)', () => {
  it('lists the active physicians for the nurse, names only', () => {
    const { physicians } = app.ok(nurse, 'sessions.physicians', {});
    expect(physicians.map((physician) => physician.userId).sort()).toEqual([physicianId, secondPhysicianId].sort());
    expect(physicians[0]).toEqual({ userId: physicianId, printedName: 'Test physician, MD' });
  });

  it('refuses a start without a supervising physician, or with a nurse or an inactive user as one', () => {
    const none = start({});
    expect(none.ok === false && none.error.message).toMatch(/Name the physician on site or immediately available/);
    const byNurse = start({ supervision: { physicianUserId: nurseId, availability: 'on-site' } });
    expect(byNurse.ok === false && byNurse.error.message).toMatch(/must be an active physician/);
    app.ok(admin, 'users.setActive', { userId: secondPhysicianId, active: false });
    const inactive = start({ supervision: { physicianUserId: secondPhysicianId, availability: 'on-site' } });
    expect(inactive.ok === false && inactive.error.message).toMatch(/must be an active physician/);
    app.ok(admin, 'users.setActive', { userId: secondPhysicianId, active: true });
    expect(app.ok(nurse, 'sessions.list', { patientId: 1 }).sessions).toEqual([]);
  });

  it('refuses required monitoring not in use unless a reason is given, which is stored and audited', () => {
    app.ok(admin, 'clinic.sessionConfiguration.update', {
      expectedVersion: 0,
      content: withMonitoring({ items: ['pulseOximetry', 'capnography'], recoveryCheckIntervalMin: 15 }),
    });
    const monitoring = { pulseOximetry: true, ecg: false, capnography: false, nibp: true, supplementalOxygen: false };
    const missing = start({ supervision: onSite() }, { ...testChecklist, monitoring });
    expect(missing.ok === false && missing.error.message).toMatch(
      /requires monitoring that is not in use: Capnography \(EtCO2\)\. Put it in use, or give the reason/,
    );
    // Whatever the client sends for the server-set parts is replaced.
    const sent = {
      ...testChecklist,
      monitoring,
      supervision: { physicianUserId: nurseId, printedName: 'Somebody Else', availability: 'on-site' as const },
    };
    const started = app.ok(nurse, 'sessions.start', {
      planRecordId,
      planVersionId,
      occurredAt: at(90),
      checklist: sent,
      timingReason,
      supervision: onSite(),
      monitoringReason: 'Capnograph under repair',
    });
    const checklist = started.entries[0];
    if (checklist?.kind !== 'checklist') throw new Error('no checklist');
    expect(checklist.content.supervision).toEqual({
      physicianUserId: physicianId,
      printedName: 'Test physician, MD',
      availability: 'on-site',
    });
    expect(checklist.content.monitoring).toEqual(monitoring);
    expect(checklist.content.monitoringAcknowledgement).toEqual({
      missing: ['capnography'],
      reason: 'Capnograph under repair',
    });
    const audited = app
      .ok(admin, 'audit.list', { limit: 20 })
      .entries.find((entry) => entry.action === 'session.entry-added' && entry.entityId === String(started.id));
    expect(JSON.stringify(audited?.details)).toContain('Capnograph under repair');
  });

  it('keeps the supervisor and the monitoring reason through a checklist correction; taking out monitoring asks again', () => {
    const sessionId = app.ok(nurse, 'sessions.list', { patientId: 1 }).sessions[0]?.id ?? 0;
    const original = app.ok(nurse, 'sessions.get', { sessionId }).entries[0];
    if (original?.kind !== 'checklist') throw new Error('no checklist');
    const withoutOximetry = { ...original.content.monitoring, pulseOximetry: false } as Checklist['monitoring'];
    const dropped = app.call(nurse, 'sessions.correct', {
      sessionId,
      entryId: original.id,
      reason: 'IV gauge was wrong',
      occurredAt: at(90),
      entry: { kind: 'checklist', content: { ...testChecklist, ivGauge: 20, monitoring: withoutOximetry } },
      timingReason,
    });
    expect(dropped.ok === false && dropped.error.message).toMatch(/not in use: Pulse oximetry\. Put it in use/);
    const corrected = app.ok(nurse, 'sessions.correct', {
      sessionId,
      entryId: original.id,
      reason: 'IV gauge was wrong',
      occurredAt: at(90),
      entry: { kind: 'checklist', content: { ...testChecklist, ivGauge: 20, monitoring: original.content.monitoring } },
      timingReason,
    });
    const standing = corrected.entries.find((entry) => entry.kind === 'checklist' && entry.correctedByEntryId === null);
    if (standing?.kind !== 'checklist') throw new Error('no corrected checklist');
    expect(standing.content.ivGauge).toBe(20);
    expect(standing.content.supervision).toEqual(original.content.supervision);
    expect(standing.content.monitoringAcknowledgement).toEqual(original.content.monitoringAcknowledgement);
  });

  it('charts a handover with its time, as a timeline of who supervised from when', () => {
    const sessionId = app.ok(nurse, 'sessions.list', { patientId: 1 }).sessions[0]?.id ?? 0;
    const byNurse = app.call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(80),
      entry: {
        kind: 'supervision',
        content: { physicianUserId: nurseId, printedName: '', availability: 'on-site', note: '' },
      },
    });
    expect(byNurse.ok === false && byNurse.error.message).toMatch(/must be an active physician/);
    const handedOver = app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(80),
      entry: {
        kind: 'supervision',
        content: {
          physicianUserId: secondPhysicianId,
          printedName: 'Typed by the client',
          availability: 'immediately-available',
          note: 'Dr Test called away',
        },
      },
    });
    const timeline = supervisionTimeline(handedOver.entries);
    expect(timeline).toEqual([
      expect.objectContaining({ physicianUserId: physicianId, fromAt: at(90), untilAt: at(80) }),
      expect.objectContaining({
        physicianUserId: secondPhysicianId,
        printedName: 'Test physician, MD',
        availability: 'immediately-available',
        fromAt: at(80),
        untilAt: null,
        note: 'Dr Test called away',
      }),
    ]);
  });

  it('stores the instructions in force at the discharge; a later change of the text does not alter it', () => {
    const sessionId = app.ok(nurse, 'sessions.list', { patientId: 1 }).sessions[0]?.id ?? 0;
    endInfusion(sessionId, 79);
    const ended = app.ok(nurse, 'sessions.get', { sessionId });
    // The recovery countdown runs on the clinic's interval until the discharge.
    expect(ended.recoveryCheckIntervalMin).toBe(15);
    const discharged = app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(40),
      entry: dischargeBody(true),
    });
    const given = discharge(discharged);
    expect(given?.kind === 'discharge' && given.content.instructions).toEqual({
      configurationVersion: 1,
      versionLabel: 'Rev. 1',
      text: instructionsV1,
      givenBy: 'Test nurse, RN',
      givenAt: at(40),
    });
    app.ok(admin, 'clinic.sessionConfiguration.update', {
      expectedVersion: 1,
      content: {
        ...withMonitoring({ items: [], recoveryCheckIntervalMin: null }),
        dischargeInstructions: { text: 'A new text', version: 'Rev. 2' },
      },
    });
    const later = discharge(app.ok(nurse, 'sessions.get', { sessionId }));
    expect(later?.kind === 'discharge' && later.content.instructions?.text).toBe(instructionsV1);
    // A correction keeps the text as given, not the clinic's text of now.
    if (given === undefined) throw new Error('no discharge');
    const corrected = app.ok(nurse, 'sessions.correct', {
      sessionId,
      entryId: given.id,
      reason: 'Escort name was misspelt',
      occurredAt: at(40),
      entry: dischargeBody(true),
    });
    const standing = corrected.entries.find((entry) => entry.kind === 'discharge' && entry.correctedByEntryId === null);
    expect(standing?.kind === 'discharge' && standing.content.instructions?.text).toBe(instructionsV1);
  });

  it('stores no instructions where none were given, and the text in force for the next session', () => {
    const started = app.ok(nurse, 'sessions.start', {
      planRecordId,
      planVersionId,
      occurredAt: at(30),
      checklist: testChecklist,
      timingReason,
      supervision: onSite(),
    });
    endInfusion(started.id, 29);
    const notGiven = discharge(
      app.ok(nurse, 'sessions.addEntry', {
        sessionId: started.id,
        occurredAt: at(5),
        entry: dischargeBody(false),
      }),
    );
    expect(notGiven?.kind === 'discharge' && notGiven.content.instructions).toBeUndefined();
    const corrected = app.ok(nurse, 'sessions.correct', {
      sessionId: started.id,
      entryId: notGiven?.id ?? 0,
      reason: 'Instructions were given',
      occurredAt: at(5),
      entry: dischargeBody(true),
    });
    const standing = corrected.entries.find((entry) => entry.kind === 'discharge' && entry.correctedByEntryId === null);
    expect(standing?.kind === 'discharge' && standing.content.instructions).toMatchObject({
      configurationVersion: 2,
      versionLabel: 'Rev. 2',
      text: 'A new text',
    });
  });
});
