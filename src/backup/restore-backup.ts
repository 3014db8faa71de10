import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BackupActor, BackupProgress } from './backup-error';
import { BackupError, messageOf, throwIfCancelled } from './backup-error';
import type { OpeningKey } from './backup-crypto';
import { decryptFile } from './backup-crypto';
import { unwrapIdentity } from './backup-keys';
import { publishNew, removeLedgerFiles, requireFolder, sha256OfFile, tempName } from './backup-files';
import type { BackupSidecar, ChainHead } from './backup-sidecar';
import { readSidecar } from './backup-sidecar';
import { checkLedgerCopy } from './ledger-check';
import { appendAudit } from '../db/audit-log';
import { NewerDatabaseError } from '../db/migrate';
import type { Ledger } from '../db/open';
import { openLedger } from '../db/open';

export interface RestoreOptions {
  backupPath: string;
  /** The ledger file to create; restore never replaces an existing file. */
  newPath: string;
  passphrase: string;
  actor: BackupActor;
  onProgress?: BackupProgress;
  clock?: () => Date;
  /** Stops the restore at its next step (Ctrl+C on the CLI), leaving no file. */
  signal?: AbortSignal;
}

export interface RestoreResult {
  path: string;
  /** The backup's chain head, as checked (and, when there is one, as its sidecar records). */
  backupHead: ChainHead;
  /** The sidecar found beside the backup; null when the backup travelled without it. */
  sidecar: BackupSidecar | null;
}

function refuseExisting(newPath: string): void {
  // A stray -wal beside the new name would be replayed into the restored ledger on first open.
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    if (existsSync(`${newPath}${suffix}`)) {
      throw new BackupError(
        'could-not-run',
        `${newPath}${suffix} already exists; restore never overwrites a file (name a new one)`,
      );
    }
  }
}

/**
 * Restores a backup into the new ledger file `newPath`: decrypted next to it under a temporary
 * name, checked like a fresh backup (integrity, audit chain, the head its sidecar recorded),
 * the restore appended to its audit trail, then given its name. Any failure leaves nothing behind.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { backupPath, newPath, passphrase } = options;
  const progress: BackupProgress = options.onProgress ?? (() => undefined);
  if (!existsSync(backupPath)) throw new BackupError('could-not-run', `${backupPath} does not exist`);
  refuseExisting(newPath);
  requireFolder(dirname(newPath) === '' ? '.' : dirname(newPath), 'The folder');
  if (passphrase === '') throw new BackupError('could-not-run', 'the backup passphrase is empty');
  const sidecar = readSidecar(backupPath);
  if (sidecar !== null) {
    progress(0, 'Checking the backup file');
    if ((await sha256OfFile(backupPath)) !== sidecar.sha256) {
      throw new BackupError(
        'check-failed',
        'the backup file does not match the SHA-256 in its sidecar (changed, damaged or truncated)',
      );
    }
  }
  const tempPath = join(dirname(newPath), tempName(`${basename(newPath)}.restoring`));
  try {
    const key: OpeningKey =
      sidecar?.wrappedIdentity === undefined
        ? { passphrase }
        : { identity: await unwrapIdentity(sidecar.wrappedIdentity, passphrase) };
    throwIfCancelled(options.signal);
    await decryptFile(
      backupPath,
      tempPath,
      key,
      (fraction) => progress(0.05 + fraction * 0.6, 'Decrypting'),
      options.signal,
    );
    throwIfCancelled(options.signal);
    progress(0.65, 'Checking the restored ledger');
    const check = checkLedgerCopy(tempPath);
    if (!check.ok) throw new BackupError('check-failed', `the backup failed its check: ${check.problem}`);
    if (sidecar !== null && (check.head.seq !== sidecar.chainHead.seq || check.head.hash !== sidecar.chainHead.hash)) {
      throw new BackupError(
        'check-failed',
        `the backup's last audit entry (${check.head.seq}) differs from the one its sidecar records (${sidecar.chainHead.seq})`,
      );
    }
    progress(0.9, 'Recording the restore');
    throwIfCancelled(options.signal);
    recordRestore(tempPath, options, check.head, sidecar);
    // Closing the last connection folds the WAL into the file; the new name must hold it all.
    if (existsSync(`${tempPath}-wal`))
      throw new BackupError('could-not-run', 'the restored ledger was not fully written');
    if (!publishNew(tempPath, newPath)) {
      throw new BackupError('could-not-run', `${newPath} appeared while restoring; restore never overwrites a file`);
    }
    progress(1, 'Restored');
    return { path: newPath, backupHead: check.head, sidecar };
  } catch (error) {
    // The steps it shares with a backup say "backup" when they stop.
    if (error instanceof BackupError && error.outcome === 'cancelled') {
      throw new BackupError('cancelled', `the restore was cancelled; ${newPath} was not created`);
    }
    throw error;
  } finally {
    removeLedgerFiles(tempPath);
  }
}

/** Appends `ledger.restored` to the restored ledger, after its check, in one transaction. */
function recordRestore(path: string, options: RestoreOptions, head: ChainHead, sidecar: BackupSidecar | null): void {
  let ledger: Ledger;
  try {
    // Read-write: brings a backup from an older version up to this version's schema.
    ledger = openLedger(path);
  } catch (error) {
    if (error instanceof NewerDatabaseError) {
      throw new BackupError(
        'could-not-run',
        'the backup was written by a newer version of Dosing Ledger; restore it with that version (or newer)',
      );
    }
    throw new BackupError('check-failed', `the restored ledger does not open (${messageOf(error)})`);
  }
  try {
    const at = (options.clock ?? (() => new Date()))().toISOString();
    ledger.raw
      .transaction(() =>
        appendAudit(ledger.raw, {
          at,
          actorUserId: options.actor.userId,
          action: 'ledger.restored',
          entityType: 'backup',
          entityId: basename(options.backupPath),
          details: {
            backup: basename(options.backupPath),
            chainHead: { seq: head.seq, hash: head.hash },
            backupCreatedAt: sidecar?.createdAt ?? null,
            sha256: sidecar?.sha256 ?? null,
            by: options.actor.by,
          },
        }),
      )
      .immediate();
  } finally {
    ledger.close();
  }
}
