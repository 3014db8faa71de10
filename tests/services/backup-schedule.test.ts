import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupFileName } from '../../src/backup/backup-names';
import { backupOverdue, latestDailySlot, nextDailySlot } from '../../src/domain/backup-schedule';
import { jobsInFlight } from '../../src/services/backup-jobs';
import { startBackupScheduler } from '../../src/services/backup-scheduler';
import type { SignIn } from '../../src/services/sign-in';
import { filesIn, lastEntry, tempFolder } from '../backup/backup-fixture';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic } from '../support/test-app';
import { setUpBackups } from './backup-test-app';

const hourMs = 60 * 60_000;
const dayMs = 24 * hourMs;

describe('the daily schedule, in clinic time', () => {
  it('finds the latest and next daily time across a change to summer time', () => {
    // New York moved its clocks forward at 02:00 on 08-Mar-2026.
    const now = new Date('2026-03-08T12:00:00Z'); // 08:00 EDT
    expect(latestDailySlot(now, '06:30', 'America/New_York').toISOString()).toBe('2026-03-08T10:30:00.000Z');
    expect(latestDailySlot(now, '18:30', 'America/New_York').toISOString()).toBe('2026-03-07T23:30:00.000Z');
    expect(nextDailySlot(now, '06:30', 'America/New_York').toISOString()).toBe('2026-03-09T10:30:00.000Z');
  });

  it('is overdue when no good backup since the last daily time that is more than an hour past', () => {
    const schedule = { dailyAt: '18:00', timeZone: 'UTC' };
    const now = new Date('2026-03-10T18:30:00Z');
    expect(backupOverdue(now, new Date('2026-03-09T18:05:00Z'), schedule)).toBe(false);
    expect(backupOverdue(new Date('2026-03-10T19:30:00Z'), new Date('2026-03-09T18:05:00Z'), schedule)).toBe(true);
    expect(backupOverdue(now, new Date('2026-03-09T17:00:00Z'), schedule)).toBe(true);
    expect(backupOverdue(now, null, schedule)).toBe(true);
    // Without a daily time (on quit or by hand): a week.
    expect(backupOverdue(now, new Date(now.getTime() - 6 * dayMs), { dailyAt: null, timeZone: 'UTC' })).toBe(false);
    expect(backupOverdue(now, new Date(now.getTime() - 8 * dayMs), { dailyAt: null, timeZone: 'UTC' })).toBe(true);
  });
});

describe('the backup scheduler', () => {
  let app: TestApp;
  let admin: SignIn;
  let folder: ReturnType<typeof tempFolder>;
  let now = new Date();

  beforeAll(async () => {
    app = createTestApp();
    admin = setUpClinic(app, 'UTC');
    folder = tempFolder('scheduled');
    await setUpBackups(app, admin, folder.dir, { dailyAt: '02:00', onQuit: true, keepDaily: 1, keepMonthly: 0 });
  });
  afterAll(async () => {
    await jobsInFlight();
    app.cleanup();
    folder.cleanup();
  });

  const runs = () => app.ok(admin, 'backups.list', {}).runs;

  it('takes no backup on the day the time was set, then one at the daily time, once, and one on quit', async () => {
    const scheduler = startBackupScheduler(app.ledger, { clock: () => now });
    try {
      await scheduler.tick();
      expect(runs()).toEqual([]);
      now = new Date(latestDailySlot(new Date(Date.now() + dayMs), '02:00', 'UTC').getTime() + 60_000);
      await scheduler.tick();
      await scheduler.tick();
      expect(runs().map((run) => [run.kind, run.ok])).toEqual([['daily', true]]);
    } finally {
      expect(await scheduler.quit()).toBe('backed up');
    }
    expect(runs().map((run) => [run.kind, run.ok])).toEqual([
      ['quit', true],
      ['daily', true],
    ]);
  });

  it('deletes the backups retention no longer keeps, with their sidecars, but never files not ours', async () => {
    const old = backupFileName(new Date('2020-01-01T00:00:00Z'), 1);
    writeFileSync(join(folder.dir, old), 'old');
    writeFileSync(join(folder.dir, `${old}.json`), '{}');
    writeFileSync(join(folder.dir, 'notes.txt'), 'keep me');
    // The next day, before its daily time: only the backup on quit runs.
    now = new Date(now.getTime() + dayMs - 2 * hourMs);
    const scheduler = startBackupScheduler(app.ledger, { clock: () => now });
    try {
      expect(await scheduler.quit()).toBe('backed up');
    } finally {
      await jobsInFlight();
    }
    const [latest] = runs();
    expect(latest).toMatchObject({ kind: 'quit', ok: true });
    // keepDaily 1, keepMonthly 0: only this one stays; the day before's two go, and the old one.
    expect(filesIn(folder.dir)).toEqual([latest?.fileName, `${latest?.fileName}.json`, 'notes.txt'].sort());
    const pruned = lastEntry(app.path);
    expect(pruned.action).toBe('backup.pruned');
    expect(pruned.details.deleted).toContain(old);
  });

  it('records a failed daily backup (the drive unplugged) for the home screen, and tries again only the next day', async () => {
    rmSync(folder.dir, { recursive: true });
    now = new Date(now.getTime() + 2 * hourMs);
    const scheduler = startBackupScheduler(app.ledger, { clock: () => now });
    try {
      await scheduler.tick();
      await scheduler.tick();
    } finally {
      mkdirSync(folder.dir);
    }
    const failures = runs().filter((run) => !run.ok);
    expect(failures.map((run) => run.kind)).toEqual(['daily']);
    // A day later, as the administrator who signs in that morning sees it.
    app.clockOffsetMs = now.getTime() - Date.now();
    const morning = app.newSignIn();
    app.ok(morning, 'auth.signIn', { username: 'admin', password: adminPassword });
    expect(app.ok(morning, 'backups.status', {})).toMatchObject({
      configured: true,
      lastScheduledFailure: { message: `The backup failed: The backup folder ${folder.dir} does not exist.` },
    });
    app.clockOffsetMs = 0;
    // The backup on quit finds the drive back: the warning goes.
    expect(await scheduler.quit()).toBe('backed up');
    expect(app.ok(morning, 'backups.status', {}).lastScheduledFailure).toBeNull();
  });

  it('keeps quitting bounded: a backup slower than the limit is left behind, and quit returns', async () => {
    const scheduler = startBackupScheduler(app.ledger, { clock: () => now, quitTimeoutMs: 1 });
    const started = Date.now();
    expect(await scheduler.quit()).toBe('timed out');
    expect(Date.now() - started).toBeLessThan(1000);
    await jobsInFlight();
  });
});
