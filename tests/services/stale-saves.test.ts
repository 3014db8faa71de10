import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodInput, MethodName } from '../../src/contract/methods';
import { completeExam, demoFormulary } from '../../src/cli/demo-clinical';
import type { JsonValue } from '../../src/domain/canonical-json';
import { diffRecords } from '../../src/domain/record-diff';
import { starterSessionConfiguration } from '../../src/domain/session-configuration';
import { formatDateTime } from '../../src/domain/time';
import { requestDeviceEnrolment } from '../../src/services/devices';
import type { SignIn } from '../../src/services/sign-in';
import { tempFolder } from '../backup/backup-fixture';
import { expectUnchanged, ledgerState } from '../support/ledger-state';
import { patientInput } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import {
  adminPassword,
  createTestApp,
  saveFormulary,
  setUpClinic,
  signedInUser,
  staffPassword,
} from '../support/test-app';
import { backupPassphrase, backupSettingsStamp, setUpBackups } from './backup-test-app';

/**
 * Two people (or one on two devices) editing the same thing: a save from a screen that loaded
 * it before someone else's save is refused (CONFLICT), says who and when, and changes nothing.
 */

let app: TestApp;
let admin: SignIn;
let otherAdmin: SignIn;
let physician: SignIn;
let patientId: number;
const zone = 'America/New_York';
const today = new Date().toISOString().slice(0, 10);

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, zone);
  otherAdmin = signedInUser(app, admin, 'admin', 'admin2');
  physician = signedInUser(app, admin, 'physician');
  saveFormulary(app, admin, demoFormulary);
  const nurse = signedInUser(app, admin, 'nurse');
  patientId = app.ok(nurse, 'patients.create', {
    patient: patientInput({
      mrn: 'STALE-1',
      givenNames: 'Ana',
      dateOfBirth: '1980-01-02',
      phone: '',
      emergencyContact: null,
      allergies: { status: 'none-known' },
    }),
  }).id;
});
afterAll(() => app.cleanup());

/** Each save a second later, so that every save has its own `updatedAt`. */
function later(): void {
  app.clockOffsetMs += 1000;
}

function expectStale<M extends MethodName>(session: SignIn, method: M, input: MethodInput<M>, says: string[]) {
  const before = ledgerState(app.ledger.raw);
  const result = app.call(session, method, input);
  if (result.ok) throw new Error(`${method} saved over a newer save`);
  expect(result.error.code).toBe('CONFLICT');
  for (const text of says) expect(result.error.message).toContain(text);
  expectUnchanged(app.ledger.raw, before);
  return result.error;
}

describe('records.saveDraft from two screens of the same physician', () => {
  it('saves twice from one screen, refuses the stale one with the fields changed since, and accepts the current one', () => {
    const created = app.ok(physician, 'records.create', { type: 'exam', patientId });
    const draft = created.versions[0];
    if (draft === undefined) throw new Error('no draft');
    const loadedByTablet = draft.updatedAt;
    const first = completeExam(today);
    const second = { ...first, findings: 'Alert and oriented' };

    // The desk saves twice in a row, each time with what its last save returned.
    later();
    const saved1 = app.ok(physician, 'records.saveDraft', {
      type: 'exam',
      versionId: draft.id,
      expectedUpdatedAt: draft.updatedAt,
      content: first,
    });
    const at1 = saved1.versions[0]?.updatedAt ?? '';
    later();
    const saved2 = app.ok(physician, 'records.saveDraft', {
      type: 'exam',
      versionId: draft.id,
      expectedUpdatedAt: at1,
      content: second,
    });
    const at2 = saved2.versions[0]?.updatedAt ?? '';
    expect(at2 > at1).toBe(true);

    // The tablet loaded the empty draft: every field the desk filled in is listed.
    later();
    const typedOnTablet = { ...completeExam(today), findings: 'Typed on the tablet' };
    const error = expectStale(
      physician,
      'records.saveDraft',
      { type: 'exam', versionId: draft.id, expectedUpdatedAt: loadedByTablet, content: typedOnTablet },
      ['you saved this exam draft', formatDateTime(at2, zone), 'UTC\u221205:00', 'load the latest'],
    );
    const expected = diffRecords(created.versions[0]?.content as unknown as JsonValue, second);
    expect(error.issues?.map((issue) => issue.path)).toEqual(expected.map((change) => `content.${change.path}`));

    // A screen that loaded the first save sees only what the second changed.
    const sinceFirst = expectStale(
      physician,
      'records.saveDraft',
      { type: 'exam', versionId: draft.id, expectedUpdatedAt: at1, content: typedOnTablet },
      ['one field'],
    );
    expect(sinceFirst.issues).toEqual([{ path: 'content.findings', message: 'Changed since this screen loaded it' }]);

    // Loading the latest (at2) and saving again passes.
    const current = app.ok(physician, 'records.saveDraft', {
      type: 'exam',
      versionId: draft.id,
      expectedUpdatedAt: at2,
      content: typedOnTablet,
    });
    expect(current.versions[0]?.content).toMatchObject({ findings: 'Typed on the tablet' });
  });
});

describe('records.sign from a screen that does not show the latest save', () => {
  it('refuses to sign content saved elsewhere since, signing nothing, and signs what the screen shows', () => {
    const created = app.ok(physician, 'records.create', { type: 'exam', patientId });
    const draft = created.versions[0];
    if (draft === undefined) throw new Error('no draft');
    later();
    const shownOnDesk = app.ok(physician, 'records.saveDraft', {
      type: 'exam',
      versionId: draft.id,
      expectedUpdatedAt: draft.updatedAt,
      content: completeExam(today),
    }).versions[0]?.updatedAt;
    later();
    const tablet = app.ok(physician, 'records.saveDraft', {
      type: 'exam',
      versionId: draft.id,
      expectedUpdatedAt: shownOnDesk,
      content: { ...completeExam(today), findings: 'Changed on the tablet' },
    }).versions[0]?.updatedAt;
    later();
    const signing = {
      versionId: draft.id,
      meaning: 'authored' as const,
      username: 'physician',
      password: staffPassword,
    };
    const error = expectStale(physician, 'records.sign', { ...signing, expectedUpdatedAt: shownOnDesk }, [
      'Not signed: you saved this exam draft',
      'Nothing was signed',
    ]);
    expect(error.issues).toEqual([{ path: 'content.findings', message: 'Changed since this screen loaded it' }]);
    const signed = app.ok(physician, 'records.sign', { ...signing, expectedUpdatedAt: tablet });
    expect(signed.versions[0]).toMatchObject({ status: 'signed', content: { findings: 'Changed on the tablet' } });
  });
});

describe('formulary.update from two administrators', () => {
  const named = (name: string) => ({
    ...demoFormulary,
    drugs: demoFormulary.drugs.map((drug, index) => (index === 0 ? { ...drug, name } : drug)),
  });

  it('saves twice from one screen, refuses the stale one naming who saved and when, and accepts the current one', () => {
    const loaded = app.ok(otherAdmin, 'formulary.get', {});
    const confirm = { password: adminPassword, reason: 'Renamed for the pharmacy' };
    later();
    const first = app.ok(admin, 'formulary.update', {
      expectedVersion: loaded.version,
      content: named('Ketamine A'),
      ...confirm,
    });
    later();
    const second = app.ok(admin, 'formulary.update', {
      expectedVersion: first.version,
      content: named('Ketamine B'),
      ...confirm,
    });
    expect(second.version).toBe(loaded.version + 2);
    later();
    const stale = { content: named('Ketamine C'), password: staffPassword, reason: 'Mine' };
    expectStale(otherAdmin, 'formulary.update', { expectedVersion: loaded.version, ...stale }, [
      `the formulary (now version ${second.version})`,
      'Alex Admin saved',
      formatDateTime(second.createdAt ?? '', zone),
    ]);
    const current = app.ok(otherAdmin, 'formulary.update', { expectedVersion: second.version, ...stale });
    expect(current.version).toBe(second.version + 1);
  });
});

describe('clinic.sessionConfiguration.update from two administrators', () => {
  it('saves twice from one screen, refuses the stale one naming who saved and when, and accepts the current one', () => {
    const loaded = app.ok(otherAdmin, 'clinic.sessionConfiguration.get', {});
    const scales = (pcl5: boolean, gad7: boolean) => ({
      ...starterSessionConfiguration,
      preSessionScales: { ...starterSessionConfiguration.preSessionScales, pcl5, gad7 },
    });
    later();
    const first = app.ok(admin, 'clinic.sessionConfiguration.update', {
      expectedVersion: loaded.version,
      content: scales(false, true),
    });
    later();
    const second = app.ok(admin, 'clinic.sessionConfiguration.update', {
      expectedVersion: first.version,
      content: scales(false, false),
    });
    later();
    expectStale(
      otherAdmin,
      'clinic.sessionConfiguration.update',
      { expectedVersion: loaded.version, content: scales(true, true) },
      ['the session settings', 'Alex Admin saved', formatDateTime(second.createdAt ?? '', zone), '2 settings'],
    );
    const current = app.ok(otherAdmin, 'clinic.sessionConfiguration.update', {
      expectedVersion: second.version,
      content: scales(true, true),
    });
    expect(current.version).toBe(second.version + 1);
  });
});

describe('clinic.update from two administrators', () => {
  it('saves twice from one screen, refuses the stale one naming who, when and what, and accepts the current one', () => {
    const loaded = app.ok(otherAdmin, 'clinic.get', {});
    const settings = { name: loaded.name, address: loaded.address, timeZone: loaded.timeZone };
    later();
    const first = app.ok(admin, 'clinic.update', {
      ...settings,
      autoLockMinutes: 15,
      expectedUpdatedAt: loaded.updatedAt,
    });
    later();
    const second = app.ok(admin, 'clinic.update', {
      ...settings,
      address: '2 Harbor Way',
      autoLockMinutes: 15,
      expectedUpdatedAt: first.updatedAt,
    });
    later();
    const mine = { ...settings, autoLockMinutes: 5 };
    const error = expectStale(otherAdmin, 'clinic.update', { ...mine, expectedUpdatedAt: loaded.updatedAt }, [
      'the clinic settings',
      'Alex Admin saved',
      formatDateTime(second.updatedAt, zone),
      'address',
      'auto-lock minutes',
    ]);
    expect(error.issues?.map((issue) => issue.path).sort()).toEqual(['address', 'autoLockMinutes']);
    const current = app.ok(otherAdmin, 'clinic.update', { ...mine, expectedUpdatedAt: second.updatedAt });
    expect(current.autoLockMinutes).toBe(5);
  });
});

describe('backups.settings.save from two administrators', () => {
  const folder = tempFolder('stale-backups');
  afterAll(() => folder.cleanup());
  const fields = { destination: folder.dir, dailyAt: null, onQuit: false, keepMonthly: 12 };

  it('refuses a first set-up over one made meanwhile, and a later save from a stale page', async () => {
    await setUpBackups(app, admin, folder.dir);
    const setUpAt = backupSettingsStamp(app, admin);
    // The other page loaded before backups were set up.
    expectStale(
      otherAdmin,
      'backups.settings.save',
      {
        ...fields,
        keepDaily: 3,
        passphrase: backupPassphrase,
        passphraseAgain: backupPassphrase,
        expectedUpdatedAt: null,
      },
      ['the backup settings', 'Alex Admin saved', formatDateTime(setUpAt ?? '', zone)],
    );
    later();
    const first = app.ok(admin, 'backups.settings.save', { ...fields, keepDaily: 7, expectedUpdatedAt: setUpAt });
    later();
    const second = app.ok(admin, 'backups.settings.save', {
      ...fields,
      keepDaily: 8,
      expectedUpdatedAt: first.settings?.updatedAt ?? null,
    });
    later();
    expectStale(otherAdmin, 'backups.settings.save', { ...fields, keepDaily: 30, expectedUpdatedAt: setUpAt }, [
      'Alex Admin saved',
      formatDateTime(second.settings?.updatedAt ?? '', zone),
      'daily backups kept',
    ]);
    const current = app.ok(otherAdmin, 'backups.settings.save', {
      ...fields,
      keepDaily: 30,
      expectedUpdatedAt: second.settings?.updatedAt ?? null,
    });
    expect(current.settings).toMatchObject({ keepDaily: 30 });
  });
});

describe('devices.rename from two administrators', () => {
  it('renames twice from one screen, refuses a rename of a name since changed, and accepts the current one', () => {
    const token = createHash('sha256').update(randomBytes(32)).digest('hex');
    const requested = requestDeviceEnrolment(app.ledger, {
      tokenSha256: token,
      requestedFrom: '10.0.0.9',
      userAgent: 'x',
    });
    if (!requested.ok) throw new Error(requested.message);
    const device = app.ok(admin, 'devices.approve', { pairingCode: requested.pairingCode, name: 'Chair 1 tablet' });
    later();
    const first = app.ok(admin, 'devices.rename', { deviceId: device.id, expectedName: device.name, name: 'Chair 2' });
    later();
    const second = app.ok(admin, 'devices.rename', { deviceId: device.id, expectedName: first.name, name: 'Chair 3' });
    later();
    expectStale(otherAdmin, 'devices.rename', { deviceId: device.id, expectedName: device.name, name: 'Desk' }, [
      'now "Chair 3"',
      'Alex Admin saved',
      'UTC\u221205:00',
    ]);
    const current = app.ok(otherAdmin, 'devices.rename', {
      deviceId: device.id,
      expectedName: second.name,
      name: 'Desk',
    });
    expect(current.name).toBe('Desk');
  });
});
