import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { BackupError, messageOf } from './backup-error';
import type { ChainHead } from './backup-sidecar';
import { backupSidecarSchema, sidecarPathOf } from './backup-sidecar';
import type { SignedCheckpoint } from '../domain/audit-checkpoint';
import { signedCheckpointSchema } from '../domain/audit-checkpoint';

/**
 * What a copy kept outside the ledger (a backup or an auditor export) saw of the audit trail:
 * its head when it was made, and the newest signed checkpoint it carried.
 */
export interface CopyAnchor {
  /** "the backup of 2026-12-06T21:00:00.000Z", "the export of …". */
  description: string;
  head: ChainHead;
  checkpoint: SignedCheckpoint | null;
}

const manifestSchema = z.object({
  kind: z.literal('dosing-ledger/export-manifest'),
  exportedAt: z.string(),
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: z.string().regex(/^[0-9a-f]{64}$/) }),
  checkpoint: signedCheckpointSchema.optional(),
});

const notACopy = (path: string) =>
  new BackupError(
    'could-not-run',
    `${path} is neither a backup (with its .json description beside it) nor an export folder or its manifest.json; ` +
      'unzip an export first',
  );

function anchorOfJson(path: string): CopyAnchor {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new BackupError('could-not-run', `${path} is not readable JSON (${messageOf(error)})`);
  }
  const sidecar = backupSidecarSchema.safeParse(value);
  if (sidecar.success) {
    return {
      description: `the backup of ${sidecar.data.createdAt}`,
      head: sidecar.data.chainHead,
      checkpoint: sidecar.data.checkpoint ?? null,
    };
  }
  const manifest = manifestSchema.safeParse(value);
  if (manifest.success) {
    return {
      description: `the export of ${manifest.data.exportedAt}`,
      head: manifest.data.auditHead,
      checkpoint: manifest.data.checkpoint ?? null,
    };
  }
  throw notACopy(path);
}

/**
 * Reads the anchor of a backup (`….ledger.age`, or its `.json` description) or of an export (its
 * folder, or its manifest.json). Only the unencrypted description is read: no passphrase needed.
 */
export function readCopyAnchor(path: string): CopyAnchor {
  if (!existsSync(path)) throw new BackupError('could-not-run', `${path} does not exist`);
  if (statSync(path).isDirectory()) {
    const manifest = join(path, 'manifest.json');
    if (!existsSync(manifest)) throw notACopy(path);
    return anchorOfJson(manifest);
  }
  if (basename(path).endsWith('.json')) return anchorOfJson(path);
  const sidecar = sidecarPathOf(path);
  if (existsSync(sidecar)) return anchorOfJson(sidecar);
  throw notACopy(path);
}
