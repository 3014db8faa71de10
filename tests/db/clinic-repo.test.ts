import { describe, expect, it } from 'vitest';
import { getClinic, insertClinic, updateClinic } from '../../src/db/clinic-repo';
import type { ClinicSettings } from '../../src/domain/clinic';
import { ledgerPerTest, minutesAfter, t0 } from '../support/repo-ledger';

const settings: ClinicSettings = {
  name: 'Harbor Infusion Clinic',
  address: '1 Harbor Way',
  timeZone: 'America/New_York',
  autoLockMinutes: 10,
};

/** What a clinic holds until its administrator changes the weight check. */
const weightCheckDefaults = {
  weightChangePercent: 10,
  weightChangeDays: 30,
  weightPlausibleMinKg: 30,
  weightPlausibleMaxKg: 300,
};

describe('clinic repository', () => {
  const ledger = ledgerPerTest();

  it('has no clinic until the set-up wizard stores one', () => {
    expect(getClinic(ledger().db)).toBeUndefined();
  });

  it('stores the clinic as row 1 and reads it back', () => {
    const { db, raw } = ledger();
    // Read before the insert too: the prepared statement is cached per connection and must not go stale.
    expect(getClinic(db)).toBeUndefined();
    insertClinic(db, settings, t0);
    expect(getClinic(db)).toEqual({ ...settings, ...weightCheckDefaults, updatedAt: t0 });
    expect(raw.prepare('SELECT id, created_at FROM clinic').all()).toEqual([{ id: 1, created_at: t0 }]);
  });

  it('updates the settings and the update time, keeping the creation time', () => {
    const { db, raw } = ledger();
    insertClinic(db, settings, t0);
    const later = minutesAfter(30);
    const changed: ClinicSettings = {
      ...settings,
      name: 'Harbor Clinic',
      timeZone: 'Europe/Lisbon',
      autoLockMinutes: 5,
    };
    updateClinic(db, changed, later);
    expect(getClinic(db)).toEqual({ ...changed, ...weightCheckDefaults, updatedAt: later });
    expect(raw.prepare('SELECT created_at FROM clinic WHERE id = 1').get()).toEqual({ created_at: t0 });
  });

  it('updates the weight-check settings given, keeping the others', () => {
    const { db } = ledger();
    insertClinic(db, settings, t0);
    updateClinic(db, { ...settings, weightChangePercent: 5, weightPlausibleMaxKg: 250 }, t0);
    expect(getClinic(db)).toEqual({
      ...settings,
      ...weightCheckDefaults,
      weightChangePercent: 5,
      weightPlausibleMaxKg: 250,
      updatedAt: t0,
    });
  });

  it('gives a clinic row written without the weight-check columns (as before they existed) the defaults', () => {
    const { db, raw } = ledger();
    raw
      .prepare(
        `INSERT INTO clinic (id, name, address, time_zone, auto_lock_minutes, created_at, updated_at)
         VALUES (1, 'Old', '', 'UTC', 10, ?, ?)`,
      )
      .run(t0, t0);
    expect(getClinic(db)).toMatchObject(weightCheckDefaults);
  });

  it('updating before any clinic exists changes nothing', () => {
    const { db, raw } = ledger();
    updateClinic(db, settings, t0);
    expect(getClinic(db)).toBeUndefined();
    expect(raw.prepare('SELECT count(*) AS n FROM clinic').get()).toEqual({ n: 0 });
  });

  it('holds one clinic only: a second insert and any other row id are refused', () => {
    const { db, raw } = ledger();
    insertClinic(db, settings, t0);
    expect(() => insertClinic(db, { ...settings, name: 'Another' }, t0)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() =>
      raw
        .prepare(
          `INSERT INTO clinic (id, name, address, time_zone, auto_lock_minutes, created_at, updated_at)
           VALUES (2, 'Second', '', 'UTC', 10, ?, ?)`,
        )
        .run(t0, t0),
    ).toThrow(/CHECK constraint failed: clinic_single_row/);
    expect(getClinic(db)?.name).toBe(settings.name);
  });
});
