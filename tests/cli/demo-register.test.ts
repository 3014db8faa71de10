import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import { Decimal } from '../../src/domain/quantity';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';

/** The demo clinic keeps a register as a clinic would: a delivery, its use by the sessions, two counts. */
let app: TestApp;
let auditor: SignIn;

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 12 });
  const account = demoUsers.find((user) => user.role === 'auditor');
  auditor = app.newSignIn();
  app.ok(auditor, 'auth.signIn', { username: account?.username ?? '', password: account?.password ?? '' });
}, 180_000);
afterAll(() => app.cleanup());

describe('the demo register', () => {
  it('has a registrant, a checked delivery, the sessions’ draws and waste, and an initial and a biennial count', () => {
    const overview = app.ok(auditor, 'register.overview', {});
    expect(overview.settings).toMatchObject({ registrantName: 'Ana Ruiz, MD', inUseLimitDays: 28 });
    expect(overview.inventories.map((inventory) => inventory.kind)).toEqual(['biennial', 'initial']);
    expect(overview.discrepancies).toEqual([]);
    expect(overview.openVials).toHaveLength(1);
    const [stock] = overview.byDrug;
    const sessionIds = app.ledger.raw
      .prepare('SELECT DISTINCT session_id FROM register_entries WHERE session_id IS NOT NULL ORDER BY 1')
      .pluck()
      .all() as number[];
    expect(sessionIds).toHaveLength(2);
    let drawnMl = new Decimal(0);
    for (const sessionId of sessionIds) {
      const use = app.ok(auditor, 'register.sessionUse', { sessionId });
      for (const container of use.containers) drawnMl = drawnMl.plus(container.drawn.ml);
    }
    expect(drawnMl.greaterThan(0)).toBe(true);
    expect(stock?.balance.ml).toBe(new Decimal(50).minus(drawnMl).toFixed());
    const wasted = app.ok(auditor, 'register.sessionUse', { sessionId: sessionIds[0] ?? 0 }).entries;
    expect(wasted.some((entry) => entry.kind === 'wasted' && entry.witnessPrintedName !== null)).toBe(true);
  });
});
