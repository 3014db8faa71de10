import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHead } from '../../src/db/audit-log';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import { administrationEvent, signedPlanFor, testChecklist } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';
import { supervisedBy } from '../support/supervision';

/** The register inside charting: the start names the vials drawn from, the end's waste is theirs. */
let app: TestApp;
let nurse: SignIn;
let physician: SignIn;
let patients = 0;
let containers: number[];
const witness = { username: 'nurse2', password: staffPassword };
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  signedInUser(app, admin, 'nurse', 'nurse2');
  saveFormulary(app, admin);
  containers = app
    .ok(physician, 'register.receive', {
      drugId: 'ketamine',
      concentrationMgPerMl: '50',
      containerVolumeMl: '1',
      containerCount: 2,
      lotNumber: 'K-77',
      lotExpiry: unexpiredLot,
      supplierName: 'Harbor Wholesale Pharmacy',
      supplierAddress: '9 Dock Street',
      supplierRegistration: 'RH1234567',
      invoiceNumber: 'INV-9',
      receivedOn: new Date().toISOString().slice(0, 10),
      checker: { username: 'nurse', password: staffPassword },
    })
    .containers.map((container) => container.id);
});
afterAll(() => app.cleanup());

/** An infusion of a new patient's plan (a patient has one open infusion at a time). */
function startSession(minutesAgo: number) {
  patients += 1;
  const patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({
      mrn: `RS-${patients}`,
      familyName: 'Haddad',
      givenNames: 'Omar',
      dateOfBirth: '1969-09-09',
    }),
  }).id;
  const plan = signedPlanFor(app, physician, patientId);
  return app.ok(nurse, 'sessions.start', {
    supervision: supervisedBy(app),
    planRecordId: plan.planRecordId,
    planVersionId: plan.planVersionId,
    occurredAt: at(minutesAgo),
    checklist: testChecklist,
    timingReason: plan.timingReason,
  }).id;
}

describe('charting draws and waste into the register', () => {
  it('takes the start’s lot and expiry from the containers drawn from, and records the draws against it', () => {
    const sessionId = startSession(50);
    const [first, second] = containers;
    const wrongLot = app.call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(48),
      entry: administrationEvent('start', { rateMlPerH: '151.09', lotNumber: 'K-99', lotExpiry: unexpiredLot }),
      draws: [{ containerId: first ?? 0, volumeMl: '0.5' }],
    });
    expect(wrongLot.ok === false && wrongLot.error.issues?.[0]?.path).toBe('entry.content.lotNumber');

    const started = app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(48),
      entry: administrationEvent('start', { rateMlPerH: '151.09' }),
      draws: [
        { containerId: first ?? 0, volumeMl: '0.5' },
        { containerId: second ?? 0, volumeMl: '0.3' },
      ],
    });
    const start = started.entries.find((entry) => entry.kind === 'event');
    expect(start?.content).toMatchObject({ lotNumber: 'K-77', lotExpiry: unexpiredLot });
    const use = app.ok(nurse, 'register.sessionUse', { sessionId });
    expect(use.containers.map((container) => container.drawn)).toEqual([
      { ml: '0.5', mg: '25' },
      { ml: '0.3', mg: '15' },
    ]);
    const storedLink = app.ledger.raw
      .prepare("SELECT DISTINCT session_entry_id FROM register_entries WHERE kind = 'drawn' AND session_id = ?")
      .pluck()
      .all(sessionId);
    expect(storedLink).toEqual([start?.id]);

    const head = auditHead(app.ledger.raw);
    const tooMuch = app.call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(10),
      entry: administrationEvent('end', { volumeInfusedMl: '100', wasteMg: '41' }),
      witness,
    });
    expect(tooMuch.ok === false && tooMuch.error.message).toMatch(/more than this infusion drew from the register/);
    expect(auditHead(app.ledger.raw)).toEqual(head);

    app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(10),
      entry: administrationEvent('end', { volumeInfusedMl: '100', wasteMg: '20' }),
      witness,
    });
    const after = app.ok(nurse, 'register.sessionUse', { sessionId });
    // The last container drawn from gives up its share first.
    expect(after.containers.map((container) => container.wasted)).toEqual([
      { ml: '0.1', mg: '5' },
      { ml: '0.3', mg: '15' },
    ]);
    expect(after.entries.filter((entry) => entry.kind === 'wasted').map((entry) => entry.witnessPrintedName)).toEqual([
      'Test nurse, RN',
      'Test nurse, RN',
    ]);
  });

  it('leaves a session that drew from no register container as before', () => {
    const sessionId = startSession(40);
    app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(38),
      entry: administrationEvent('start', { rateMlPerH: '151.09', lotNumber: 'K-OLD', lotExpiry: unexpiredLot }),
    });
    app.ok(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(5),
      entry: administrationEvent('end', { volumeInfusedMl: '100', wasteMg: '2' }),
      witness,
    });
    expect(app.ok(nurse, 'register.sessionUse', { sessionId }).entries).toEqual([]);
  });

  it('refuses draws anywhere but at the start', () => {
    const sessionId = startSession(30);
    const observation = app.call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: at(29),
      entry: administrationEvent('pause'),
      draws: [{ containerId: containers[0] ?? 0, volumeMl: '0.1' }],
    });
    expect(observation.ok === false && observation.error.issues?.[0]?.path).toBe('draws');
  });
});
