import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupError } from '../../src/backup/backup-error';
import { takeBackup } from '../../src/backup/take-backup';
import { backupCommand, passphraseVariable } from '../../src/cli/backup-command';
import type { LedgerState } from '../support/ledger-state';
import { ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';
import { fastScrypt, filesIn, lastEntry, passphrase, tempFolder, testActor } from './backup-fixture';

/**
 * A cancelled backup (the app's Cancel, Ctrl+C on the command line) leaves no backup file, no
 * sidecar and no temporary copy (plaintext or encrypted) in the folder, and changes nothing in
 * the ledger but one `backup.cancelled` audit entry.
 */
let app: TestApp;
let folder: ReturnType<typeof tempFolder>;

beforeAll(() => {
  app = createTestApp();
  setUpClinic(app);
  folder = tempFolder('backup-cancel');
}, 600_000);
afterAll(() => {
  app.cleanup();
  folder.cleanup();
});

/** The ledger as it was, but for the audit log, which gains exactly the cancellation's entry. */
function expectOnlyCancellationAudited(before: LedgerState): void {
  const after = ledgerState(app.ledger.raw);
  expect(after.head.seq).toBe(before.head.seq + 1);
  const withoutAudit = (state: LedgerState) =>
    JSON.stringify(
      Object.entries(JSON.parse(state.rows) as Record<string, unknown>).filter(([t]) => t !== 'audit_log'),
    );
  expect(withoutAudit(after) === withoutAudit(before), 'rows other than the audit log changed').toBe(true);
  const entry = lastEntry(app.path);
  expect(entry.action).toBe('backup.cancelled');
}

function newFolder(name: string): string {
  const dir = join(folder.dir, name);
  mkdirSync(dir);
  return dir;
}

describe('cancelling a backup', () => {
  // Each stage the backup reports, and a cancel heard at it: before the copy, after the copy,
  // after the check, and part-way through the encryption (between chunks).
  it.each(['Copying the ledger', 'Checking the copy', 'Encrypting'])(
    'at "%s" leaves no file in the folder and audits the cancellation',
    async (stage) => {
      const out = newFolder(`at-${stage.replace(/\W+/g, '-')}`);
      const before = ledgerState(app.ledger.raw);
      const cancel = new AbortController();
      const seen: string[] = [];
      const backup = takeBackup(app.ledger, {
        outDir: out,
        passphrase,
        actor: testActor,
        scryptLogN: fastScrypt,
        signal: cancel.signal,
        onProgress: (_fraction, what) => {
          seen.push(what);
          if (what === stage) cancel.abort();
        },
      });
      await expect(backup).rejects.toSatisfy(
        (error: unknown) => error instanceof BackupError && error.outcome === 'cancelled',
      );
      expect(seen).toContain(stage);
      expect(seen).not.toContain('Backup written');
      expect(filesIn(out)).toEqual([]);
      expectOnlyCancellationAudited(before);
      expect(lastEntry(app.path).details).toMatchObject({ stage, by: testActor.by, destination: out });
    },
  );

  it('that was cancelled before it started writes nothing at all but its audit entry', async () => {
    const out = newFolder('before-start');
    const before = ledgerState(app.ledger.raw);
    const cancel = new AbortController();
    cancel.abort();
    await expect(
      takeBackup(app.ledger, {
        outDir: out,
        passphrase,
        actor: testActor,
        scryptLogN: fastScrypt,
        signal: cancel.signal,
      }),
    ).rejects.toThrow(/cancelled/);
    expect(filesIn(out)).toEqual([]);
    expectOnlyCancellationAudited(before);
  });

  it('too late (once written) keeps the backup: a published backup is never half-removed', async () => {
    const out = newFolder('too-late');
    const cancel = new AbortController();
    const result = await takeBackup(app.ledger, {
      outDir: out,
      passphrase,
      actor: testActor,
      scryptLogN: fastScrypt,
      signal: cancel.signal,
      onProgress: (_fraction, what) => {
        if (what === 'Backup written') cancel.abort();
      },
    });
    expect(filesIn(out)).toEqual([basename(result.path), basename(result.sidecarPath)]);
    expect(lastEntry(app.path).action).toBe('backup.created');
  });
});

describe('Ctrl+C during `dosing-ledger backup`', () => {
  it('stops the backup, leaves no file, says so in one line and exits 130', async () => {
    const out = newFolder('cli');
    const before = ledgerState(app.ledger.raw);
    const err: string[] = [];
    const lines: string[] = [];
    let listening = 0;
    const stderr = Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), { isTTY: false });
    const code = await backupCommand(
      ['--db', app.path, '--out', out],
      { out: (line) => lines.push(line), err: (line) => err.push(line) },
      {
        env: { [passphraseVariable]: passphrase },
        stdin: new PassThrough() as unknown as NodeJS.ReadStream,
        stderr: stderr as unknown as NodeJS.WriteStream,
        // Ctrl+C pressed as soon as the backup listens for it: before its first step.
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
    expect(err).toEqual(['dosing-ledger: the backup was cancelled; no backup file and no temporary copy were left']);
    expect(listening).toBe(0); // Ctrl+C is the shell's again once the command is done
    expect(filesIn(out)).toEqual([]);
    expectOnlyCancellationAudited(before);
    expect(lastEntry(app.path).details.by).toMatch(/^command line \(.+\)$/);
  });
});
