import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeBackup } from '../../src/backup/take-backup';
import { checkLedgerCopy } from '../../src/backup/ledger-check';
import { fastScrypt, testActor } from '../backup/backup-fixture';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';
import { assertAccessible } from './accessibility';
import type { LaunchedApp } from './harness';
import { launchApp } from './harness';
import { saveScreenshot } from './screenshots';
import { adminPassword, expectText, heading, signIn } from './steps';

/**
 * Issue 10, the first-run set-up screen's other choice: a clinic restored from a backup file
 * into the empty ledger the app was started with, then its administrator signs in to the same
 * running app.
 */
const passphrase = 'harbor backups 2026 stay offsite';
let source: TestApp;
let folder: string;
let backupPath: string;
let backupHeadSeq: number;
let app: LaunchedApp;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'dosing-ledger-e2e-first-run-restore-'));
  source = createTestApp();
  setUpClinic(source);
  const backup = await takeBackup(source.ledger, {
    outDir: folder,
    passphrase,
    actor: testActor,
    scryptLogN: fastScrypt,
  });
  backupPath = backup.path;
  backupHeadSeq = backup.sidecar.chainHead.seq;
  app = await launchApp();
}, 180_000);
afterAll(async () => {
  await app.close();
  source.cleanup();
  rmSync(folder, { recursive: true, force: true });
});

describe('first run: restore a clinic from a backup', () => {
  it('offers the restore beside the new clinic, and says in one sentence why a wrong passphrase fails', async () => {
    const { page } = app;
    await heading(page, 'Set up the clinic');
    await page.getByRole('button', { name: 'Restore a clinic from a backup' }).click();
    await heading(page, 'Restore a clinic from a backup');
    await assertAccessible(page, 'first-run restore');
    await page.getByLabel('Path of the backup file').fill(backupPath);
    await page.getByLabel('Backup passphrase').fill('not the passphrase');
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expectText(page.getByRole('alert'), 'Nothing was restored: the passphrase does not open this backup', 60_000);
  });

  it('restores the backup with progress, names the clinic, and its administrator signs in', async () => {
    const { page } = app;
    await page.getByLabel('Backup passphrase').fill(passphrase);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expectText(page.getByRole('status'), 'Restored Harbor Infusion Clinic from the backup of', 60_000);
    await saveScreenshot(page, '33-first-run-restore');
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await signIn(page, 'admin', adminPassword);
    await heading(page, /Home|Users/);
    const check = checkLedgerCopy(app.dbPath);
    expect(check.ok).toBe(true);
    // The backup's chain, then `ledger.restored`, then this sign-in.
    if (check.ok) expect(check.head.seq).toBeGreaterThan(backupHeadSeq + 1);
  });
});
