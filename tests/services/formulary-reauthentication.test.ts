import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoFormulary, demoKetamine } from '../../src/cli/demo-clinical';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic } from '../support/test-app';

/**
 * Issue 20, point 9: saving the formulary changes what every later plan is checked against,
 * so it asks the administrator's password again and a reason, and the history shows both.
 */
let app: TestApp;
let admin: SignIn;

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app);
}, 600_000);
afterAll(() => app.cleanup());

const withRateBounds = {
  ...demoFormulary,
  drugs: [
    {
      ...demoKetamine,
      limits: {
        ...demoKetamine.limits,
        rateMgPerH: { hardMin: null, softMin: null, softMax: '60', hardMax: '120' },
        rateMlPerH: { hardMin: null, softMin: null, softMax: null, hardMax: '300' },
      },
    },
  ],
};

function versionCount(): number {
  return (app.ledger.raw.prepare('SELECT count(*) AS n FROM formulary_versions').get() as { n: number }).n;
}

function auditRows(action: string): { details: string }[] {
  return app.ledger.raw.prepare('SELECT details FROM audit_log WHERE action = ? ORDER BY seq').all(action) as {
    details: string;
  }[];
}

function failedSignIns(): number {
  return (
    app.ledger.raw.prepare("SELECT failed_sign_ins AS n FROM users WHERE username = 'admin'").get() as { n: number }
  ).n;
}

describe('saving the formulary asks for the password and a reason', () => {
  it('refuses a wrong password, writes no version, and counts the failed try', () => {
    const before = versionCount();
    const result = app.call(admin, 'formulary.update', {
      content: withRateBounds,
      password: 'Not-the-password-1',
      reason: 'Rate limits agreed',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INVALID_CREDENTIALS');
    expect(result.error.message).toMatch(/The password is not right\. 4 more tries before the account locks/);
    expect(result.error.issues).toEqual([{ path: 'password', message: 'The password is not right' }]);
    expect(versionCount()).toBe(before);
    expect(auditRows('formulary.updated')).toEqual([]);
    expect(auditRows('formulary.password-wrong')).toHaveLength(1);
    expect(failedSignIns()).toBe(1);
  });

  it('requires a reason: empty, blank or over 1,000 characters is refused on its field', () => {
    const before = versionCount();
    for (const reason of ['', '   ', 'x'.repeat(1001)]) {
      const result = app.call(admin, 'formulary.update', { content: withRateBounds, password: adminPassword, reason });
      expect(result.ok).toBe(false);
      if (result.ok) continue;
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.issues?.map((issue) => issue.path)).toEqual(['reason']);
    }
    const missing = app.call(admin, 'formulary.update', { content: withRateBounds } as never);
    expect(missing.ok ? [] : missing.error.issues?.map((issue) => issue.path)).toEqual(['password', 'reason']);
    expect(versionCount()).toBe(before);
  });

  it('saves with the right password, keeping the reason (trimmed) with the version and in the audit entry', () => {
    const saved = app.ok(admin, 'formulary.update', {
      content: withRateBounds,
      password: adminPassword,
      reason: '  Ketamine limits, with mg/h and pump rate bounds, agreed by the clinic  ',
    });
    expect(saved.version).toBe(1);
    expect(saved.content.drugs[0]?.limits.rateMgPerH).toEqual({
      hardMin: null,
      softMin: null,
      softMax: '60',
      hardMax: '120',
    });
    const [audit] = auditRows('formulary.updated');
    const details = JSON.parse(audit?.details ?? '{}') as Record<string, unknown>;
    expect(details.reason).toBe('Ketamine limits, with mg/h and pump rate bounds, agreed by the clinic');
    expect(details.passwordConfirmed).toBe(true);
    expect(details.limitChanges).toEqual(
      expect.arrayContaining([
        { drugId: 'ketamine', quantity: 'rateMgPerH', bound: 'softMax', from: null, to: '60' },
        { drugId: 'ketamine', quantity: 'rateMlPerH', bound: 'hardMax', from: null, to: '300' },
        { drugId: 'ketamine', quantity: 'doseMgPerKg', bound: 'hardMax', from: null, to: '2' },
      ]),
    );
    // The password is never kept anywhere.
    expect(audit?.details).not.toContain(adminPassword);
  });

  it('shows each version in the history, newest first: author, time, reason and the limits it changed', () => {
    app.ok(admin, 'formulary.update', {
      content: {
        ...withRateBounds,
        drugs: [
          {
            ...withRateBounds.drugs[0],
            limits: {
              ...withRateBounds.drugs[0]?.limits,
              rateMlPerH: { hardMin: null, softMin: null, softMax: null, hardMax: '250' },
            },
          },
        ],
      } as typeof withRateBounds,
      password: adminPassword,
      reason: 'Smaller pump: maximum rate lowered',
    });
    const history = app.ok(admin, 'formulary.history', {});
    expect(history.map((entry) => entry.version)).toEqual([2, 1]);
    expect(history[0]).toMatchObject({
      createdBy: 'Alex Admin',
      reason: 'Smaller pump: maximum rate lowered',
      passwordConfirmed: true,
      limitChanges: ['Ketamine hydrochloride: Pump rate (mL/h), hard limit maximum: 300 mL/h → 250 mL/h'],
    });
    expect(history[0]?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(history[1]?.limitChanges).toContain(
      'Ketamine hydrochloride: Rate (mg/h), configured range maximum: Not configured → 60 mg/h',
    );
    // Read back from the database, not from the call that saved it.
    expect(app.ledger.raw.prepare('SELECT reason FROM formulary_versions ORDER BY version').all()).toEqual([
      { reason: 'Ketamine limits, with mg/h and pump rate bounds, agreed by the clinic' },
      { reason: 'Smaller pump: maximum rate lowered' },
    ]);
  });

  it('reads a version saved before reasons and rate bounds existed: no reason, no password, no rate bound', () => {
    // As an older release stored it: no reason column value, no mg/h or mL/h bounds in the JSON.
    const { rateMgPerH, rateMlPerH, ...olderLimits } = demoKetamine.limits;
    expect([rateMgPerH, rateMlPerH]).toHaveLength(2);
    const older = JSON.stringify({ drugs: [{ ...demoKetamine, limits: olderLimits }], screeningItems: [] });
    app.ledger.raw
      .prepare(
        "INSERT INTO formulary_versions (version, content, created_at, created_by, reason) VALUES (3, ?, '2026-01-01T09:00:00.000Z', 1, NULL)",
      )
      .run(older);
    const current = app.ok(admin, 'formulary.get', {});
    expect(current.version).toBe(3);
    expect(current.content.drugs[0]?.limits.rateMlPerH).toEqual({
      hardMin: null,
      softMin: null,
      softMax: null,
      hardMax: null,
    });
    const [newest] = app.ok(admin, 'formulary.history', {});
    expect(newest).toMatchObject({ version: 3, reason: null, passwordConfirmed: false });
    // The stored bytes are left as they were.
    expect(app.ledger.raw.prepare('SELECT content FROM formulary_versions WHERE version = 3').get()).toEqual({
      content: older,
    });
  });
});
