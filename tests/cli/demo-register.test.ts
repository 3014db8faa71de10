import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import { Decimal } from '../../src/domain/quantity';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';

/** The demo clinic keeps a register as a clinic would: two deliveries, a month of sessions' use, two counts. */
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
  it('has a registrant, two checked deliveries, a month of sessions’ draws and waste, and an initial and a biennial count', () => {
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
    // Every infusion of the month drew from the register (one still running today).
    const sessions = app.ledger.raw
      .prepare('SELECT id, created_at AS createdAt FROM infusion_sessions ORDER BY id')
      .all() as {
      id: number;
      createdAt: string;
    }[];
    expect(sessionIds).toEqual(sessions.map((session) => session.id));
    const first = Date.parse(sessions[0]?.createdAt ?? '');
    const last = Date.parse(sessions.at(-1)?.createdAt ?? '');
    expect((last - first) / 86_400_000).toBeGreaterThanOrEqual(26);
    expect(sessions.length).toBeGreaterThanOrEqual(20);
    const receipts = app.ledger.raw.prepare('SELECT DISTINCT lot_number FROM register_containers').pluck().all();
    expect(receipts).toHaveLength(2);
    let drawnMl = new Decimal(0);
    for (const sessionId of sessionIds) {
      const use = app.ok(auditor, 'register.sessionUse', { sessionId });
      for (const container of use.containers) drawnMl = drawnMl.plus(container.drawn.ml);
    }
    expect(drawnMl.greaterThan(0)).toBe(true);
    expect(stock?.balance.ml).toBe(new Decimal(100).minus(drawnMl).toFixed());
    // Each completed infusion's rest (the dose rounded up to a syringe's 0.1 mL) wasted before a witness.
    const wastedBySession = sessionIds
      .slice(0, -1)
      .map((sessionId) =>
        app.ok(auditor, 'register.sessionUse', { sessionId }).entries.filter((entry) => entry.kind === 'wasted'),
      );
    expect(wastedBySession.flat().every((entry) => entry.witnessPrintedName !== null)).toBe(true);
    expect(wastedBySession.filter((entries) => entries.length > 0).length).toBeGreaterThan(sessionIds.length / 2);
  });
});
