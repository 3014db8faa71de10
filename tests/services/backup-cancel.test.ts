import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelledBackupMessage, cancelledTestRestoreMessage } from '../../src/domain/backups';
import type { SignIn } from '../../src/services/sign-in';
import { filesIn, lastEntry, tempFolder } from '../backup/backup-fixture';
import { ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser } from '../support/test-app';
import { backupPassphrase, finished, setUpBackups } from './backup-test-app';

/** The app's Cancel on a running backup: through dispatch, as the Backups page calls it. */
let app: TestApp;
let admin: SignIn;
let folder: ReturnType<typeof tempFolder>;

beforeAll(async () => {
  app = createTestApp();
  admin = setUpClinic(app, 'UTC');
  folder = tempFolder('app-backup-cancel');
  await setUpBackups(app, admin, folder.dir);
}, 600_000);
afterAll(() => {
  app.cleanup();
  folder.cleanup();
});

describe('backups.cancel', () => {
  it('stops a running backup: no file, no temporary copy, recorded as cancelled by whoever ran it', async () => {
    const before = ledgerState(app.ledger.raw);
    const started = app.ok(admin, 'backups.run', {});
    // The copy runs in a worker thread: the backup is still copying when Cancel arrives.
    const asked = app.ok(admin, 'backups.cancel', { jobId: started.id });
    expect(asked).toMatchObject({ id: started.id, state: 'running', what: 'Cancelling' });
    const job = await finished(app, admin, started.id);
    expect(job).toMatchObject({ state: 'cancelled', what: 'Backup cancelled', fileName: null });
    expect(job.message).toBe(cancelledBackupMessage);
    expect(filesIn(folder.dir)).toEqual([]);

    const entry = lastEntry(app.path);
    expect(entry.action).toBe('backup.cancelled');
    expect(entry.details).toMatchObject({ ok: false, kind: 'manual', destination: folder.dir, by: 'admin' });
    const after = ledgerState(app.ledger.raw);
    expect(after.head.seq).toBe(before.head.seq + 1); // the cancellation, and nothing else
    expect(after.counts.backup_runs).toBe((before.counts.backup_runs ?? 0) + 1);
    const { runs } = app.ok(admin, 'backups.list', {});
    expect(runs[0]).toMatchObject({ kind: 'manual', ok: false, fileName: null, message: cancelledBackupMessage });
    // Not a missed scheduled backup: the home screen's warning is about daily and on-quit runs only.
    expect(app.ok(admin, 'backups.status', {}).lastScheduledFailure).toBeNull();
  });

  it('of a finished backup changes nothing; the next backup runs to its end', async () => {
    const started = app.ok(admin, 'backups.run', {});
    const job = await finished(app, admin, started.id);
    expect(job.state).toBe('done');
    const head = ledgerState(app.ledger.raw).head;
    expect(app.ok(admin, 'backups.cancel', { jobId: started.id })).toEqual(job);
    expect(ledgerState(app.ledger.raw).head).toEqual(head);
    expect(filesIn(folder.dir)).toEqual([job.fileName, `${job.fileName}.json`]);
  });

  it('stops a running test restore: its temporary copy deleted, recorded as cancelled', async () => {
    const fileName = filesIn(folder.dir)[0] ?? '';
    const inFolder = filesIn(folder.dir);
    const drill = app.ok(admin, 'backups.testRestore', { fileName, passphrase: backupPassphrase });
    expect(app.ok(admin, 'backups.cancel', { jobId: drill.id })).toMatchObject({
      state: 'running',
      what: 'Cancelling',
    });
    const job = await finished(app, admin, drill.id);
    expect(job).toMatchObject({ state: 'cancelled', what: 'Test restore cancelled', headSeq: null });
    expect(job.message).toBe(cancelledTestRestoreMessage);
    expect(filesIn(folder.dir)).toEqual(inFolder);
    expect(lastEntry(app.path).action).toBe('backup.test-restore-cancelled');
    const { runs } = app.ok(admin, 'backups.list', {});
    expect(runs[0]).toMatchObject({ kind: 'test-restore', ok: false, message: cancelledTestRestoreMessage });
    // Not cancelled, the same drill passes: the cancel is what stopped it.
    const again = app.ok(admin, 'backups.testRestore', { fileName, passphrase: backupPassphrase });
    expect((await finished(app, admin, again.id)).state).toBe('done');
  });

  it('refuses an unknown job and anyone but an administrator', async () => {
    expect(app.call(admin, 'backups.cancel', { jobId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const started = app.ok(admin, 'backups.run', {});
    const nurse = signedInUser(app, admin, 'nurse');
    expect(app.call(nurse, 'backups.cancel', { jobId: started.id })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await finished(app, admin, started.id)).state).toBe('done');
  });
});
