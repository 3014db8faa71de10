import { PassThrough, Writable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupResult } from '../../src/backup/take-backup';
import { takeBackup } from '../../src/backup/take-backup';
import { restoreBackup } from '../../src/backup/restore-backup';
import { passphraseVariable, restoreCommand } from '../../src/cli/backup-command';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';
import { fastScrypt, filesIn, passphrase, tempFolder, testActor } from './backup-fixture';

/**
 * A restore stopped part-way (Ctrl+C on the command line) leaves no ledger file and no
 * temporary copy beside the name it was given, and says so in one line.
 */
let app: TestApp;
let backups: ReturnType<typeof tempFolder>;
let backup: BackupResult;

beforeAll(async () => {
  app = createTestApp();
  setUpClinic(app);
  backups = tempFolder('restore-cancel');
  backup = await takeBackup(app.ledger, { outDir: backups.dir, passphrase, actor: testActor, scryptLogN: fastScrypt });
}, 600_000);
afterAll(() => {
  app.cleanup();
  backups.cleanup();
});

describe('cancelling a restore', () => {
  // Each stage the restore reports, and a cancel heard there.
  it.each(['Checking the backup file', 'Decrypting', 'Checking the restored ledger', 'Recording the restore'])(
    'at "%s" leaves nothing in the folder',
    async (stage) => {
      const target = tempFolder('restore-cancel-target');
      try {
        const newPath = join(target.dir, 'restored.sqlite');
        const cancel = new AbortController();
        const seen: string[] = [];
        const attempt = restoreBackup({
          backupPath: backup.path,
          newPath,
          passphrase,
          actor: testActor,
          signal: cancel.signal,
          onProgress: (_fraction, what) => {
            seen.push(what);
            if (what === stage) cancel.abort();
          },
        });
        await expect(attempt).rejects.toMatchObject({
          name: 'BackupError',
          outcome: 'cancelled',
          message: `the restore was cancelled; ${newPath} was not created`,
        });
        expect(seen).toContain(stage);
        expect(seen).not.toContain('Restored');
        expect(filesIn(target.dir)).toEqual([]);
      } finally {
        target.cleanup();
      }
    },
  );

  it('not cancelled, the same restore completes (the cancel is what stopped it)', async () => {
    const target = tempFolder('restore-cancel-done');
    try {
      const newPath = join(target.dir, 'restored.sqlite');
      const restored = await restoreBackup({
        backupPath: backup.path,
        newPath,
        passphrase,
        actor: testActor,
        signal: new AbortController().signal,
      });
      expect(restored.path).toBe(newPath);
      expect(filesIn(target.dir)).toEqual(['restored.sqlite']);
    } finally {
      target.cleanup();
    }
  });
});

describe('Ctrl+C during `dosing-ledger restore`', () => {
  it('stops the restore, leaves no file, says so in one line and exits 130', async () => {
    const target = tempFolder('restore-cancel-cli');
    try {
      const newPath = join(target.dir, 'restored.sqlite');
      const err: string[] = [];
      const lines: string[] = [];
      let listening = 0;
      const stderr = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: false });
      const code = await restoreCommand(
        ['--from', backup.path, '--db', newPath],
        { out: (line) => lines.push(line), err: (line) => err.push(line) },
        {
          env: { [passphraseVariable]: passphrase },
          stdin: new PassThrough() as unknown as NodeJS.ReadStream,
          stderr: stderr as unknown as NodeJS.WriteStream,
          // Ctrl+C pressed as soon as the restore listens for it: before its first step.
          onInterrupt: (stop) => {
            listening += 1;
            stop();
            return () => {
              listening -= 1;
            };
          },
        },
      );
      expect(code).toBe(130);
      expect(lines).toEqual([]);
      expect(err).toEqual([`dosing-ledger: the restore was cancelled; ${newPath} was not created`]);
      expect(listening).toBe(0);
      expect(filesIn(target.dir)).toEqual([]);
    } finally {
      target.cleanup();
    }
  });
});
