import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { BackupJob, BackupSettings } from '../domain/backups';
import type { JsonValue } from '../domain/canonical-json';
import { defaultScryptLogN } from '../backup/backup-crypto';
import { messageOf } from '../backup/backup-error';
import { createBackupKeys } from '../backup/backup-keys';
import { appendAudit } from '../db/audit-log';
import type { BackupSettingsRow } from '../db/backups-repo';
import { getBackupSettings, saveBackupSettings } from '../db/backups-repo';
import type { Ledger } from '../db/open';
import { rowAuditFields } from '../db/row-state';
import { sentence } from './backup-jobs';
import { ServiceError } from './service-error';

/** age's scrypt work factor for wrapping the backup key; tests lower it, people keep the default. */
export const backupKeyWork = { scryptLogN: defaultScryptLogN };

export function toBackupSettings(row: BackupSettingsRow): BackupSettings {
  return {
    destination: row.destination,
    dailyAt: row.dailyAt,
    onQuit: row.onQuit,
    keepDaily: row.keepDaily,
    keepMonthly: row.keepMonthly,
    updatedAt: row.updatedAt,
  };
}

function refuseDestination(message: string): never {
  throw new ServiceError('INVALID_INPUT', message, [{ path: 'destination', message }]);
}

/** The destination must be an existing folder this process can write to, named in full. */
export function checkDestination(destination: string): void {
  if (!isAbsolute(destination)) {
    refuseDestination('Enter the full path of the folder, e.g. /media/usb/backups or D:\\Backups.');
  }
  let isFolder: boolean;
  try {
    isFolder = statSync(destination).isDirectory();
  } catch {
    refuseDestination(`The folder ${destination} does not exist. Plug in the drive or create the folder, then save.`);
  }
  if (!isFolder) refuseDestination(`${destination} is a file, not a folder. Choose a folder.`);
  try {
    accessSync(destination, constants.W_OK);
  } catch {
    refuseDestination(`This computer cannot write to ${destination}. Choose a folder you may write to.`);
  }
}

type SettingsFields = Pick<BackupSettingsRow, 'destination' | 'dailyAt' | 'onQuit' | 'keepDaily' | 'keepMonthly'>;

/**
 * Writes the settings row and its audited change (what changed, and the row's digest and state
 * for `audit verify`) in the caller's transaction.
 */
export function writeSettings(
  ledger: Ledger,
  fields: SettingsFields,
  keys: { recipient: string; wrappedIdentity: string } | null,
  actorUserId: number | null,
  at: string,
): BackupSettings {
  const before = getBackupSettings(ledger.db);
  const current = keys ?? before;
  if (current === undefined) throw new Error('backup settings need a key the first time');
  const row = { ...fields, recipient: current.recipient, wrappedIdentity: current.wrappedIdentity, updatedAt: at };
  saveBackupSettings(ledger.db, row);
  const changes: Record<string, JsonValue> = {};
  for (const key of ['destination', 'dailyAt', 'onQuit', 'keepDaily', 'keepMonthly'] as const) {
    if (before?.[key] !== fields[key]) changes[key] = { from: before?.[key] ?? null, to: fields[key] };
  }
  appendAudit(ledger.raw, {
    at,
    actorUserId,
    action: 'backup.settings-saved',
    entityType: 'backup-settings',
    entityId: '1',
    details: {
      changes,
      newKey: keys !== null,
      recipient: row.recipient,
      ...rowAuditFields(ledger.raw, 'backup_settings', 1),
    },
  });
  return toBackupSettings({ id: 1, ...row });
}

/**
 * A new passphrase makes a new key pair, wrapped under it with age's scrypt (seconds, and
 * async): saved once wrapped, in its own transaction, audited to the administrator.
 */
export function saveWithNewKey(
  ledger: Ledger,
  job: BackupJob,
  fields: SettingsFields,
  passphrase: string,
  actorUserId: number,
  expectedUpdatedAt: string | null,
): void {
  void createBackupKeys(passphrase, backupKeyWork.scryptLogN)
    .then((keys) => {
      if (!ledger.raw.open) throw new Error('the ledger was closed');
      ledger.raw
        .transaction(() => {
          // Checked again: the key takes seconds to make, and another administrator may save meanwhile.
          if ((getBackupSettings(ledger.db)?.updatedAt ?? null) !== expectedUpdatedAt) {
            throw new Error(
              'another administrator saved the backup settings meanwhile; load the latest, then save again',
            );
          }
          writeSettings(ledger, fields, keys, actorUserId, new Date().toISOString());
        })
        .immediate();
      Object.assign(job, {
        state: 'done',
        fraction: 1,
        what: 'Settings saved',
        message: 'The backup settings are saved.',
      });
    })
    .catch((error: unknown) => {
      Object.assign(job, {
        state: 'failed',
        what: 'Settings not saved',
        message: sentence(`The settings were not saved: ${messageOf(error)}`),
      });
    });
}
