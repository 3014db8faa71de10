import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSidecar } from '../../src/backup/backup-sidecar';
import { checkLedgerCopy } from '../../src/backup/ledger-check';
import type { MethodOutput } from '../../src/contract/methods';
import type { SignIn } from '../../src/services/sign-in';
import { lastEntry, tempFolder } from '../backup/backup-fixture';
import { ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { backupPassphrase, finished, setUpBackups } from './backup-test-app';

type RestoreJob = MethodOutput<'setup.restoreJob'>;

let source: TestApp;
let folder: ReturnType<typeof tempFolder>;
let backupPath: string;

beforeAll(async () => {
  source = createTestApp();
  const admin = setUpClinic(source, 'America/New_York');
  signedInUser(source, admin, 'nurse');
  folder = tempFolder('setup-restore');
  await setUpBackups(source, admin, folder.dir);
  const job = await finished(source, admin, source.ok(admin, 'backups.run', {}).id);
  if (job.state !== 'done' || job.fileName === null) throw new Error(job.message);
  backupPath = join(folder.dir, job.fileName);
});
afterAll(() => {
  source.cleanup();
  folder.cleanup();
});

/** Polls the restore as the set-up screen does, retrying while the copy holds the ledger. */
async function restored(app: TestApp, session: SignIn, jobId: string): Promise<RestoreJob> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const result = app.call(session, 'setup.restoreJob', { jobId });
    if (result.ok && result.value.state !== 'running') return result.value;
    if (!result.ok && result.error.code !== 'CONFLICT') throw new Error(result.error.message);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`restore ${jobId} did not finish`);
}

/** The files in a ledger's folder, less SQLite's own side files. */
function filesBeside(app: TestApp): string[] {
  return readdirSync(app.dir).filter((name) => !name.endsWith('-wal') && !name.endsWith('-shm'));
}

describe('restoring a clinic from the set-up screen', () => {
  it('restores a backup into the empty ledger the app runs on; its users then sign in', async () => {
    const app = createTestApp();
    try {
      const session = app.newSignIn();
      expect(app.ok(session, 'signIn.get', {})).toEqual({ state: 'not-initialized' });
      const started = app.ok(session, 'setup.restore', { backupPath, passphrase: backupPassphrase });
      expect(started.state).toBe('running');
      const job = await restored(app, session, started.id);
      const sidecar = readSidecar(backupPath);
      expect(job).toMatchObject({
        state: 'done',
        fraction: 1,
        clinicName: 'Harbor Infusion Clinic',
        clinicTimeZone: 'America/New_York',
        backupCreatedAt: sidecar?.createdAt,
      });

      // The same running app (same Ledger object) now holds the clinic and its users.
      expect(app.ok(session, 'signIn.get', {})).toMatchObject({ state: 'signed-out' });
      expect(app.ok(session, 'auth.signIn', { username: 'admin', password: adminPassword })).toMatchObject({
        state: 'active',
      });
      const nurse = app.newSignIn();
      expect(app.ok(nurse, 'auth.signIn', { username: 'nurse', password: staffPassword })).toMatchObject({
        state: 'active',
      });

      // A fresh connection to the file: intact, the backup's chain plus the restore entry.
      const check = checkLedgerCopy(app.path);
      expect(check.ok).toBe(true);
      const backupHead = sidecar?.chainHead;
      if (!check.ok || backupHead === undefined) throw new Error('no check');
      const restoreEntry = lastEntry(app.path);
      expect(check.head.seq).toBeGreaterThan(backupHead.seq);
      // The restore entry follows the backup's head (sign-ins add theirs after it).
      expect(restoreEntry.seq).toBeGreaterThan(backupHead.seq);
      const restoredAt = app.ledger.raw
        .prepare("SELECT seq, prev_hash AS prevHash FROM audit_log WHERE action = 'ledger.restored'")
        .all() as { seq: number; prevHash: string }[];
      expect(restoredAt).toEqual([{ seq: backupHead.seq + 1, prevHash: backupHead.hash }]);
      // Nothing of the restore is left beside the ledger.
      expect(filesBeside(app)).toEqual(['ledger.sqlite']);
    } finally {
      app.cleanup();
    }
  });

  it('refuses a ledger that holds a clinic, in one sentence, and changes nothing', () => {
    const app = createTestApp();
    try {
      const admin = setUpClinic(app);
      const before = ledgerState(app.ledger.raw);
      const result = app.call(app.newSignIn(), 'setup.restore', { backupPath, passphrase: backupPassphrase });
      expect(result).toEqual({
        ok: false,
        error: {
          code: 'ALREADY_INITIALIZED',
          message: 'This ledger already holds a clinic, so a backup cannot be restored into it. Sign in instead.',
        },
      });
      expect(app.call(admin, 'setup.restore', { backupPath, passphrase: backupPassphrase })).toMatchObject({
        ok: false,
        error: { code: 'ALREADY_INITIALIZED' },
      });
      expect(ledgerState(app.ledger.raw)).toEqual(before);
    } finally {
      app.cleanup();
    }
  });

  it('refuses a missing file or a relative path with a field message, and changes nothing', () => {
    const app = createTestApp();
    try {
      const before = ledgerState(app.ledger.raw);
      const missing = join(folder.dir, 'not-there.ledger.age');
      const message = `There is no backup file at ${missing}. Check the path, and that the drive is plugged in.`;
      expect(app.call(app.newSignIn(), 'setup.restore', { backupPath: missing, passphrase: 'x' })).toEqual({
        ok: false,
        error: { code: 'INVALID_INPUT', message, issues: [{ path: 'backupPath', message }] },
      });
      const relative = app.call(app.newSignIn(), 'setup.restore', { backupPath: 'package.json', passphrase: 'x' });
      expect(relative).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'backupPath' }] } });
      expect(ledgerState(app.ledger.raw)).toEqual(before);
    } finally {
      app.cleanup();
    }
  });

  const failures: [string, () => { path: string; passphrase: string }, RegExp][] = [
    ['a wrong passphrase', () => ({ path: backupPath, passphrase: 'not the passphrase' }), /wrong passphrase/],
    [
      'a file that is not a backup',
      () => {
        const path = join(folder.dir, 'notes.txt');
        writeFileSync(path, 'shopping list\n');
        return { path, passphrase: backupPassphrase };
      },
      /not a readable backup/,
    ],
    [
      'a backup that fails its check',
      () => {
        // A copy with one byte changed, beside its (now disagreeing) sidecar.
        const path = join(folder.dir, 'damaged', 'dosing-ledger-20260101-000000Z.ledger.age');
        tempCopy(backupPath, path);
        const bytes = readFileSync(path);
        bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
        writeFileSync(path, bytes);
        return { path, passphrase: backupPassphrase };
      },
      /does not match the SHA-256 in its sidecar/,
    ],
  ];

  it.each(failures)('fails on %s with one sentence, the empty ledger unchanged', async (_what, make, why) => {
    const app = createTestApp();
    try {
      const { path, passphrase } = make();
      const session = app.newSignIn();
      const before = ledgerState(app.ledger.raw);
      const job = await restored(app, session, app.ok(session, 'setup.restore', { backupPath: path, passphrase }).id);
      expect(job.state).toBe('failed');
      expect(job.message).toMatch(why);
      expect(job.message).toMatch(/^Nothing was restored: [^\n]*\.$/);
      expect(ledgerState(app.ledger.raw)).toEqual(before);
      expect(app.ok(session, 'signIn.get', {})).toEqual({ state: 'not-initialized' });
      expect(filesBeside(app)).toEqual(['ledger.sqlite']);
    } finally {
      app.cleanup();
    }
  });
});

function tempCopy(from: string, to: string): void {
  mkdirSync(join(to, '..'), { recursive: true });
  copyFileSync(from, to);
  copyFileSync(`${from}.json`, `${to}.json`);
}
