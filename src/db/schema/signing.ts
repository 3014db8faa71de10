import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { recordVersions } from './records';
import { sessionSignatures } from './sessions';
import { users } from './users';

/**
 * Certificates of the clinic's signing root and of each clinician who signs. The private
 * key is only ever stored encrypted under its owner's password (PKCS#8, scrypt + AES-256);
 * it may be re-wrapped when that password changes, nothing else may change. A password reset
 * issues a new certificate: older rows stay, so older signatures remain verifiable.
 */
export const signingIdentities = sqliteTable(
  'signing_identities',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['clinic-root', 'signer'] }).notNull(),
    /** The signer; null for the clinic root. */
    userId: integer('user_id').references(() => users.id),
    certificatePem: text('certificate_pem').notNull(),
    /** Encrypted PKCS#8 PEM; null for the root, whose key is held in root_key_wraps. */
    encryptedPrivateKey: text('encrypted_private_key'),
    source: text('source', { enum: ['issued', 'imported'] }).notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [index('signing_identities_user').on(table.userId)],
);

/** The clinic root's private key, encrypted once per administrator under their password. */
export const rootKeyWraps = sqliteTable('root_key_wraps', {
  adminUserId: integer('admin_user_id')
    .primaryKey()
    .references(() => users.id),
  encryptedPrivateKey: text('encrypted_private_key').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/** Signed PDF summaries, made once at signing and never regenerated. Never updated or deleted. */
export const signedDocuments = sqliteTable(
  'signed_documents',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The signed record version, or null for a session record. */
    versionId: integer('version_id').references(() => recordVersions.id),
    /** The infusion session, or null for a record version. */
    sessionSignatureId: integer('session_signature_id').references(() => sessionSignatures.id),
    fileName: text('file_name').notNull(),
    pdf: blob('pdf', { mode: 'buffer' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (table) => [
    index('signed_documents_version').on(table.versionId),
    index('signed_documents_session_signature').on(table.sessionSignatureId),
  ],
);
