import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { startServer } from '../../src/server/serve';
import { openLedger } from '../../src/services/ledger';
import { findChromium } from './chromium';

export const rendererDir = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

/** How often the page polls its session in tests (5 s in the app), so a lock shows at once. */
export const testPollMs = 250;

export interface LaunchOptions {
  /** An existing ledger file; a fresh one in a temporary folder when absent. */
  dbPath?: string;
  /** Starting offset of the server's clock from real time. */
  clockOffsetMs?: number;
}

export interface LaunchedApp {
  page: Page;
  /** The address the page opened, with the launch secret in its fragment. */
  url: string;
  dbPath: string;
  browser: Browser;
  /** Moves the server's clock forward (inactivity lock, lockout expiry). */
  advanceClock(ms: number): void;
  close(): Promise<void>;
}

/**
 * The app as a user meets it: the built renderer served by browser mode, in process,
 * over a real SQLite file, opened in headless Chromium at 1280×800.
 */
export async function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing): run \`npx vite build\` first`);
  }
  const tempDir = options.dbPath === undefined ? mkdtempSync(join(tmpdir(), 'dosing-ledger-e2e-')) : null;
  const dbPath = options.dbPath ?? join(tempDir ?? '', 'ledger.sqlite');
  const ledger = openLedger(dbPath);
  let offsetMs = options.clockOffsetMs ?? 0;
  // Undone in reverse: browser, server, ledger, then the temporary folder.
  const cleanups: (() => Promise<void> | void)[] = [
    () => {
      if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true });
    },
    () => ledger.close(),
  ];
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('[e2e] cleanup failed:', error);
      }
    }
  };
  try {
    const server = await startServer({ ledger, staticDir: rendererDir, clock: () => new Date(Date.now() + offsetMs) });
    cleanups.push(() => server.close());
    const browser = await chromium.launch({
      executablePath: findChromium(),
      headless: true,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    cleanups.push(() => browser.close());
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript((pollMs: number) => {
      window.sessionStorage.setItem('ledger.pollMs', String(pollMs));
    }, testPollMs);
    const page = await context.newPage();
    await page.goto(server.url);
    return {
      page,
      url: server.url,
      dbPath,
      browser,
      advanceClock: (ms: number) => {
        offsetMs += ms;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
