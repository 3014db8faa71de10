import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignIn } from '../../src/services/sign-in';
import { auditSince, ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser } from '../support/test-app';
import { rowAudit } from '../support/row-audit';

let app: TestApp;
let admin: SignIn;
let physician: SignIn;

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  physician = signedInUser(app, admin, 'physician');
});
afterAll(() => app.cleanup());

const settings = { name: 'Harbor Infusion Clinic', address: '1 Harbor Way', timeZone: 'UTC', autoLockMinutes: 10 };

describe("the clinic's weight-check settings", () => {
  it('start at 10% within 30 days and a plausible adult range of 30–300 kg, readable by every signed-in role', () => {
    expect(app.ok(physician, 'clinic.get', {})).toMatchObject({
      weightChangePercent: 10,
      weightChangeDays: 30,
      weightPlausibleMinKg: 30,
      weightPlausibleMaxKg: 300,
    });
  });

  it('are changed by the administrator and audited old → new; left out of an update, they stay as they are', () => {
    const head = ledgerState(app.ledger.raw).head.seq;
    const updated = app.ok(admin, 'clinic.update', {
      ...settings,
      weightChangePercent: 5,
      weightChangeDays: 14,
      weightPlausibleMinKg: 35,
      weightPlausibleMaxKg: 250,
    });
    expect(updated).toMatchObject({
      weightChangePercent: 5,
      weightChangeDays: 14,
      weightPlausibleMinKg: 35,
      weightPlausibleMaxKg: 250,
    });
    expect(auditSince(app.ledger.raw, head)).toEqual([
      expect.objectContaining({
        action: 'clinic.updated',
        details: {
          changes: {
            weightChangePercent: { from: 10, to: 5 },
            weightChangeDays: { from: 30, to: 14 },
            weightPlausibleMinKg: { from: 30, to: 35 },
            weightPlausibleMaxKg: { from: 300, to: 250 },
          },
          ...rowAudit,
        },
      }),
    ]);
    app.ok(admin, 'clinic.update', { ...settings, address: '2 Harbor Way' });
    expect(app.ok(physician, 'clinic.get', {})).toMatchObject({ address: '2 Harbor Way', weightChangePercent: 5 });
  });

  it('refuse a plausible range that does not rise, and a fraction of a percent, in words on the field, writing nothing', () => {
    const before = ledgerState(app.ledger.raw);
    const range = app.call(admin, 'clinic.update', {
      ...settings,
      weightPlausibleMinKg: 200,
      weightPlausibleMaxKg: 200,
    });
    expect(range.ok === false && range.error.code).toBe('INVALID_INPUT');
    expect(range.ok === false && range.error.issues).toEqual([
      { path: 'weightPlausibleMaxKg', message: expect.stringContaining('above the lowest') as string },
    ]);
    // Against the stored bottom (35 kg) too, when only the top is sent.
    const top = app.call(admin, 'clinic.update', { ...settings, weightPlausibleMaxKg: 20 });
    expect(top.ok === false && top.error.issues?.map((issue) => issue.path)).toEqual(['weightPlausibleMaxKg']);
    const fraction = app.call(admin, 'clinic.update', { ...settings, weightChangePercent: 7.5 });
    expect(fraction.ok === false && fraction.error.issues?.map((issue) => issue.path)).toEqual(['weightChangePercent']);
    expect(app.call(physician, 'clinic.update', { ...settings, weightChangePercent: 20 }).ok).toBe(false);
    expect(ledgerState(app.ledger.raw)).toEqual(before);
  });
});
