import { integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The devices (tablets, workstations) allowed to use a clinic host. A device asks to be
 * enrolled (status 'pending', with a short pairing code it shows), an administrator approves
 * it under a name ('active') or revokes it ('revoked'); a row is never deleted, so the audit
 * trail's device names keep meaning something. Every change is audited with the row's state.
 */
export const devices = sqliteTable(
  'devices',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Given by the approving administrator, e.g. "Chair 3 tablet"; null while pending. */
    name: text('name'),
    status: text('status', { enum: ['pending', 'active', 'revoked'] }).notNull(),
    /** What the device shows for an administrator to approve, e.g. "K7QM-4Z2P". */
    pairingCode: text('pairing_code').notNull(),
    /**
     * SHA-256 (hex) of the device's 256-bit token, which only the device holds (in an
     * HttpOnly cookie): a stolen ledger file does not let anyone pose as an enrolled device.
     */
    tokenSha256: text('token_sha256').notNull(),
    /** The network address and browser the request came from, for the approving administrator. */
    requestedFrom: text('requested_from').notNull(),
    userAgent: text('user_agent').notNull(),
    requestedAt: text('requested_at').notNull(),
    approvedAt: text('approved_at'),
    approvedBy: integer('approved_by'),
    revokedAt: text('revoked_at'),
    revokedBy: integer('revoked_by'),
    revokeReason: text('revoke_reason'),
    updatedAt: text('updated_at').notNull(),
  },
  (table) => [
    uniqueIndex('devices_token_unique').on(table.tokenSha256),
    uniqueIndex('devices_pairing_code_unique').on(table.pairingCode),
  ],
);

/**
 * Every TLS server certificate the clinic root issued for a clinic host, newest last.
 * Append-only: the private key never enters the ledger (it stays in a file beside it on the
 * host), only the certificate, so an auditor can see which host names the clinic vouched for.
 */
export const hostCertificates = sqliteTable('host_certificates', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** JSON array of DNS names in the certificate's subjectAltName. */
  hostNames: text('host_names').notNull(),
  /** JSON array of IP addresses in the certificate's subjectAltName. */
  addresses: text('addresses').notNull(),
  certificatePem: text('certificate_pem').notNull(),
  /** SHA-256 of the certificate's DER, hex. */
  fingerprintSha256: text('fingerprint_sha256').notNull(),
  notBefore: text('not_before').notNull(),
  notAfter: text('not_after').notNull(),
  issuedAt: text('issued_at').notNull(),
  issuedBy: integer('issued_by').notNull(),
});
