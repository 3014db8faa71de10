import type Database from 'better-sqlite3';
import { desc } from 'drizzle-orm';
import type { SignedCheckpoint } from '../domain/audit-checkpoint';
import { signedCheckpointSchema } from '../domain/audit-checkpoint';
import type { Drizzle } from './open';
import { auditCheckpoints } from './schema/audit-log';

export type CheckpointRow = typeof auditCheckpoints.$inferSelect;

export function insertCheckpoint(db: Drizzle, checkpoint: Omit<CheckpointRow, 'id'>): CheckpointRow {
  return db.insert(auditCheckpoints).values(checkpoint).returning().get();
}

/** A stored row as the checkpoint it is, or null when the row does not hold one (edited outside the app). */
export function toSignedCheckpoint(row: CheckpointRow, certificatePem?: string): SignedCheckpoint | null {
  const parsed = signedCheckpointSchema.safeParse({ ...row, certificatePem });
  return parsed.success ? parsed.data : null;
}

/**
 * The newest checkpoint with the certificate that signed it, as backups and exports carry it;
 * null before anyone has signed.
 */
export function latestCheckpoint(db: Drizzle): SignedCheckpoint | null {
  const row = db.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.id)).limit(1).get();
  if (row === undefined) return null;
  return toSignedCheckpoint(row, certificateOf(db.$client, row.signingIdentityId));
}

/** The first certificate of a signing identity's PEM (imported identities carry their chain after it). */
export function certificateOf(raw: Database.Database, signingIdentityId: number): string | undefined {
  const row = raw
    .prepare('SELECT certificate_pem AS pem FROM signing_identities WHERE id = ?')
    .get(signingIdentityId) as { pem: string } | undefined;
  if (row === undefined) return undefined;
  const end = row.pem.indexOf('-----END CERTIFICATE-----');
  return end === -1 ? row.pem : `${row.pem.slice(0, end + '-----END CERTIFICATE-----'.length)}\n`;
}
