import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/contract/methods';
import { auditHead, verifyAuditChain } from '../../src/db/audit-log';
import { verifyTableStates } from '../../src/db/table-states';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import { signedPlanFor, testChecklist } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';
import { supervisedBy } from '../support/supervision';

let app: TestApp;
let admin: SignIn;
let physician: SignIn;
let nurse: SignIn;
let auditor: SignIn;
let sessionId: number;
let patientId: number;

const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString();
const today = () => new Date().toISOString().slice(0, 10);
const witness = { username: 'nurse2', password: staffPassword };

const receipt = (count = 2): MethodInput<'register.receive'> => ({
  drugId: 'ketamine',
  concentrationMgPerMl: '50',
  containerVolumeMl: '10',
  containerCount: count,
  lotNumber: 'K-2207',
  lotExpiry: unexpiredLot,
  supplierName: 'Harbor Wholesale Pharmacy',
  supplierAddress: '9 Dock Street, Boston MA',
  supplierRegistration: 'RH1234567',
  invoiceNumber: 'INV-5501',
  receivedOn: today(),
  checker: { username: 'nurse', password: staffPassword },
});

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  signedInUser(app, admin, 'nurse', 'nurse2');
  auditor = signedInUser(app, admin, 'auditor');
  saveFormulary(app, admin);
  patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'R-1', familyName: 'Lindqvist', givenNames: 'Maja', dateOfBirth: '1980-02-02' }),
  }).id;
  const plan = signedPlanFor(app, physician, patientId);
  sessionId = app.ok(nurse, 'sessions.start', {
    supervision: supervisedBy(app),
    planRecordId: plan.planRecordId,
    planVersionId: plan.planVersionId,
    occurredAt: at(30),
    checklist: testChecklist,
    timingReason: plan.timingReason,
  }).id;
});
afterAll(() => app.cleanup());

describe('the controlled-substance register', () => {
  it('receives containers with their own identity, checked by a second person', () => {
    const noChecker = app.call(physician, 'register.receive', {
      ...receipt(),
      checker: { username: 'physician', password: staffPassword },
    });
    expect(noChecker.ok === false && noChecker.error.message).toBe('The checker must be someone else.');
    const byNurse = app.call(nurse, 'register.receive', { ...receipt(), checker: witness });
    expect(byNurse.ok === false && byNurse.error.code).toBe('FORBIDDEN');
    expect(app.ok(nurse, 'register.overview', {}).mayRecord).toEqual({
      receipt: false,
      inventory: true,
      destruction: false,
    });
    expect(app.ok(physician, 'register.overview', {}).mayRecord.receipt).toBe(true);
    const wrongConcentration = app.call(physician, 'register.receive', { ...receipt(), concentrationMgPerMl: '100' });
    expect(wrongConcentration.ok === false && wrongConcentration.error.issues?.[0]?.path).toBe('concentrationMgPerMl');

    const received = app.ok(physician, 'register.receive', receipt());
    expect(received.containers.map((container) => [container.label, container.balance, container.status])).toEqual([
      [`R${received.receiptId}-1`, { ml: '10', mg: '500' }, 'unopened'],
      [`R${received.receiptId}-2`, { ml: '10', mg: '500' }, 'unopened'],
    ]);
    const overview = app.ok(auditor, 'register.overview', {});
    expect(overview.byDrug).toEqual([
      expect.objectContaining({ drugId: 'ketamine', balance: { ml: '20', mg: '1000' }, containers: 2 }),
    ]);
  });

  it('draws for a session, opens the vial on the first draw, and wastes only what was drawn, witnessed', () => {
    const [first] = app.ok(auditor, 'register.overview', {}).onHand;
    if (first === undefined) throw new Error('no container');
    app.ok(nurse, 'register.draw', { containerId: first.id, sessionId, volumeMl: '0.72', occurredAt: at(25) });
    const history = app.ok(auditor, 'register.container', { containerId: first.id });
    expect(history.entries.map((entry) => entry.kind)).toEqual(['received', 'opened', 'drawn']);
    expect(history.entries[2]).toMatchObject({ sessionId, sessionPatientId: patientId });
    expect(history.container).toMatchObject({ status: 'open', balance: { ml: '9.28', mg: '464' } });
    expect(history.balanceConsistent).toBe(true);

    const tooMuch = app.call(nurse, 'register.waste', {
      containerId: first.id,
      sessionId,
      doseMg: '37',
      occurredAt: at(5),
      witness,
    });
    expect(tooMuch.ok === false && tooMuch.error.issues?.[0]?.path).toBe('doseMg');
    const selfWitness = app.call(nurse, 'register.waste', {
      containerId: first.id,
      sessionId,
      doseMg: '6',
      occurredAt: at(5),
      witness: { username: 'nurse', password: staffPassword },
    });
    expect(selfWitness.ok === false && selfWitness.error.message).toBe('The witness must be someone else.');
    const wasted = app.ok(nurse, 'register.waste', {
      containerId: first.id,
      sessionId,
      doseMg: '6',
      occurredAt: at(5),
      witness,
    });
    expect(wasted.entry).toMatchObject({
      kind: 'wasted',
      delta: { ml: '0', mg: '0' },
      witnessPrintedName: 'Test nurse, RN',
    });
    const use = app.ok(nurse, 'register.sessionUse', { sessionId });
    expect(use.containers[0]).toMatchObject({ drawn: { ml: '0.72', mg: '36' }, wasted: { ml: '0.12', mg: '6' } });
  });

  it('refuses to take a container below zero, and writes nothing then', () => {
    const [, second] = app.ok(auditor, 'register.overview', {}).onHand;
    if (second === undefined) throw new Error('no container');
    const head = auditHead(app.ledger.raw);
    const refused = app.call(nurse, 'register.draw', {
      containerId: second.id,
      sessionId,
      volumeMl: '10.5',
      occurredAt: at(3),
    });
    expect(refused.ok === false && refused.error.message).toMatch(
      /holds 10 mL \(500 mg\), less than the 10.5 mL entered: nothing was recorded/,
    );
    expect(auditHead(app.ledger.raw)).toEqual(head);
    expect(app.ok(auditor, 'register.container', { containerId: second.id }).entries).toHaveLength(1);
  });

  it('counts with two people, flags a discrepancy, writes off a loss and clears on a physician’s review', () => {
    const onHand = app.ok(auditor, 'register.overview', {}).onHand;
    const [first, second] = onHand;
    if (first === undefined || second === undefined) throw new Error('no containers');
    const partial = app.call(nurse, 'register.inventory', {
      kind: 'biennial',
      countedAt: at(1),
      notes: '',
      counts: [{ containerId: first.id, countedMl: '9.28' }],
      secondCounter: witness,
    });
    expect(partial.ok === false && partial.error.message).toMatch(
      /counts every container on hand: R\d+-2 is not counted/,
    );
    const counted = app.ok(nurse, 'register.inventory', {
      kind: 'biennial',
      countedAt: at(1),
      notes: 'Close of business',
      counts: [
        { containerId: first.id, countedMl: '9.28' },
        { containerId: second.id, countedMl: '9.5' },
      ],
      secondCounter: witness,
    });
    const discrepancy = counted.counts[1];
    expect(discrepancy?.details).toMatchObject({ discrepancyMl: '0.5', discrepancyMg: '25' });
    let overview = app.ok(auditor, 'register.overview', {});
    expect(overview.discrepancies).toHaveLength(1);
    expect(overview.inventories[0]).toMatchObject({ kind: 'biennial', secondCounterName: 'Test nurse, RN' });

    if (discrepancy === undefined) throw new Error('no count');
    app.ok(nurse, 'register.explain', {
      countEntryId: discrepancy.id,
      category: 'spillage',
      explanation: 'Vial cracked',
    });
    const history = app.ok(auditor, 'register.container', { containerId: second.id });
    expect(history.container.balance).toEqual({ ml: '9.5', mg: '475' });
    expect(history.entries.at(-1)).toMatchObject({ kind: 'lost', delta: { ml: '-0.5', mg: '-25' } });

    const byNurse = app.call(nurse, 'register.review', { countEntryId: discrepancy.id, note: 'Seen' });
    expect(byNurse.ok === false && byNurse.error.code).toBe('FORBIDDEN');
    app.ok(physician, 'register.review', { countEntryId: discrepancy.id, note: 'Seen; breakage reported' });
    overview = app.ok(auditor, 'register.overview', {});
    expect(overview.discrepancies).toEqual([]);
  });

  it('corrects an entry with a new one that names it, and destroys with a witness as the settings allow', () => {
    const [first] = app.ok(auditor, 'register.overview', {}).onHand;
    if (first === undefined) throw new Error('no container');
    const drawn = app
      .ok(auditor, 'register.container', { containerId: first.id })
      .entries.find((e) => e.kind === 'drawn');
    if (drawn === undefined) throw new Error('no draw');
    app.ok(nurse, 'register.correct', {
      entryId: drawn.id,
      direction: 'more',
      volumeMl: '0.08',
      reason: 'Drew 0.8 mL, charted 0.72',
      occurredAt: at(1),
    });
    const use = app.ok(nurse, 'register.sessionUse', { sessionId });
    expect(use.containers[0]).toMatchObject({ drawn: { ml: '0.8', mg: '40' } });
    expect(app.ok(auditor, 'register.container', { containerId: first.id }).container.balance).toEqual({
      ml: '9.2',
      mg: '460',
    });

    const byNurse = app.call(nurse, 'register.destroy', {
      containerId: first.id,
      volumeMl: '9.2',
      occurredAt: at(0),
      method: 'Chemical denaturing kit',
      reason: 'Past in-use date',
      witness,
    });
    expect(byNurse.ok === false && byNurse.error.code).toBe('FORBIDDEN');
    const settings = app.ok(admin, 'register.overview', {});
    app.ok(admin, 'register.settings.update', {
      settings: { ...settings.settings, destructionRoles: ['physician', 'nurse'], inUseLimitDays: 28 },
      expectedVersion: settings.settingsVersion,
    });
    const stale = app.call(admin, 'register.settings.update', { settings: settings.settings, expectedVersion: 0 });
    expect(stale.ok === false && stale.error.code).toBe('CONFLICT');
    app.ok(nurse, 'register.destroy', {
      containerId: first.id,
      volumeMl: '9.2',
      occurredAt: at(0),
      method: 'Chemical denaturing kit',
      reason: 'Past in-use date',
      witness,
    });
    const after = app.ok(auditor, 'register.container', { containerId: first.id });
    expect(after.container).toMatchObject({ status: 'empty', balance: { ml: '0', mg: '0' } });
  });

  it('is append-only in the database, audited, and held against the trail by audit verify', () => {
    const raw = app.ledger.raw;
    for (const table of ['register_receipts', 'register_containers', 'register_entries', 'register_inventories']) {
      expect(() => raw.prepare(`UPDATE ${table} SET id = id`).run(), table).toThrow(/append-only/);
      expect(() => raw.prepare(`DELETE FROM ${table}`).run(), table).toThrow(/append-only/);
    }
    expect(verifyAuditChain(raw).ok).toBe(true);
    const states = verifyTableStates(raw);
    expect(states.problems).toEqual([]);
    expect(states.notCovered).toEqual([]);
  });
});
