import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import type { Manifest } from '../../src/export/manifest';
import type { ExportFileHold } from '../../src/services/export-jobs';
import { holdExportFiles } from '../../src/services/export-jobs';
import { openLedger } from '../../src/services/ledger';
import { assertAccessible } from './accessibility';
import type { LaunchedApp } from './harness';
import { launchApp } from './harness';
import { saveScreenshot } from './screenshots';
import { expectText, heading, signIn } from './steps';

/**
 * A turnstile for the app's exports (the server runs in this process): the writer waits before
 * each file until the test lets more through, so the bar is read at known points and the cancel
 * lands while the export is certainly still being written, however fast this machine is.
 */
function exportTurnstile(): { hold: ExportFileHold; allow(files: number): void } {
  let permits = 0;
  let wake: (() => void) | undefined;
  return {
    hold: async (_index, signal) => {
      while (permits === 0) {
        if (signal?.aborted === true) return; // the writer stops itself on the cancel
        await new Promise<void>((resolve) => {
          wake = resolve;
          signal?.addEventListener('abort', () => resolve(), { once: true });
        });
      }
      permits -= 1;
    },
    allow: (files) => {
      permits += files;
      wake?.();
    },
  };
}

/** The auditor's tools on a demo clinic: the export with progress, and verifying a signed PDF. */
let dir: string;
let app: LaunchedApp;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-auditor-'));
  const dbPath = join(dir, 'ledger.sqlite');
  const ledger = openLedger(dbPath);
  seedDemo(ledger, { patientCount: 20 });
  ledger.close();
  app = await launchApp({ dbPath });
}, 180_000);
afterAll(async () => {
  holdExportFiles(undefined);
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('auditor tools', () => {
  it('exports the records with progress, next to the ledger', async () => {
    const { page } = app;
    const auditor = demoUsers.find((user) => user.role === 'auditor');
    await signIn(page, auditor?.username ?? '', auditor?.password ?? '');
    await page.getByRole('link', { name: 'Export' }).click();
    await heading(page, 'Export records');
    await page.getByRole('button', { name: 'Start export' }).click();
    await expectText(page.getByRole('status'), 'Export complete', 60_000);
    const path = (await page.locator('.notice code').first().textContent()) ?? '';
    expect(path.startsWith(join(dir, 'exports'))).toBe(true);
    expect(existsSync(path)).toBe(true);
    await assertAccessible(page, 'export');
  });

  it('downloads the same zip to the device that asked, with progress and its SHA-256 to compare', async () => {
    const { page } = app;
    const path = (await page.locator('.notice code').first().textContent()) ?? '';
    await page.getByRole('heading', { level: 2, name: 'Download to this device' }).waitFor();
    const shown = ((await page.locator('.export-sha256').textContent()) ?? '').trim();
    expect(shown).toMatch(/^[0-9a-f]{64}$/);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByRole('button', { name: /^Download the export/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(basename(path));
    const saved = join(dir, `downloaded-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    const bytes = readFileSync(saved);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(shown);
    expect(bytes.equals(readFileSync(path))).toBe(true);
    const files = unzipSync(bytes);
    const manifest = JSON.parse(Buffer.from(files['manifest.json'] ?? new Uint8Array()).toString('utf8')) as Manifest;
    expect(manifest.files.length).toBeGreaterThan(10);
    for (const entry of manifest.files) {
      expect(
        createHash('sha256')
          .update(files[entry.path] ?? new Uint8Array())
          .digest('hex'),
        entry.path,
      ).toBe(entry.sha256);
    }
    await expectText(page.getByRole('status').filter({ hasText: 'Download complete' }), 'matches the one above');
    const raw = new Database(join(dir, 'ledger.sqlite'), { readonly: true });
    const audited = raw.prepare("SELECT COUNT(*) AS count FROM audit_log WHERE action = 'export.downloaded'").get() as {
      count: number;
    };
    raw.close();
    expect(audited.count).toBe(1);
    await assertAccessible(page, 'export-downloaded');
    await saveScreenshot(page, '30-export', { fullPage: true });
  });

  it('verifies a signed PDF summary, and says so plainly when one byte was changed', async () => {
    const { page } = app;
    const raw = new Database(join(dir, 'ledger.sqlite'), { readonly: true });
    const stored = raw.prepare('SELECT file_name AS name, pdf FROM signed_documents ORDER BY id LIMIT 1').get() as {
      name: string;
      pdf: Buffer;
    };
    raw.close();
    const good = join(dir, stored.name);
    writeFileSync(good, stored.pdf);
    const bad = join(dir, `tampered-${stored.name}`);
    const tampered = Buffer.from(stored.pdf);
    const at = tampered.indexOf('/Producer');
    tampered[at + 2] = tampered[at + 2] === 0x72 ? 0x52 : 0x72;
    writeFileSync(bad, tampered);

    await page.getByRole('link', { name: 'Verify a PDF' }).click();
    await heading(page, 'Verify a signed PDF');
    await page.getByLabel('Signed PDF').setInputFiles(good);
    await expectText(page.getByRole('status'), `${stored.name} is valid`);
    await expectText(page.getByRole('status'), 'Passed');
    // The signing time in clinic time (the demo clinic is in New York) with its offset, never in UTC.
    await expectText(page.getByRole('status'), /signed \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC−0[45]:00/);
    await expectText(page.getByRole('status'), 'Times are clinic time (America/New_York)');
    await assertAccessible(page, 'verify-pdf');
    await saveScreenshot(page, '31-verify-pdf', { fullPage: true });
    await page.getByLabel('Signed PDF').setInputFiles(bad);
    await expectText(page.getByRole('status'), 'is NOT valid');
  });

  it('shows the export advancing, file by file, and a cancel leaves no partial file on disk', async () => {
    const { page } = app;
    const exportsDir = join(dir, 'exports');
    const before = readdirSync(exportsDir).sort();
    const turnstile = exportTurnstile();
    holdExportFiles(turnstile.hold);
    try {
      await page.getByRole('link', { name: 'Export' }).click();
      await heading(page, 'Export records');
      await page.getByRole('button', { name: 'Start export' }).click();
      const bar = page.locator('#export-progress-bar');
      const value = async () => Number(await bar.getAttribute('value'));
      await bar.waitFor();
      expect(await value()).toBe(0);

      turnstile.allow(3);
      await expect.poll(value, { timeout: 10_000 }).toBe(3);
      const first = await value();
      turnstile.allow(5);
      await expect.poll(value, { timeout: 10_000 }).toBe(8);
      const second = await value();
      expect(second).toBeGreaterThan(first);
      const total = Number(await bar.getAttribute('max'));
      expect(total).toBeGreaterThan(second);
      await expectText(page.locator('.export-progress label'), `Writing file 9 of ${total}`);
      await expectText(page.locator('.export-progress-file'), /^Now writing \S+/);
      // The half-written export exists only as a hidden temporary file beside where it goes.
      expect(readdirSync(exportsDir).filter((name) => name.includes('.partial-'))).toHaveLength(1);
      await assertAccessible(page, 'export-progress');

      await page.getByRole('button', { name: 'Cancel export' }).click();
      await expectText(page.getByRole('status'), 'Export cancelled');
      await expectText(page.getByRole('status'), 'No files were left behind.');
    } finally {
      holdExportFiles(undefined);
    }
    // Neither the export nor its temporary file is on disk: the folder is as it was.
    expect(readdirSync(exportsDir).sort()).toEqual(before);
    const raw = new Database(join(dir, 'ledger.sqlite'), { readonly: true });
    const entry = raw
      .prepare("SELECT details FROM audit_log WHERE action = 'export.cancelled' ORDER BY seq DESC LIMIT 1")
      .get() as { details: string } | undefined;
    raw.close();
    const outPath = (JSON.parse(entry?.details ?? '{}') as { outPath?: string }).outPath ?? '';
    expect(outPath.startsWith(exportsDir)).toBe(true);
    expect(existsSync(outPath)).toBe(false);
  });
});
