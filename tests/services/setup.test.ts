import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { expectRefused } from '../support/raw-call';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp } from '../support/test-app';

const admin = { username: 'ana.ruiz', displayName: 'Ana Ruiz', credentials: 'MD', password: adminPassword };

function setupInput(timeZone: string) {
  return { clinic: { name: 'Harbor Infusion Clinic', address: '1 Harbor Way', timeZone }, admin };
}

let app: TestApp;
beforeEach(() => {
  app = createTestApp();
});
afterEach(() => app.cleanup());

describe("set-up: the clinic's time zone", () => {
  it.each([
    ['Asia/Calcutta', 'Asia/Calcutta is an old name: choose its current name, Asia/Kolkata (Kolkata, India)'],
    ['Asia/Saigon', 'Asia/Saigon is an old name: choose its current name, Asia/Ho_Chi_Minh (Ho Chi Minh, Vietnam)'],
    ['Europe/Kiev', 'Europe/Kiev is an old name: choose its current name, Europe/Kyiv (Kyiv, Ukraine)'],
    ['Etc/UTC', 'Etc/UTC is an old name: choose its current name, UTC'],
  ])('refuses the legacy name %s with its current name, on the field, writing nothing', (zone, message) => {
    const error = expectRefused(app, app.newSignIn(), 'setup.initialize', setupInput(zone), 'INVALID_INPUT');
    expect(error.issues).toEqual([{ path: 'clinic.timeZone', message }]);
  });

  it('asks for a time zone when none is chosen, and refuses one that does not exist', () => {
    const none = expectRefused(app, app.newSignIn(), 'setup.initialize', setupInput(''), 'INVALID_INPUT');
    expect(none.issues).toEqual([{ path: 'clinic.timeZone', message: "Choose the clinic's time zone" }]);
    const unknown = expectRefused(
      app,
      app.newSignIn(),
      'setup.initialize',
      setupInput('Mars/Olympus'),
      'INVALID_INPUT',
    );
    expect(unknown.issues).toEqual([
      { path: 'clinic.timeZone', message: 'Choose a time zone from the list, e.g. America/New_York' },
    ]);
  });

  it.each(['Asia/Kolkata', 'Europe/Kyiv', 'Asia/Ho_Chi_Minh', 'UTC'])('accepts the current name %s', (zone) => {
    const info = app.ok(app.newSignIn(), 'setup.initialize', setupInput(zone));
    expect(info).toMatchObject({ state: 'active', clinic: { timeZone: zone } });
  });
});

describe('set-up: who is signed in afterwards', () => {
  it('signs in the administrator it created, by name and role', () => {
    const session = app.newSignIn();
    const info = app.ok(session, 'setup.initialize', setupInput('Asia/Kolkata'));
    expect(info).toMatchObject({
      state: 'active',
      user: { username: 'ana.ruiz', displayName: 'Ana Ruiz', credentials: 'MD', role: 'admin' },
    });
    // The same session, asked again, is still that administrator's.
    expect(app.ok(session, 'signIn.get', {})).toMatchObject({ state: 'active', user: { username: 'ana.ruiz' } });
  });
});
