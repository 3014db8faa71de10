import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Append-only, hash-chained log of every change and every chart opened. Triggers (see the
 * custom migration) refuse UPDATE and DELETE; `hash = SHA-256(prev_hash ‖ canonical entry)`.
 */
export const auditLog = sqliteTable(
  'audit_log',
  {
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
  },
  // The audit log page's filters run in SQL on millions of entries (src/db/audit-filter.ts).
  // Each index ends in seq (SQLite appends the rowid), so one entity type's, one entity's, one
  // actor's or one action's entries come newest first without a sort; `at` serves date ranges.
  (table) => [
    index('audit_log_entity_type').on(table.entityType),
    index('audit_log_entity_id').on(table.entityId),
    index('audit_log_actor').on(table.actorUserId),
    index('audit_log_action').on(table.action),
    index('audit_log_at').on(table.at),
  ],
);

/**
 * Signed checkpoints of the chain head. Each e-signature and each administrator sign-in signs
 * `{seq, hash}` of the head at that instant with the signer's own key (never stored unwrapped),
 * so recomputing the unkeyed chain after an edit no longer matches a checkpoint nobody can forge
 * without a password. Append-only (triggers); backups and exports carry the latest one.
 */
export const auditCheckpoints = sqliteTable('audit_checkpoints', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The audit entry whose hash is signed (the head when the checkpoint was taken). */
  seq: integer('seq').notNull(),
  hash: text('hash').notNull(),
  at: text('at').notNull(),
  userId: integer('user_id').notNull(),
  /** The certificate whose key made the signature (signer identity or clinic root). */
  signingIdentityId: integer('signing_identity_id').notNull(),
  /** Why it was taken: 'e-signature' or 'sign-in'. */
  reason: text('reason').notNull(),
  /** Base64 DER signature over the checkpoint's canonical JSON (see domain/audit-checkpoint). */
  signature: text('signature').notNull(),
});
