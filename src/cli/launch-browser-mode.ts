import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createClinicSharing } from '../server/clinic-sharing';
import { startServer } from '../server/serve';
import { openLedger } from '../services/ledger';
import { provideSharingControl } from '../services/sharing-control';
import { browserArgs, browserCandidates, pickBrowser } from './launch-browser';
import { defaultDbPath, hasDisplay, isExecutableFile, productName, projectRoot } from './launch-environment';
import type { LaunchOptions } from './launch-options';

function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolveStop) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      signal?.removeEventListener('abort', stop);
      resolveStop();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    if (signal?.aborted === true) stop();
    else signal?.addEventListener('abort', stop);
  });
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolveExit) => {
    const timer = setTimeout(resolveExit, timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolveExit();
    });
  });
}

/** Browser mode: the same renderer and contract over loopback HTTP, until stopped. */
export async function runBrowserMode(options: LaunchOptions, log: (line: string) => void): Promise<void> {
  const env = options.env ?? process.env;
  const staticDir = join(options.root ?? projectRoot, 'dist', 'renderer');
  const demo = options.demo ?? false;
  const dbPath = resolve(options.dbPath ?? defaultDbPath(process.platform, env, homedir(), demo));
  mkdirSync(dirname(dbPath), { recursive: true });
  if (!existsSync(join(staticDir, 'index.html'))) {
    log('The user interface is not built (dist/renderer is missing); run `npm run build` first.');
  }
  const ledger = openLedger(dbPath);
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({ ledger, staticDir });
  } catch (error) {
    ledger.close();
    throw error;
  }
  log(`${productName}${demo ? ' (demo)' : ''} is running in browser mode at ${server.url}`);
  // As in the desktop app, an administrator may share this ledger on the clinic network (Devices page).
  const sharing = createClinicSharing({ ledger, dbPath, staticDir, log });
  provideSharingControl(sharing);
  void sharing.resume();

  let browser: ChildProcess | null = null;
  let profileDir: string | null = null;
  const browserPath = hasDisplay(process.platform, env)
    ? pickBrowser(browserCandidates(process.platform, env), isExecutableFile)
    : null;
  if (browserPath !== null) {
    profileDir = mkdtempSync(join(tmpdir(), 'dosing-ledger-browser-'));
    browser = spawn(browserPath, browserArgs(server.launchUrl(), profileDir), { stdio: 'ignore' });
    browser.once('error', (error) => log(`Could not open ${browserPath}: ${error.message}. Open the address above.`));
    browser.once('exit', () => log('The app window was closed. Press Ctrl+C to stop.'));
  } else {
    log('Open the address above in Chromium or Chrome. Press Ctrl+C to stop.');
  }

  await waitForStop(options.signal);

  if (browser !== null) {
    browser.removeAllListeners('exit');
    if (browser.exitCode === null && browser.signalCode === null) browser.kill('SIGTERM');
    await waitForExit(browser, 3000);
  }
  provideSharingControl(null);
  await sharing.close();
  await server.close();
  ledger.close();
  if (profileDir !== null) rmSync(profileDir, { recursive: true, force: true });
}
