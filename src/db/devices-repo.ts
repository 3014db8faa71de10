import { and, count, desc, eq, gt, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Drizzle } from './open';
import { prepared } from './prepared';
import { devices } from './schema/devices';
import { users } from './schema/users';

export type DeviceRow = typeof devices.$inferSelect;

/** A device row with the printed names of whoever approved and revoked it. */
export interface DeviceListRow {
  device: DeviceRow;
  approver: { displayName: string; credentials: string } | null;
  revoker: { displayName: string; credentials: string } | null;
}

/** Every request of every page of the clinic host looks its device up: prepared once, on the unique index. */
export function findDeviceByToken(db: Drizzle, tokenSha256: string): DeviceRow | undefined {
  return prepared(db, 'findDeviceByToken', () =>
    db
      .select()
      .from(devices)
      .where(eq(devices.tokenSha256, sql.placeholder('tokenSha256')))
      .prepare(),
  ).get({ tokenSha256 });
}

export function findDeviceById(db: Drizzle, id: number): DeviceRow | undefined {
  return db.select().from(devices).where(eq(devices.id, id)).get();
}

export function findDeviceByPairingCode(db: Drizzle, pairingCode: string): DeviceRow | undefined {
  return db.select().from(devices).where(eq(devices.pairingCode, pairingCode)).get();
}

/** Requests still waiting: 'pending' and made after `cutoffIso` (instants compare as ISO text). */
export function countWaitingRequests(db: Drizzle, cutoffIso: string): number {
  return (
    db
      .select({ total: count() })
      .from(devices)
      .where(and(eq(devices.status, 'pending'), gt(devices.requestedAt, cutoffIso)))
      .get()?.total ?? 0
  );
}

/** An active device other than `exceptId` already called `name`, ignoring case. */
export function activeDeviceNamed(db: Drizzle, name: string, exceptId: number): DeviceRow | undefined {
  return db
    .select()
    .from(devices)
    .where(and(eq(devices.status, 'active'), sql`${devices.name} = ${name} COLLATE NOCASE`, ne(devices.id, exceptId)))
    .get();
}

export type NewDevice = Pick<DeviceRow, 'pairingCode' | 'tokenSha256' | 'requestedFrom' | 'userAgent' | 'requestedAt'>;

export function insertDevice(db: Drizzle, device: NewDevice): DeviceRow {
  return db
    .insert(devices)
    .values({ ...device, name: null, status: 'pending', updatedAt: device.requestedAt })
    .returning()
    .get();
}

export function updateDevice(
  db: Drizzle,
  id: number,
  changes: Partial<Omit<DeviceRow, 'id' | 'tokenSha256' | 'pairingCode' | 'requestedAt'>>,
  now: string,
): DeviceRow {
  const row = db
    .update(devices)
    .set({ ...changes, updatedAt: now })
    .where(eq(devices.id, id))
    .returning()
    .get();
  if (row === undefined) throw new Error(`device ${id} vanished inside its own transaction`);
  return row;
}

export function countDevices(db: Drizzle): number {
  return db.select({ total: count() }).from(devices).get()?.total ?? 0;
}

const approvers = alias(users, 'approvers');
const revokers = alias(users, 'revokers');

function selectWithPeople(db: Drizzle) {
  return db
    .select({
      device: devices,
      approver: { displayName: approvers.displayName, credentials: approvers.credentials },
      revoker: { displayName: revokers.displayName, credentials: revokers.credentials },
    })
    .from(devices)
    .leftJoin(approvers, eq(approvers.id, devices.approvedBy))
    .leftJoin(revokers, eq(revokers.id, devices.revokedBy));
}

/** One page of devices, newest request first (ids grow with time: the primary key orders them), paged in SQL. */
export function listDevices(db: Drizzle, page: { limit: number; offset: number }): DeviceListRow[] {
  return selectWithPeople(db).orderBy(desc(devices.id)).limit(page.limit).offset(page.offset).all();
}

/** One device with its people, as the list shows it. */
export function deviceListRow(db: Drizzle, id: number): DeviceListRow {
  const row = selectWithPeople(db).where(eq(devices.id, id)).get();
  if (row === undefined) throw new Error(`device ${id} vanished inside its own transaction`);
  return row;
}
