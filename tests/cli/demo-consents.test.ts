import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import { verifyTableStates } from '../../src/db/table-states';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';

/** The demo clinic's consents: its own text, signed consents for its patients, one expired, one withdrawn. */
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

describe('the demo clinic’s consents', () => {
  it('has the clinic’s consent text and a current consent for every plan in force', () => {
    const { documents } = app.ok(auditor, 'consents.documents', {});
    expect(documents).toHaveLength(1);
    expect(documents[0]?.current.content.initialPoints.length).toBeGreaterThan(0);
    const patientIds = app.ledger.raw.prepare('SELECT id FROM patients ORDER BY id').pluck().all() as number[];
    const views = patientIds.map((patientId) => app.ok(auditor, 'consents.forPatient', { patientId }));
    const needs = views.flatMap((view) => view.plans.flatMap((plan) => plan.needs));
    expect(needs.length).toBeGreaterThanOrEqual(7);
    expect(needs.filter((need) => !need.satisfied)).toEqual([]);
    const states = views.flatMap((view) => view.consents.map((consent) => consent.state));
    expect(states.filter((state) => state === 'expired')).toHaveLength(1);
    expect(states.filter((state) => state === 'withdrawn')).toHaveLength(1);
    const expired = views.flatMap((view) => view.consents).find((consent) => consent.state === 'expired');
    expect(expired?.stateText).toMatch(/^Expired /);
    expect(verifyTableStates(app.ledger.raw).problems).toEqual([]);
  });
});
