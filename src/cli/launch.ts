import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, isAbsolute, join, posix, resolve, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../server/serve';
import { openLedger } from '../services/ledger';

/*
 * `npm start`: the Electron app when its binary is here (or can be fetched), browser mode
 * otherwise. Runs under plain Node and never loads the 'electron' package: it only reads
 * where that package's installer put the binary.
 */

export const productName = 'Dosing Ledger';
export const ledgerFileName = 'ledger.sqlite';

/**
 * Exit code of Electron's main process when better-sqlite3 cannot load into it (built for
 * Node's ABI, as in development). Must equal `nativeModuleExitCode` in electron/paths.ts.
 */
export const electronCannotLoadNativeCode = 69;

export const electronUnavailableLine =
  'Electron is not available here (its download failed); starting in browser mode instead.';
export const electronNotStartedLine = 'Electron could not be started here; starting in browser mode instead.';
export const electronNativeMismatchLine =
  "Electron cannot load the database engine (better-sqlite3 is built for Node, not Electron's ABI); starting in browser mode instead.";

/** How long Electron's own installer may try to download the binary. */
const installerTimeoutMs = 60_000;

/** The folder holding package.json, dist/ and migrations/: two up from src/cli/ and dist/cli/. */
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export type Platform = NodeJS.Platform;
export type Env = Readonly<Record<string, string | undefined>>;

function pathFor(platform: Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

/**
 * The folder Electron's `app.getPath('userData')` gives the app (electron/paths.ts sets it to
 * appData + product name), so browser mode opens the very same ledger file.
 */
export function userDataDir(platform: Platform, env: Env, home: string, demo = false): string {
  const path = pathFor(platform);
  const name = demo ? `${productName} (demo)` : productName;
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', name);
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), name);
  // XDG: a relative XDG_CONFIG_HOME is invalid and must be ignored.
  const config = env.XDG_CONFIG_HOME;
  return path.join(config !== undefined && path.isAbsolute(config) ? config : path.join(home, '.config'), name);
}

export function defaultDbPath(platform: Platform, env: Env, home: string, demo = false): string {
  return pathFor(platform).join(userDataDir(platform, env, home, demo), ledgerFileName);
}

/** A window can be shown: always on macOS and Windows, on X11 or Wayland elsewhere. */
export function hasDisplay(platform: Platform, env: Env): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY) || Boolean(env.WAYLAND_DISPLAY);
}

const browserNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** Where to look for Chromium or Chrome, best first: PATH, then the usual install folders. */
export function browserCandidates(platform: Platform, env: Env): string[] {
  const path = pathFor(platform);
  const dirs = (env.PATH ?? env.Path ?? '').split(path.delimiter).filter((dir) => dir !== '');
  if (platform === 'win32') {
    const onPath = dirs.flatMap((dir) => ['chrome.exe', 'chromium.exe'].map((name) => path.join(dir, name)));
    const installed = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA]
      .filter((root): root is string => root !== undefined && root !== '')
      .flatMap((root) => [
        path.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
        path.join(root, 'Chromium', 'Application', 'chrome.exe'),
      ]);
    return [...onPath, ...installed];
  }
  const onPath = dirs.flatMap((dir) => browserNames.map((name) => path.join(dir, name)));
  if (platform === 'darwin') {
    return [
      ...onPath,
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ];
  }
  return onPath;
}

/** The first candidate that is an executable file, or null. */
export function pickBrowser(candidates: readonly string[], isExecutable: (file: string) => boolean): string | null {
  return candidates.find((file) => isExecutable(file)) ?? null;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * App mode (a bare window on the URL) in a throw-away profile, with Chromium's own
 * background traffic (updates, sync, first-run pings) switched off: the app is offline.
 */
export function browserArgs(url: string, profileDir: string): string[] {
  return [
    `--app=${url}`,
    `--user-data-dir=${profileDir}`,
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ];
}

export function electronArgs(root: string, dbPath: string | undefined, demo: boolean): string[] {
  return [
    join(root, 'dist', 'electron', 'main.mjs'),
    ...(dbPath === undefined ? [] : [`--db=${dbPath}`]),
    ...(demo ? ['--demo'] : []),
  ];
}

/** The installed 'electron' package's folder, found without loading the package. */
function electronPackageDir(root: string): string | null {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
}

/**
 * The Electron binary, or null. Reads what Electron's installer records (path.txt under
 * dist/, or ELECTRON_OVERRIDE_DIST_PATH) exactly as the package's own index.js does, so
 * nothing outside electron/ ever loads the package.
 */
export function locateElectron(root: string = projectRoot, env: Env = process.env): string | null {
  const dir = electronPackageDir(root);
  const pathFile = dir === null ? '' : join(dir, 'path.txt');
  if (dir === null || !existsSync(pathFile)) return null;
  const executable = readFileSync(pathFile, 'utf8');
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override !== undefined && override !== '' ? join(override, executable) : join(dir, 'dist', executable);
  return isExecutableFile(binary) ? binary : null;
}

/** Runs Electron's own installer once (`node install.js`), quietly, within the time limit. */
async function runElectronInstaller(root: string, timeoutMs: number): Promise<boolean> {
  const dir = electronPackageDir(root);
  const installer = dir === null ? '' : join(dir, 'install.js');
  if (dir === null || !existsSync(installer)) return false;
  return new Promise((resolveRun) => {
    // Its output on failure is a long stack trace; the caller says what matters in one line.
    const child = spawn(process.execPath, [installer], {
      cwd: dirname(installer),
      stdio: 'ignore',
      timeout: timeoutMs,
    });
    child.once('error', () => resolveRun(false));
    child.once('exit', (code) => resolveRun(code === 0));
  });
}

/** Runs Electron in the foreground; resolves with its exit code, or 'not-started'. */
function runElectron(binary: string, args: string[]): Promise<number | 'not-started' | 'killed'> {
  const env = { ...process.env };
  // Inherited from an Electron-based terminal or tool, it would turn the app into plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  return new Promise((resolveRun) => {
    const child = spawn(binary, args, { stdio: 'inherit', env });
    // Ctrl+C reaches Electron directly (same process group) and it quits cleanly; the
    // launcher stays alive until then. SIGTERM is sent to us alone, so pass it on.
    const ignore = (): void => undefined;
    const forward = (): void => {
      child.kill('SIGTERM');
    };
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    const done = (result: number | 'not-started' | 'killed'): void => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      resolveRun(result);
    };
    child.once('error', () => done('not-started'));
    child.once('exit', (code) => done(code ?? 'killed'));
  });
}

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

export interface LaunchOptions {
  /** The ledger file; default: the userData folder Electron would use. */
  dbPath?: string;
  /** A demo database: separate profile, "(demo)" in the window title. */
  demo?: boolean;
  log?: (line: string) => void;
  /** false: go straight to browser mode (tests; machines known to have no Electron). */
  tryElectron?: boolean;
  /** Stops browser mode like SIGINT/SIGTERM do (tests, embedding). */
  signal?: AbortSignal;
  /** Environment for display and browser detection; default process.env. */
  env?: Env;
  /** The project folder (package.json, dist/, node_modules/electron); tests point it elsewhere. */
  root?: string;
}

/** Browser mode: the same renderer and contract over loopback HTTP, until stopped. */
async function runBrowserMode(options: LaunchOptions, log: (line: string) => void): Promise<void> {
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
  await server.close();
  ledger.close();
  if (profileDir !== null) rmSync(profileDir, { recursive: true, force: true });
}

/**
 * `dosing-ledger start [--demo]`. Resolves when the app has been closed, with the exit code
 * for the CLI (Electron's own, or 0 after browser mode); rejects with a message meant for
 * the user (e.g. a database written by a newer version, in browser mode).
 */
export async function launch(options: LaunchOptions = {}): Promise<number> {
  const log = options.log ?? ((line: string) => console.log(line));
  const demo = options.demo ?? false;
  const dbPath =
    options.dbPath === undefined ? undefined : isAbsolute(options.dbPath) ? options.dbPath : resolve(options.dbPath);

  const root = options.root ?? projectRoot;

  if (options.tryElectron !== false) {
    const env = options.env ?? process.env;
    let electron = locateElectron(root, env);
    if (electron === null && (await runElectronInstaller(root, installerTimeoutMs))) {
      electron = locateElectron(root, env);
    }
    if (electron === null) {
      log(electronUnavailableLine);
    } else {
      const args = electronArgs(root, dbPath, demo);
      if (!existsSync(args[0] ?? '')) {
        throw new Error('The app is not built (dist/electron/main.mjs is missing). Run `npm run build` first.');
      }
      const result = await runElectron(electron, args);
      if (result === 'not-started') log(electronNotStartedLine);
      else if (result === electronCannotLoadNativeCode) log(electronNativeMismatchLine);
      else return result === 'killed' ? 1 : result;
    }
  }
  await runBrowserMode({ ...options, dbPath }, log);
  return 0;
}
