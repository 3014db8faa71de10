import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { BackupError, messageOf } from './backup-error';
import { signedCheckpointSchema } from '../domain/audit-checkpoint';

const chainHeadSchema = z.object({
  seq: z.number().int().nonnegative(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ChainHead = z.infer<typeof chainHeadSchema>;

/**
 * The unencrypted description written beside each backup, so a folder of backups can be listed
 * and checked without the passphrase. It holds no patient data: times, sizes, hashes, the check.
 */
export const backupSidecarSchema = z.object({
  format: z.literal('dosing-ledger-backup/1'),
  createdAt: z.string(),
  appVersion: z.string(),
  /** Size in bytes of the encrypted file this describes. */
  sizeBytes: z.number().int().nonnegative(),
  /** SHA-256 (hex) of the encrypted file's bytes. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The last audit entry in the backup: its sequence number and hash. */
  chainHead: chainHeadSchema,
  /** The newest signed checkpoint in the backup (absent before anyone signed, and in older sidecars). */
  checkpoint: signedCheckpointSchema.optional(),
  check: z.object({
    integrity: z.literal('ok'),
    auditChain: z.literal('intact'),
    auditEntries: z.number().int().nonnegative(),
    headInLiveLedger: z.literal(true),
  }),
  /**
   * Backups the app takes are encrypted to its age recipient; this is the matching identity,
   * wrapped under the backup passphrase (armored age), so the file restores with the passphrase
   * alone. Absent when the backup is encrypted with the passphrase itself (the command line,
   * and sidecars written before the app took backups).
   */
  wrappedIdentity: z.string().startsWith('-----BEGIN AGE ENCRYPTED FILE-----').optional(),
});
export type BackupSidecar = z.infer<typeof backupSidecarSchema>;

/** `dosing-ledger-….ledger.age` → `dosing-ledger-….ledger.age.json`. */
export function sidecarPathOf(backupPath: string): string {
  return `${backupPath}.json`;
}

export function sidecarText(sidecar: BackupSidecar): string {
  return `${JSON.stringify(sidecar, null, 2)}\n`;
}

/** The sidecar of a backup, or null when there is none (a backup copied without it still restores). */
export function readSidecar(backupPath: string): BackupSidecar | null {
  const path = sidecarPathOf(backupPath);
  if (!existsSync(path)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BackupError('check-failed', `the sidecar ${path} is not readable JSON (${messageOf(error)})`);
  }
  const result = backupSidecarSchema.safeParse(parsed);
  if (!result.success) throw new BackupError('check-failed', `the sidecar ${path} is not a backup description`);
  return result.data;
}
