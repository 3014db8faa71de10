import { copyFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decryptFile, encryptFile } from '../../src/backup/backup-crypto';
import type { BackupResult } from '../../src/backup/take-backup';
import { takeBackup } from '../../src/backup/take-backup';
import { restoreBackup } from '../../src/backup/restore-backup';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';
import { fastScrypt, filesIn, passphrase, tempFolder, testActor } from './backup-fixture';

let app: TestApp;
let backups: ReturnType<typeof tempFolder>;
let backup: BackupResult;

beforeAll(async () => {
  app = createTestApp();
  setUpClinic(app);
  backups = tempFolder('backup-refusals');
  backup = await takeBackup(app.ledger, { outDir: backups.dir, passphrase, actor: testActor, scryptLogN: fastScrypt });
}, 600_000);
afterAll(() => {
  app.cleanup();
  backups.cleanup();
});

/** A copy of the backup under a new name, optionally with its sidecar. */
function copyOfBackup(name: string, withSidecar: boolean): string {
  const path = join(backups.dir, name);
  copyFileSync(backup.path, path);
  if (withSidecar) copyFileSync(backup.sidecarPath, `${path}.json`);
  return path;
}

/**
 * Runs a restore that must be refused: it fails with the given outcome and a one-line message,
 * and the target folder holds afterwards exactly what it held before.
 */
async function expectRefused(
  backupPath: string,
  outcome: 'check-failed' | 'could-not-run',
  message: RegExp,
  options: { newName?: string; passphrase?: string } = {},
): Promise<void> {
  const target = tempFolder('restore-target');
  try {
    const newPath = join(target.dir, options.newName ?? 'new.sqlite');
    if (options.newName !== undefined) writeFileSync(newPath, 'an existing ledger, not to be touched');
    const before = filesIn(target.dir).map((name) => [name, readFileSync(join(target.dir, name)).toString('hex')]);
    const attempt = restoreBackup({
      backupPath,
      newPath,
      passphrase: options.passphrase ?? passphrase,
      actor: testActor,
    });
    await expect(attempt).rejects.toMatchObject({ name: 'BackupError', outcome });
    const error = await attempt.then(
      () => new Error('restored'),
      (caught: unknown) => caught as Error,
    );
    expect(error.message).toMatch(message);
    expect(error.message).not.toContain('\n');
    const after = filesIn(target.dir).map((name) => [name, readFileSync(join(target.dir, name)).toString('hex')]);
    expect(after).toEqual(before);
  } finally {
    target.cleanup();
  }
}

describe('restore refuses what it must not restore, and writes nothing', () => {
  it('an existing target file, left byte for byte as it was', async () => {
    await expectRefused(backup.path, 'could-not-run', /new\.sqlite already exists; restore never overwrites/, {
      newName: 'new.sqlite',
    });
  });

  it('a stray -wal file beside the new name, which would be replayed into the restored ledger', async () => {
    await expectRefused(backup.path, 'could-not-run', /new\.sqlite-wal already exists/, { newName: 'new.sqlite-wal' });
  });

  it('a wrong passphrase', async () => {
    await expectRefused(backup.path, 'could-not-run', /^the passphrase does not open this backup/, {
      passphrase: 'not the passphrase',
    });
  });

  it('a truncated backup, against the SHA-256 of its sidecar', async () => {
    const path = copyOfBackup('truncated.ledger.age', true);
    writeFileSync(path, readFileSync(path).subarray(0, -500));
    await expectRefused(path, 'check-failed', /does not match the SHA-256 in its sidecar/);
  });

  it('a truncated backup that travelled without its sidecar, by its own authentication', async () => {
    const path = copyOfBackup('truncated-alone.ledger.age', false);
    writeFileSync(path, readFileSync(path).subarray(0, -500));
    await expectRefused(path, 'check-failed', /^the backup is damaged or truncated/);
  });

  it('a file that is not a backup at all', async () => {
    const path = join(backups.dir, 'notes.ledger.age');
    writeFileSync(path, 'SQLite format 3\0 this is not an age file');
    await expectRefused(path, 'check-failed', /^the file is not a readable backup/);
  });

  it('a backup whose ledger was edited and encrypted again with the right passphrase', async () => {
    const plain = join(backups.dir, 'edited.sqlite');
    await decryptFile(backup.path, plain, { passphrase }, () => undefined);
    const raw = new Database(plain);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET details = '{}' WHERE seq = 2").run();
    raw.close();
    const edited = join(backups.dir, 'edited.ledger.age');
    const { sha256, sizeBytes } = await encryptFile(
      plain,
      edited,
      { passphrase },
      {
        scryptLogN: fastScrypt,
        onFraction: () => undefined,
      },
    );
    // With a sidecar brought up to date, so that only the check of the ledger itself can catch it.
    writeFileSync(`${edited}.json`, JSON.stringify({ ...backup.sidecar, sha256, sizeBytes }));
    await expectRefused(edited, 'check-failed', /^the backup failed its check: its audit chain is broken at entry 2/);
    renameSync(`${edited}.json`, `${edited}.json.away`);
    await expectRefused(edited, 'check-failed', /audit chain is broken at entry 2: entry content does not match/);
  });

  it('a backup whose chain head is not the one its sidecar records', async () => {
    const path = copyOfBackup('other-head.ledger.age', false);
    const head = { ...backup.sidecar.chainHead, hash: 'f'.repeat(64) };
    writeFileSync(`${path}.json`, JSON.stringify({ ...backup.sidecar, chainHead: head }));
    await expectRefused(path, 'check-failed', /differs from the one its sidecar records/);
  });

  it('a restore of the intact backup succeeds where the refusals did not (the cases are not vacuous)', async () => {
    const target = tempFolder('restore-ok');
    try {
      const restored = await restoreBackup({
        backupPath: copyOfBackup('intact.ledger.age', true),
        newPath: join(target.dir, 'new.sqlite'),
        passphrase,
        actor: testActor,
      });
      expect(restored.backupHead).toEqual(backup.sidecar.chainHead);
      expect(filesIn(target.dir)).toEqual(['new.sqlite']);
    } finally {
      target.cleanup();
    }
  });
});
