import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SignIn } from '../../src/services/sign-in';
import { auditSince } from '../support/ledger-state';
import { expectRefused } from '../support/raw-call';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic } from '../support/test-app';

const settings = { name: 'Harbor Infusion Clinic', address: '1 Harbor Way', autoLockMinutes: 10 };

let app: TestApp;
let admin: SignIn;
beforeEach(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'Asia/Kolkata');
});
afterEach(() => app.cleanup());

/** A ledger set up before legacy names were refused: its clinic row holds "Asia/Calcutta". */
function storeLegacyZone(zone: string): void {
  app.ledger.raw.prepare('UPDATE clinic SET time_zone = ? WHERE id = 1').run(zone);
}

describe('clinic.update: the time zone', () => {
  it('refuses a legacy name with its current name, on the field, writing nothing', () => {
    const error = expectRefused(app, admin, 'clinic.update', { ...settings, timeZone: 'Europe/Kiev' }, 'INVALID_INPUT');
    expect(error.issues).toEqual([
      { path: 'timeZone', message: 'Europe/Kiev is an old name: choose its current name, Europe/Kyiv (Kyiv, Ukraine)' },
    ]);
  });

  it('refuses an empty choice in words', () => {
    const error = expectRefused(app, admin, 'clinic.update', { ...settings, timeZone: '' }, 'INVALID_INPUT');
    expect(error.issues).toEqual([{ path: 'timeZone', message: "Choose the clinic's time zone" }]);
  });

  it('saves a current name, UTC included', () => {
    expect(app.ok(admin, 'clinic.update', { ...settings, timeZone: 'UTC' }).timeZone).toBe('UTC');
    expect(app.ok(admin, 'clinic.update', { ...settings, timeZone: 'Europe/Kyiv' }).timeZone).toBe('Europe/Kyiv');
  });
});

describe('a clinic set up earlier under a legacy zone name', () => {
  it('still loads, for signing in and for its settings, under the name it was saved with', () => {
    storeLegacyZone('Asia/Calcutta');
    expect(app.ok(app.newSignIn(), 'signIn.get', {})).toMatchObject({
      state: 'signed-out',
      clinic: { timeZone: 'Asia/Calcutta' },
    });
    const again = app.newSignIn();
    expect(app.ok(again, 'auth.signIn', { username: 'admin', password: adminPassword })).toMatchObject({
      state: 'active',
      clinic: { timeZone: 'Asia/Calcutta' },
    });
    expect(app.ok(admin, 'clinic.get', {}).timeZone).toBe('Asia/Calcutta');
  });

  it('cannot be saved again under the legacy name, and moves to the current name with an audit entry', () => {
    storeLegacyZone('Asia/Calcutta');
    const legacy = expectRefused(
      app,
      admin,
      'clinic.update',
      { ...settings, timeZone: 'Asia/Calcutta' },
      'INVALID_INPUT',
    );
    expect(legacy.issues?.[0]?.message).toContain('Asia/Kolkata');

    const seq = Number(app.ledger.raw.prepare('SELECT MAX(seq) AS seq FROM audit_log').pluck().get());
    const saved = app.ok(admin, 'clinic.update', { ...settings, timeZone: 'Asia/Kolkata' });
    expect(saved.timeZone).toBe('Asia/Kolkata');
    const entries = auditSince(app.ledger.raw, seq).filter((entry) => entry.action === 'clinic.updated');
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ changes: { timeZone: { from: 'Asia/Calcutta', to: 'Asia/Kolkata' } } });
  });
});
