import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained log of every change and every chart opened. Triggers (see the
 * custom migration) refuse UPDATE and DELETE; `hash = SHA-256(prev_hash ‖ canonical entry)`.
 */
export const auditLog = sqliteTable('audit_log', {
  seq: integer('seq').primaryKey(),
  at: text('at').notNull(),
  actorUserId: integer('actor_user_id'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id'),
  /** Canonical JSON object. */
  details: text('details').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});
