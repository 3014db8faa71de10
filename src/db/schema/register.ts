import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { infusionSessions, sessionEntries } from './sessions';
import { users } from './users';

/**
 * The controlled-substance register (21 CFR 1304): every container from receipt to the last
 * millilitre. Every table here is append-only (triggers refuse UPDATE and DELETE) and every row
 * is audited with its digest; a correction is a new entry that names the one it corrects.
 * Quantities are exact decimals stored as text ("2.5"), never floats.
 */

/** One delivery from a supplier, as recorded by the person who received it and the one who checked it. */
export const registerReceipts = sqliteTable('register_receipts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The formulary drug's code and name when it was received. */
  drugId: text('drug_id').notNull(),
  drugName: text('drug_name').notNull(),
  concentrationMgPerMl: text('concentration_mg_per_ml').notNull(),
  /** Volume of one container (vial) as labelled. */
  containerVolumeMl: text('container_volume_ml').notNull(),
  containerCount: integer('container_count').notNull(),
  lotNumber: text('lot_number').notNull(),
  /** yyyy-mm or yyyy-mm-dd, as printed on the label. */
  lotExpiry: text('lot_expiry').notNull(),
  supplierName: text('supplier_name').notNull(),
  supplierAddress: text('supplier_address').notNull(),
  /** The supplier's DEA (or national) registration number. */
  supplierRegistration: text('supplier_registration').notNull(),
  /** Invoice, order or DEA Form 222 / CSOS number. */
  invoiceNumber: text('invoice_number').notNull(),
  /** The calendar day the delivery arrived (yyyy-mm-dd, clinic time). */
  receivedOn: text('received_on').notNull(),
  receivedByUserId: integer('received_by_user_id')
    .notNull()
    .references(() => users.id),
  receivedByName: text('received_by_name').notNull(),
  checkedByUserId: integer('checked_by_user_id')
    .notNull()
    .references(() => users.id),
  checkedByName: text('checked_by_name').notNull(),
  recordedAt: text('recorded_at').notNull(),
});

/** One container (vial) of a receipt, with its own identity in the register. */
export const registerContainers = sqliteTable(
  'register_containers',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    receiptId: integer('receipt_id')
      .notNull()
      .references(() => registerReceipts.id),
    /** 1…n within its receipt: the container "R4-2" is receipt 4's second. */
    numberInReceipt: integer('number_in_receipt').notNull(),
    drugId: text('drug_id').notNull(),
    drugName: text('drug_name').notNull(),
    concentrationMgPerMl: text('concentration_mg_per_ml').notNull(),
    volumeMl: text('volume_ml').notNull(),
    lotNumber: text('lot_number').notNull(),
    lotExpiry: text('lot_expiry').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('register_containers_receipt').on(table.receiptId)],
);

/** An inventory count: initial, biennial or ad hoc, counted by two people. */
export const registerInventories = sqliteTable('register_inventories', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['initial', 'biennial', 'ad-hoc'] }).notNull(),
  /** When the count was taken (opening or close of business, as the clinic notes). */
  countedAt: text('counted_at').notNull(),
  userId: integer('user_id')
    .notNull()
    .references(() => users.id),
  printedName: text('printed_name').notNull(),
  secondCounterUserId: integer('second_counter_user_id')
    .notNull()
    .references(() => users.id),
  secondCounterName: text('second_counter_name').notNull(),
  notes: text('notes').notNull(),
  recordedAt: text('recorded_at').notNull(),
});

/**
 * Every movement of a container, in order. `deltaMl`/`deltaMg` are signed (received +, drawn,
 * returned, destroyed and lost −, a correction either way, zero for what moves nothing: opened,
 * counted, wasted — waste is a share of what a session drew — explained, reviewed), and
 * `balanceMl`/`balanceMg` the container's running balance after the entry.
 */
export const registerEntries = sqliteTable(
  'register_entries',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    containerId: integer('container_id')
      .notNull()
      .references(() => registerContainers.id),
    kind: text('kind', {
      enum: [
        'received',
        'opened',
        'drawn',
        'wasted',
        'returned',
        'destroyed',
        'counted',
        'lost',
        'explained',
        'reviewed',
        'correction',
      ],
    }).notNull(),
    deltaMl: text('delta_ml').notNull(),
    deltaMg: text('delta_mg').notNull(),
    balanceMl: text('balance_ml').notNull(),
    balanceMg: text('balance_mg').notNull(),
    /** When it happened, as entered. */
    occurredAt: text('occurred_at').notNull(),
    recordedAt: text('recorded_at').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    printedName: text('printed_name').notNull(),
    witnessUserId: integer('witness_user_id').references(() => users.id),
    witnessPrintedName: text('witness_printed_name'),
    sessionId: integer('session_id').references(() => infusionSessions.id),
    sessionEntryId: integer('session_entry_id').references(() => sessionEntries.id),
    inventoryId: integer('inventory_id').references(() => registerInventories.id),
    /** The entry this one corrects, explains or reviews. */
    refersToEntryId: integer('refers_to_entry_id'),
    reason: text('reason'),
    /** Canonical JSON of what the kind adds (counted amount, category, supplier return form, …). */
    details: text('details').notNull(),
  },
  (table) => [
    index('register_entries_container').on(table.containerId),
    index('register_entries_session').on(table.sessionId),
    index('register_entries_occurred').on(table.occurredAt),
  ],
);

/** The clinic's register settings, one row per version (append-only, like the formulary). */
export const registerSettingsVersions = sqliteTable('register_settings_versions', {
  version: integer('version').primaryKey(),
  /** Canonical JSON of RegisterSettings. */
  content: text('content').notNull(),
  createdAt: text('created_at').notNull(),
  createdBy: integer('created_by')
    .notNull()
    .references(() => users.id),
});
