import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput } from '../../src/contract/methods';
import { auditHead } from '../../src/db/audit-log';
import { Decimal } from '../../src/domain/quantity';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import { signedPlanFor, testChecklist } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { unexpiredLot } from '../support/unexpired-lot';
import { supervisedBy } from '../support/supervision';

/**
 * For any sequence of draws, wastes, returns, destruction, counts with write-offs and
 * corrections (fast-check), through the services on a real ledger: every container's balance
 * is the exact sum of its entries, equals an independent model of the accepted operations, and
 * never goes below zero; a refused operation writes nothing at all.
 */
let app: TestApp;
let physician: SignIn;
let nurse: SignIn;
let sessionId: number;
const witness = { username: 'nurse2', password: staffPassword };
const occurredAt = () => new Date(Date.now() - 60_000).toISOString();

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  signedInUser(app, admin, 'nurse', 'nurse2');
  saveFormulary(app, admin);
  const patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'P-9', familyName: 'Osei', givenNames: 'Kwame', dateOfBirth: '1970-07-07' }),
  }).id;
  const plan = signedPlanFor(app, physician, patientId);
  sessionId = app.ok(nurse, 'sessions.start', {
    supervision: supervisedBy(app),
    planRecordId: plan.planRecordId,
    planVersionId: plan.planVersionId,
    occurredAt: occurredAt(),
    checklist: testChecklist,
    timingReason: plan.timingReason,
  }).id;
}, 120_000);
afterAll(() => app.cleanup());

/** Volumes in tenths and hundredths of a mL, up to 6 mL: enough to run containers dry. */
const volume = fc.integer({ min: 1, max: 600 }).map((hundredths) => new Decimal(hundredths).dividedBy(100).toFixed());
const slot = fc.integer({ min: 0, max: 1 });

type Operation =
  | { op: 'draw'; slot: number; volumeMl: string }
  | { op: 'waste'; slot: number; volumeMl: string }
  | { op: 'return'; slot: number; volumeMl: string }
  | { op: 'destroy'; slot: number; volumeMl: string }
  | { op: 'count'; slot: number; volumeMl: string }
  | { op: 'correct'; back: number; direction: 'more' | 'less'; volumeMl: string };

const operation: fc.Arbitrary<Operation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('draw' as const), slot, volumeMl: volume }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('waste' as const), slot, volumeMl: volume }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('return' as const), slot, volumeMl: volume }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('destroy' as const), slot, volumeMl: volume }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('count' as const), slot, volumeMl: volume }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('correct' as const),
      back: fc.nat({ max: 6 }),
      direction: fc.constantFrom('more' as const, 'less' as const),
      volumeMl: volume,
    }),
  },
);

const receipt: MethodInput<'register.receive'> = {
  drugId: 'ketamine',
  concentrationMgPerMl: '50',
  containerVolumeMl: '5',
  containerCount: 2,
  lotNumber: 'K-PROP',
  lotExpiry: unexpiredLot,
  supplierName: 'Harbor Wholesale Pharmacy',
  supplierAddress: '9 Dock Street',
  supplierRegistration: 'RH1234567',
  invoiceNumber: 'INV-P',
  receivedOn: new Date().toISOString().slice(0, 10),
  checker: { username: 'nurse', password: staffPassword },
};

/** Runs one operation; the ids of balance-moving entries it wrote feed later corrections. */
function run(operation: Operation, containers: number[], written: number[]): boolean {
  const containerId = 'slot' in operation ? (containers[operation.slot] ?? 0) : 0;
  const at = occurredAt();
  switch (operation.op) {
    case 'draw': {
      const result = app.call(nurse, 'register.draw', {
        containerId,
        sessionId,
        volumeMl: operation.volumeMl,
        occurredAt: at,
      });
      if (result.ok) written.push(result.value.entry.id);
      return result.ok;
    }
    case 'waste': {
      const doseMg = new Decimal(operation.volumeMl).times(50).toFixed();
      return app.call(nurse, 'register.waste', { containerId, sessionId, doseMg, occurredAt: at, witness }).ok;
    }
    case 'return': {
      const result = app.call(physician, 'register.return', {
        containerId,
        volumeMl: operation.volumeMl,
        occurredAt: at,
        reason: 'Recall',
      });
      if (result.ok) written.push(result.value.entry.id);
      return result.ok;
    }
    case 'destroy':
      return app.call(physician, 'register.destroy', {
        containerId,
        volumeMl: operation.volumeMl,
        occurredAt: at,
        method: 'Kit',
        reason: 'Broken seal',
        witness,
      }).ok;
    case 'count': {
      const counted = app.call(nurse, 'register.inventory', {
        kind: 'ad-hoc',
        countedAt: at,
        notes: '',
        counts: [{ containerId, countedMl: operation.volumeMl }],
        secondCounter: witness,
      });
      const count = counted.ok ? counted.value.counts[0] : undefined;
      const missing = count === undefined ? null : new Decimal(String(count.details.discrepancyMl));
      if (count !== undefined && missing !== null && missing.greaterThan(0)) {
        app.ok(nurse, 'register.explain', { countEntryId: count.id, category: 'loss', explanation: 'Not found' });
      }
      return counted.ok;
    }
    case 'correct': {
      const entryId = written[written.length - 1 - operation.back];
      if (entryId === undefined) return false;
      return app.call(physician, 'register.correct', {
        entryId,
        direction: operation.direction,
        volumeMl: operation.volumeMl,
        reason: 'Recount of the syringe',
        occurredAt: at,
      }).ok;
    }
  }
}

describe('register balances', () => {
  it('always equal the exact sum of the entries, never go below zero, and refusals write nothing', () => {
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 14 }), (operations) => {
        const containers = app.ok(physician, 'register.receive', receipt).containers.map((container) => container.id);
        const written: number[] = [];
        for (const operation of operations) {
          const head = auditHead(app.ledger.raw);
          const accepted = run(operation, containers, written);
          if (!accepted) expect(auditHead(app.ledger.raw)).toEqual(head);
          for (const containerId of containers) {
            const { container, entries, balanceConsistent } = app.ok(physician, 'register.container', { containerId });
            const summed = entries.reduce(
              (sum, entry) => ({ ml: sum.ml.plus(entry.delta.ml), mg: sum.mg.plus(entry.delta.mg) }),
              { ml: new Decimal(0), mg: new Decimal(0) },
            );
            expect(balanceConsistent).toBe(true);
            expect(container.balance).toEqual({ ml: summed.ml.toFixed(), mg: summed.mg.toFixed() });
            expect(summed.mg.equals(summed.ml.times(50))).toBe(true);
            for (const entry of entries) expect(new Decimal(entry.balance.ml).isNegative()).toBe(false);
          }
        }
        const use = app.ok(nurse, 'register.sessionUse', { sessionId });
        for (const { drawn, wasted } of use.containers) {
          expect(new Decimal(drawn.ml).greaterThanOrEqualTo(wasted.ml)).toBe(true);
        }
      }),
      { numRuns: 12 },
    );
  }, 600_000);
});
