import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSidecarSchema } from '../../src/backup/backup-sidecar';
import { assertAccessible } from './accessibility';
import type { LaunchedApp } from './harness';
import { launchApp } from './harness';
import { saveScreenshot } from './screenshots';
import { expectText, heading, setUpClinic, submitSetUp } from './steps';

/**
 * Issue 10, the restore drill from the Backups page: an administrator sets backups up to a
 * folder, backs up now, sees the backup listed with its check, and test-restores it; the chain
 * head the restore found is the one the backup's sidecar records.
 */
const passphrase = 'harbor backups 2026 stay offsite';
let app: LaunchedApp;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'dosing-ledger-e2e-backups-'));
  app = await launchApp();
}, 180_000);
afterAll(async () => {
  await app.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('backups', () => {
  it('warns the administrator on arrival that backups are not set up, with a link to the page', async () => {
    const { page } = app;
    await setUpClinic(page);
    await submitSetUp(page);
    await expectText(page.locator('.notice').filter({ hasText: 'Backups are not set up' }), 'Choose a backup folder');
    await page.getByRole('link', { name: 'Open the Backups page' }).click();
    await heading(page, 'Backups');
  });

  it('saves the folder and the passphrase, backs up now with progress, and lists the backup as checked', async () => {
    const { page } = app;
    await page.getByLabel('Backup folder').fill(folder);
    await page.getByLabel('Backup passphrase', { exact: true }).fill(passphrase);
    await page.getByLabel('Backup passphrase again').fill(passphrase);
    await page.getByRole('button', { name: 'Save backup settings' }).click();
    await expectText(page.getByText('Backup settings saved.'), 'Backup settings saved.', 60_000);

    await page.getByRole('button', { name: 'Back up now' }).click();
    await expectText(page.locator('.notice').filter({ hasText: 'Backup written' }), 'Check passed', 60_000);
    const list = page.getByRole('table', { name: 'Backups and test restores, newest first' });
    await expectText(list.getByRole('row').nth(1), 'Check passed');
    await expectText(list.getByRole('row').nth(1), 'In the folder');
    expect(readdirSync(folder).filter((name) => name.endsWith('.ledger.age'))).toHaveLength(1);
  });

  it('test-restores the backup: passed, with the chain head its sidecar records', async () => {
    const { page } = app;
    const [fileName] = readdirSync(folder).filter((name) => name.endsWith('.ledger.age'));
    const sidecar = backupSidecarSchema.parse(JSON.parse(readFileSync(join(folder, `${fileName}.json`), 'utf8')));
    await page.getByRole('button', { name: `Test restore of ${fileName}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Test restore' });
    await dialog.getByLabel('Backup passphrase').fill(passphrase);
    await dialog.getByRole('button', { name: 'Start test restore' }).click();
    await expectText(dialog.locator('.notice'), 'Test restore passed', 60_000);
    await expectText(dialog.locator('.notice'), "equal to the backup's");
    await expectText(dialog.locator('.notice code'), sidecar.chainHead.hash);
    await assertAccessible(page, 'backups test restore');
    await dialog.getByRole('button', { name: 'Close' }).click();

    const list = page.getByRole('table', { name: 'Backups and test restores, newest first' });
    await expectText(list.getByRole('row').nth(1), 'Test restore passed');
    await assertAccessible(page, 'backups');
    await saveScreenshot(page, '32-backups', { fullPage: true });
  });
});
