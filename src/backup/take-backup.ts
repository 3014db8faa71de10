import { closeSync, existsSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { appVersion } from './app-version';
import type { BackupActor, BackupProgress } from './backup-error';
import { BackupError, throwIfCancelled } from './backup-error';
import type { BackupKey } from './backup-crypto';
import { defaultScryptLogN, encryptFile } from './backup-crypto';
import { publishNew, removeLedgerFiles, requireFolder, syncFolder, tempName } from './backup-files';
import { backupFileName } from './backup-names';
import type { BackupSidecar } from './backup-sidecar';
import { sidecarPathOf, sidecarText } from './backup-sidecar';
import { chainHasEntry, checkLedgerCopy } from './ledger-check';
import { appendAudit } from '../db/audit-log';
import { copyLedgerInto } from '../db/ledger-copy';
import type { Ledger } from '../db/open';

export interface TakeBackupOptions {
  outDir: string;
  /** Encrypts with the passphrase itself (the command line); ignored when `recipient` is given. */
  passphrase?: string;
  /** The app's age recipient and its wrapped identity (backup-keys.ts): no passphrase needed. */
  recipient?: { recipient: string; wrappedIdentity: string };
  actor: BackupActor;
  /**
   * Writes the consistent copy (VACUUM INTO) of the live ledger to the empty file given; the app
   * runs it in a worker thread so that its server keeps answering. Default: on this connection.
   */
  copy?: (plainPath: string) => Promise<void>;
  /** Writes more of the backup's record (the app's backup_runs row) in the same transaction as its audit entry. */
  recordAlso?: (file: string, sidecar: BackupSidecar, at: Date) => void;
  /** age's scrypt work factor (log2 N); tests lower it, people keep the default. */
  scryptLogN?: number;
  onProgress?: BackupProgress;
  clock?: () => Date;
  /**
   * Cancels the backup (the app's Cancel, Ctrl+C on the command line): it stops at the next step
   * or chunk, before anything gets its final name, removes its temporary files, and rejects with
   * a `cancelled` BackupError. Once the backup is published it is too late, and it completes.
   */
  signal?: AbortSignal;
  /**
   * Records a cancelled backup in place of the default (one `backup.cancelled` audit entry): the
   * app writes its backup_runs row with the entry, in one transaction.
   */
  recordCancelled?: (at: Date, stage: string) => void;
}

export interface BackupResult {
  path: string;
  sidecarPath: string;
  sidecar: BackupSidecar;
}

/** Gives both finished files their final names, never replacing a file; the sidecar follows its backup. */
function publish(cipherTemp: string, sidecarTemp: string, outDir: string, createdAt: Date): string {
  for (let attempt = 1; attempt <= 100; attempt += 1) {
    const path = join(outDir, backupFileName(createdAt, attempt));
    if (existsSync(path) || existsSync(sidecarPathOf(path))) continue;
    if (!publishNew(cipherTemp, path)) continue;
    if (publishNew(sidecarTemp, sidecarPathOf(path))) return path;
    rmSync(path, { force: true });
    throw new BackupError('could-not-run', `another program wrote ${sidecarPathOf(path)} at the same time; try again`);
  }
  throw new BackupError('could-not-run', `${outDir} already holds 100 backups from this second`);
}

/**
 * Takes an online backup of the live ledger into `outDir`: a consistent copy while the app keeps
 * writing, checked (integrity, audit chain, its head is an entry of the live chain), encrypted
 * with the passphrase, published under its final name only once complete, and recorded in the
 * live ledger's audit trail. The unencrypted copy is deleted on every path. Cancelled through
 * `signal`, it leaves no file at all and is recorded as `backup.cancelled`.
 */
export async function takeBackup(live: Ledger, options: TakeBackupOptions): Promise<BackupResult> {
  const clock = options.clock ?? (() => new Date());
  requireFolder(options.outDir, 'The backup folder');
  const key: BackupKey = options.recipient ?? { passphrase: options.passphrase ?? '' };
  if ('passphrase' in key && key.passphrase === '') {
    throw new BackupError('could-not-run', 'the backup passphrase is empty');
  }
  let stage = 'Starting';
  const progress: BackupProgress = (fraction, what) => {
    stage = what;
    options.onProgress?.(fraction, what);
  };
  try {
    return await writeBackup(live, options, key, progress, clock);
  } catch (error) {
    // Recorded once its temporary files are gone: the trail says it stopped and left nothing.
    if (error instanceof BackupError && error.outcome === 'cancelled') recordCancelled(live, options, clock(), stage);
    throw error;
  }
}

async function writeBackup(
  live: Ledger,
  options: TakeBackupOptions,
  key: BackupKey,
  progress: BackupProgress,
  clock: () => Date,
): Promise<BackupResult> {
  const { outDir, signal } = options;
  const temp = join(outDir, tempName('dosing-ledger-backup'));
  const plainPath = `${temp}.sqlite`;
  const cipherTemp = `${temp}.age`;
  const sidecarTemp = `${temp}.json`;
  try {
    throwIfCancelled(signal);
    progress(0, 'Copying the ledger');
    const createdAt = clock();
    // Created empty and owner-only first (VACUUM INTO fills an empty file): the plaintext copy
    // lives only seconds, but the destination may be a shared folder.
    closeSync(openSync(plainPath, 'wx', 0o600));
    // The copy itself cannot be interrupted (one SQLite statement): a cancel stops right after it.
    if (options.copy === undefined) copyLedgerInto(live.raw, plainPath);
    else await options.copy(plainPath);
    throwIfCancelled(signal);
    progress(0.3, 'Checking the copy');
    const check = checkLedgerCopy(plainPath);
    if (!check.ok) throw new BackupError('check-failed', `the copy failed its check: ${check.problem}`);
    if (!chainHasEntry(live, check.head)) {
      throw new BackupError(
        'check-failed',
        `the copy's last audit entry (${check.head.seq}) is not in the live ledger with the same hash`,
      );
    }
    throwIfCancelled(signal);
    progress(0.4, 'Encrypting');
    const encrypted = await encryptFile(plainPath, cipherTemp, key, {
      scryptLogN: options.scryptLogN ?? defaultScryptLogN,
      onFraction: (fraction) => progress(0.4 + fraction * 0.55, 'Encrypting'),
      ...(signal === undefined ? {} : { signal }),
    });
    removeLedgerFiles(plainPath);
    const sidecar: BackupSidecar = {
      format: 'dosing-ledger-backup/1',
      createdAt: createdAt.toISOString(),
      appVersion: appVersion(),
      ...encrypted,
      chainHead: check.head,
      // The latest signed checkpoint the copy holds: `audit verify --against` checks the live ledger with it.
      ...(check.checkpoint === null ? {} : { checkpoint: check.checkpoint }),
      check: { integrity: 'ok', auditChain: 'intact', auditEntries: check.entries, headInLiveLedger: true },
      ...(options.recipient === undefined ? {} : { wrappedIdentity: options.recipient.wrappedIdentity }),
    };
    writeFileSync(sidecarTemp, sidecarText(sidecar), { flag: 'wx', mode: 0o600, flush: true });
    // The last moment a cancel is heard: from here on the backup gets its name and is recorded.
    throwIfCancelled(signal);
    const path = publish(cipherTemp, sidecarTemp, outDir, createdAt);
    await syncFolder(outDir);
    try {
      recordBackup(live, options, clock(), path, sidecar);
    } catch (error) {
      // Every backup is in the audit trail: one that could not be recorded is not kept.
      rmSync(path, { force: true });
      rmSync(sidecarPathOf(path), { force: true });
      throw error;
    }
    progress(1, 'Backup written');
    return { path, sidecarPath: sidecarPathOf(path), sidecar };
  } finally {
    removeLedgerFiles(plainPath);
    rmSync(cipherTemp, { force: true });
    rmSync(sidecarTemp, { force: true });
  }
}

/** A cancelled backup in the audit trail (with the app's own record of the run, when it keeps one). */
function recordCancelled(live: Ledger, options: TakeBackupOptions, at: Date, stage: string): void {
  // The app may have closed the ledger meanwhile (quit, tests).
  if (!live.raw.open) return;
  const { actor, recordCancelled: record } = options;
  if (record !== undefined) {
    record(at, stage);
    return;
  }
  live.raw
    .transaction(() => {
      appendAudit(live.raw, {
        at: at.toISOString(),
        actorUserId: actor.userId,
        action: 'backup.cancelled',
        entityType: 'backup',
        entityId: options.outDir,
        details: { destination: options.outDir, stage, by: actor.by },
      });
    })
    .immediate();
}

function recordBackup(live: Ledger, options: TakeBackupOptions, at: Date, path: string, sidecar: BackupSidecar): void {
  const file = basename(path);
  const { actor } = options;
  live.raw
    .transaction(() => {
      options.recordAlso?.(file, sidecar, at);
      appendAudit(live.raw, {
        at: at.toISOString(),
        actorUserId: actor.userId,
        action: 'backup.created',
        entityType: 'backup',
        entityId: file,
        details: {
          file,
          chainHead: { seq: sidecar.chainHead.seq, hash: sidecar.chainHead.hash },
          sizeBytes: sidecar.sizeBytes,
          sha256: sidecar.sha256,
          by: actor.by,
        },
      });
    })
    .immediate();
}
