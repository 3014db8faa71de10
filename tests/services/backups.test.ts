import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src/backup/restore-backup';
import { backupSidecarSchema } from '../../src/backup/backup-sidecar';
import { verifyTableStates } from '../../src/db/table-states';
import type { SignIn } from '../../src/services/sign-in';
import { filesIn, lastEntry, tempFolder, testActor } from '../backup/backup-fixture';
import { ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser } from '../support/test-app';
import { backupPassphrase, backupSettingsStamp, finished, setUpBackups } from './backup-test-app';

let app: TestApp;
let admin: SignIn;
let folder: ReturnType<typeof tempFolder>;

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  folder = tempFolder('app-backups');
});
afterAll(() => {
  app.cleanup();
  folder.cleanup();
});

const settingsInput = { dailyAt: null, onQuit: false, keepDaily: 14, keepMonthly: 12 };

describe('backup settings', () => {
  it('start unset: the status says backups are not set up, and a backup cannot run', () => {
    expect(app.ok(admin, 'backups.settings.get', {})).toEqual({ settings: null });
    expect(app.ok(admin, 'backups.status', {})).toMatchObject({ configured: false, overdue: false });
    expect(app.call(admin, 'backups.run', {})).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('are for administrators only', () => {
    const nurse = signedInUser(app, admin, 'nurse');
    expect(app.call(nurse, 'backups.settings.get', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(app.call(nurse, 'backups.status', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('refuse a folder that does not exist, in one message naming it, and change nothing', () => {
    const before = ledgerState(app.ledger.raw);
    const missing = join(folder.dir, 'usb-not-plugged-in');
    const result = app.call(admin, 'backups.settings.save', {
      expectedUpdatedAt: backupSettingsStamp(app, admin),
      destination: missing,
      ...settingsInput,
      passphrase: backupPassphrase,
      passphraseAgain: backupPassphrase,
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'INVALID_INPUT',
        message: `The folder ${missing} does not exist. Plug in the drive or create the folder, then save.`,
      },
    });
    expect(ledgerState(app.ledger.raw)).toEqual(before);
  });

  it('need a passphrase the first time, typed twice alike, of at least 12 characters', () => {
    const base = { destination: folder.dir, ...settingsInput };
    expect(app.call(admin, 'backups.settings.save', { ...base, expectedUpdatedAt: null })).toMatchObject({
      ok: false,
      error: { issues: [{ path: 'passphrase' }] },
    });
    const differ = app.call(admin, 'backups.settings.save', {
      expectedUpdatedAt: backupSettingsStamp(app, admin),
      ...base,
      passphrase: backupPassphrase,
      passphraseAgain: `${backupPassphrase}!`,
    });
    expect(differ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const short = app.call(admin, 'backups.settings.save', {
      expectedUpdatedAt: backupSettingsStamp(app, admin),
      ...base,
      passphrase: 'short',
      passphraseAgain: 'short',
    });
    expect(short).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('are saved with a new key, audited with the row digest, and held by audit verify', async () => {
    await setUpBackups(app, admin, folder.dir);
    expect(app.ok(admin, 'backups.settings.get', {}).settings).toMatchObject({
      destination: folder.dir,
      keepDaily: 14,
    });
    const entry = lastEntry(app.path);
    expect(entry).toMatchObject({ action: 'backup.settings-saved', details: { newKey: true } });
    expect(JSON.stringify(entry.details)).not.toContain('AGE ENCRYPTED');
    expect(verifyTableStates(app.ledger.raw).problems).toEqual([]);

    // Later saves keep the key when no passphrase is typed.
    const kept = app.ok(admin, 'backups.settings.save', {
      expectedUpdatedAt: backupSettingsStamp(app, admin),
      destination: folder.dir,
      ...settingsInput,
      keepDaily: 7,
    });
    expect(kept).toMatchObject({ jobId: null, settings: { keepDaily: 7 } });
    expect(lastEntry(app.path).details).toMatchObject({ newKey: false, changes: { keepDaily: { from: 14, to: 7 } } });
    expect(verifyTableStates(app.ledger.raw).problems).toEqual([]);
  });

  it('changed outside the app are reported by audit verify', () => {
    const raw = app.ledger.raw;
    raw.prepare("UPDATE backup_settings SET destination = '/tmp/elsewhere' WHERE id = 1").run();
    try {
      expect(verifyTableStates(raw).problems.map((problem) => problem.message)).toEqual([
        expect.stringMatching(/^backup_settings row 1 \(\/tmp\/elsewhere\): destination differs from the audit trail/),
      ]);
    } finally {
      raw.prepare('UPDATE backup_settings SET destination = ? WHERE id = 1').run(folder.dir);
    }
  });
});

describe('Back up now', () => {
  let fileName = '';

  it('writes a checked backup, listed with its check result, chain head and file', async () => {
    const started = app.ok(admin, 'backups.run', {});
    const job = await finished(app, admin, started.id);
    expect(job).toMatchObject({ state: 'done', fraction: 1 });
    expect(job.message).toMatch(/^Check passed/);
    fileName = job.fileName ?? '';
    expect(filesIn(folder.dir)).toEqual([fileName, `${fileName}.json`]);
    const { runs } = app.ok(admin, 'backups.list', {});
    expect(runs[0]).toMatchObject({
      kind: 'manual',
      ok: true,
      fileName,
      headSeq: job.headSeq,
      headHash: job.headHash,
      fileInFolder: true,
      byName: 'Alex Admin',
      message: job.message,
    });
    expect(lastEntry(app.path)).toMatchObject({ action: 'backup.created', details: { file: fileName } });
    expect(app.ok(admin, 'backups.status', {})).toMatchObject({ configured: true, lastGoodAt: runs[0]?.finishedAt });
  });

  it('carries the wrapped key in its sidecar, so the command line restores it with the passphrase alone', async () => {
    const sidecar = backupSidecarSchema.parse(JSON.parse(readFileSync(join(folder.dir, `${fileName}.json`), 'utf8')));
    expect(sidecar.wrappedIdentity).toMatch(/^-----BEGIN AGE ENCRYPTED FILE-----/);
    const target = tempFolder('app-restore');
    try {
      const restored = await restoreBackup({
        backupPath: join(folder.dir, fileName),
        newPath: join(target.dir, 'restored.sqlite'),
        passphrase: backupPassphrase,
        actor: testActor,
      });
      expect(restored.backupHead).toEqual(sidecar.chainHead);
    } finally {
      target.cleanup();
    }
  });

  it('test restore: a wrong passphrase fails in words; the right one passes, and both are recorded', async () => {
    const headBefore = ledgerState(app.ledger.raw).head;
    const wrong = app.ok(admin, 'backups.testRestore', { fileName, passphrase: 'not the passphrase' });
    expect(await finished(app, admin, wrong.id)).toMatchObject({
      state: 'failed',
      message: 'The test restore failed: the passphrase does not open this backup (wrong passphrase?).',
    });
    const right = app.ok(admin, 'backups.testRestore', { fileName, passphrase: backupPassphrase });
    const job = await finished(app, admin, right.id);
    const backup = app.ok(admin, 'backups.list', {}).runs.find((run) => run.kind === 'manual');
    expect(job).toMatchObject({ state: 'done', headSeq: backup?.headSeq, headHash: backup?.headHash });
    expect(job.message).toMatch(/^Test restore passed: .* equal to the backup's\.$/);
    const [latest, previous] = app.ok(admin, 'backups.list', {}).runs;
    expect(latest).toMatchObject({ kind: 'test-restore', ok: true, fileName });
    expect(previous).toMatchObject({ kind: 'test-restore', ok: false });
    // The live ledger gained only the two runs' audit entries.
    expect(ledgerState(app.ledger.raw).head.seq).toBe(headBefore.seq + 2);
    expect(lastEntry(app.path).action).toBe('backup.test-restored');
  });

  it('refuses a test restore of a file that is not in the folder', () => {
    const result = app.call(admin, 'backups.testRestore', {
      fileName: 'dosing-ledger-20200101-000000Z.ledger.age',
      passphrase: backupPassphrase,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('records a failed backup (the drive unplugged) with the reason, and the list pages newest first', async () => {
    const gone = tempFolder('unplugged');
    app.ok(admin, 'backups.settings.save', {
      expectedUpdatedAt: backupSettingsStamp(app, admin),
      destination: gone.dir,
      ...settingsInput,
    });
    rmSync(gone.dir, { recursive: true });
    const job = await finished(app, admin, app.ok(admin, 'backups.run', {}).id);
    expect(job).toMatchObject({
      state: 'failed',
      message: `The backup failed: The backup folder ${gone.dir} does not exist.`,
    });
    expect(lastEntry(app.path)).toMatchObject({ action: 'backup.failed', details: { destination: gone.dir } });
    const first = app.ok(admin, 'backups.list', { limit: 2 });
    expect(first.runs.map((run) => run.kind)).toEqual(['manual', 'test-restore']);
    expect(first.runs[0]).toMatchObject({ ok: false, fileName: null, fileInFolder: null });
    const next = app.ok(admin, 'backups.list', { limit: 2, beforeId: first.nextBeforeId ?? 0 });
    expect(next.runs.map((run) => run.kind)).toEqual(['test-restore', 'manual']);
    expect(next.nextBeforeId).toBeNull();
    expect(existsSync(gone.dir)).toBe(false);
  });
});
