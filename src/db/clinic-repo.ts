import { eq } from 'drizzle-orm';
import type { Clinic, ClinicSettings, ClinicUpdate } from '../domain/clinic';
import type { Drizzle } from './open';
import { prepared } from './prepared';
import { clinic } from './schema/clinic';

export function getClinic(db: Drizzle): Clinic | undefined {
  const row = prepared(db, 'getClinic', () => db.select().from(clinic).where(eq(clinic.id, 1)).prepare()).get();
  if (row === undefined) return undefined;
  return {
    name: row.name,
    address: row.address,
    timeZone: row.timeZone,
    autoLockMinutes: row.autoLockMinutes,
    weightChangePercent: row.weightChangePercent,
    weightChangeDays: row.weightChangeDays,
    weightPlausibleMinKg: row.weightPlausibleMinKg,
    weightPlausibleMaxKg: row.weightPlausibleMaxKg,
    updatedAt: row.updatedAt,
  };
}

export function insertClinic(db: Drizzle, settings: ClinicSettings, now: string): void {
  db.insert(clinic)
    .values({ id: 1, ...settings, createdAt: now, updatedAt: now })
    .run();
}

/** Weight-check settings left out stay as they are. */
export function updateClinic(db: Drizzle, settings: ClinicUpdate, now: string): void {
  db.update(clinic)
    .set({ ...settings, updatedAt: now })
    .where(eq(clinic.id, 1))
    .run();
}
