import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { JsonValue } from '../domain/canonical-json';
import { canonicalJson } from '../domain/canonical-json';
import type { Balance } from '../domain/register-balance';
import { applyDelta, zeroBalance } from '../domain/register-balance';
import type { Drizzle } from './open';
import {
  registerContainers,
  registerEntries,
  registerInventories,
  registerReceipts,
  registerSettingsVersions,
} from './schema/register';

export type ReceiptRow = typeof registerReceipts.$inferSelect;
export type ContainerRow = typeof registerContainers.$inferSelect;
export type RegisterEntryRow = typeof registerEntries.$inferSelect;
export type InventoryRow = typeof registerInventories.$inferSelect;

export function insertReceipt(db: Drizzle, receipt: Omit<ReceiptRow, 'id'>): ReceiptRow {
  return db.insert(registerReceipts).values(receipt).returning().get();
}

export function insertContainer(db: Drizzle, container: Omit<ContainerRow, 'id'>): ContainerRow {
  return db.insert(registerContainers).values(container).returning().get();
}

export function insertInventory(db: Drizzle, inventory: Omit<InventoryRow, 'id'>): InventoryRow {
  return db.insert(registerInventories).values(inventory).returning().get();
}

export function getContainer(db: Drizzle, id: number): ContainerRow | undefined {
  return db.select().from(registerContainers).where(eq(registerContainers.id, id)).get();
}

export function getRegisterEntry(db: Drizzle, id: number): RegisterEntryRow | undefined {
  return db.select().from(registerEntries).where(eq(registerEntries.id, id)).get();
}

/** The container's balance after its last entry (zero before any). */
export function containerBalance(db: Drizzle, containerId: number): Balance {
  const last = db
    .select({ ml: registerEntries.balanceMl, mg: registerEntries.balanceMg })
    .from(registerEntries)
    .where(eq(registerEntries.containerId, containerId))
    .orderBy(desc(registerEntries.id))
    .limit(1)
    .get();
  return last ?? zeroBalance;
}

type NewRegisterEntry = Omit<RegisterEntryRow, 'id' | 'balanceMl' | 'balanceMg' | 'details'> & {
  details: Record<string, JsonValue>;
};

/**
 * Appends an entry with the container's running balance after it. The caller refuses a
 * balance below zero before writing (with the message a person can act on).
 */
export function insertRegisterEntry(db: Drizzle, entry: NewRegisterEntry): RegisterEntryRow {
  const after = applyDelta(containerBalance(db, entry.containerId), { ml: entry.deltaMl, mg: entry.deltaMg });
  return db
    .insert(registerEntries)
    .values({ ...entry, balanceMl: after.ml, balanceMg: after.mg, details: canonicalJson(entry.details) })
    .returning()
    .get();
}

export function listContainerEntries(db: Drizzle, containerId: number): RegisterEntryRow[] {
  return db
    .select()
    .from(registerEntries)
    .where(eq(registerEntries.containerId, containerId))
    .orderBy(asc(registerEntries.id))
    .all();
}

export function listSessionRegisterEntries(db: Drizzle, sessionId: number): RegisterEntryRow[] {
  return db
    .select()
    .from(registerEntries)
    .where(eq(registerEntries.sessionId, sessionId))
    .orderBy(asc(registerEntries.id))
    .all();
}

/** Entries that name `entryId` (its corrections, explanations, reviews). */
export function listEntriesReferringTo(db: Drizzle, entryIds: number[]): RegisterEntryRow[] {
  if (entryIds.length === 0) return [];
  return db.select().from(registerEntries).where(inArray(registerEntries.refersToEntryId, entryIds)).all();
}

/** Every container with the id of its last entry, for the balances at a glance. */
export function listContainersWithLastEntry(db: Drizzle): { container: ContainerRow; lastEntryId: number | null }[] {
  // A lookup per container on the (container_id) index, rather than grouping every entry the
  // register ever held: a decade's register has tens of thousands.
  // Spelled out: drizzle writes a single table's columns unqualified, and inside the subquery
  // a bare "id" would be the entry's own.
  const lastEntryId = sql<number | null>`(SELECT max(e.id) FROM register_entries e WHERE e.container_id = ${sql.raw(
    '"register_containers"."id"',
  )})`;
  return db
    .select({ container: registerContainers, lastEntryId })
    .from(registerContainers)
    .orderBy(asc(registerContainers.id))
    .all();
}

export function getRegisterEntries(db: Drizzle, ids: number[]): RegisterEntryRow[] {
  if (ids.length === 0) return [];
  return db.select().from(registerEntries).where(inArray(registerEntries.id, ids)).all();
}

/** Count entries (every inventory's), newest first. */
export function listCountEntries(db: Drizzle): RegisterEntryRow[] {
  return db
    .select()
    .from(registerEntries)
    .where(eq(registerEntries.kind, 'counted'))
    .orderBy(desc(registerEntries.id))
    .all();
}

export function listInventories(db: Drizzle): InventoryRow[] {
  return db.select().from(registerInventories).orderBy(desc(registerInventories.id)).all();
}

export function latestRegisterSettings(db: Drizzle): { version: number; content: string } | undefined {
  return db
    .select({ version: registerSettingsVersions.version, content: registerSettingsVersions.content })
    .from(registerSettingsVersions)
    .orderBy(desc(registerSettingsVersions.version))
    .limit(1)
    .get();
}

export function insertRegisterSettings(
  db: Drizzle,
  row: typeof registerSettingsVersions.$inferInsert,
): typeof registerSettingsVersions.$inferSelect {
  return db.insert(registerSettingsVersions).values(row).returning().get();
}
