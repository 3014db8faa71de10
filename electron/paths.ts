import { dirname, isAbsolute, join, resolve } from 'node:path';

/*
 * Where things live, as pure functions of what main.ts reads from Electron, so they are
 * tested under Node. src/cli/launch-environment.ts computes the same userData folder for browser mode
 * (tests/electron/launch.test.ts holds the two together).
 */

/** The name of the per-user folder (userData) and of the app in menus. */
export const productName = 'Dosing Ledger';
export const ledgerFileName = 'ledger.sqlite';

/**
 * main.ts exits with this code when better-sqlite3 cannot be loaded into Electron (a binary
 * built for Node's ABI, as `npm install` leaves it in development). The launcher then falls
 * back to browser mode instead of reporting a crash. Must equal `electronCannotLoadNativeCode`
 * in src/cli/launch-electron.ts. 69 is EX_UNAVAILABLE in sysexits.h.
 */
export const nativeModuleExitCode = 69;

export interface LaunchArguments {
  /** From `--db=PATH`, made absolute. */
  dbPath?: string;
  /** From `--demo`: a separate profile, and "(demo)" in the window title. */
  demo: boolean;
  /**
   * From `--connect=https://host:port` and `--clinic-root=PATH`: open a clinic host's ledger
   * instead of a local file, trusting only that clinic root (electron/clinic-connect.ts).
   */
  connect?: { url: string; rootPath: string };
}

/**
 * Reads the switches the launcher passes. Only the `--db=PATH` form is accepted: Chromium
 * treats a bare following argument as a file to open, not as the switch's value.
 */
export function parseLaunchArguments(argv: readonly string[], cwd: string): LaunchArguments {
  let dbPath: string | undefined;
  let demo = false;
  let connectUrl: string | undefined;
  let rootPath: string | undefined;
  for (const argument of argv) {
    if (argument.startsWith('--connect=')) {
      connectUrl = argument.slice('--connect='.length);
    } else if (argument.startsWith('--clinic-root=')) {
      const value = argument.slice('--clinic-root='.length);
      if (value !== '') rootPath = isAbsolute(value) ? value : resolve(cwd, value);
    } else if (argument.startsWith('--db=')) {
      const value = argument.slice('--db='.length);
      if (value !== '') dbPath = isAbsolute(value) ? value : resolve(cwd, value);
    } else if (argument === '--demo') {
      demo = true;
    }
  }
  const connect = connectUrl !== undefined && rootPath !== undefined ? { url: connectUrl, rootPath } : undefined;
  return { demo, ...(dbPath === undefined ? {} : { dbPath }), ...(connect === undefined ? {} : { connect }) };
}

/**
 * The demo gets a profile of its own: its single-instance lock then differs from the real
 * app's, so `npm run demo` never merely focuses a window showing real patients.
 */
export function userDataFolderName(demo: boolean): string {
  return demo ? `${productName} (demo)` : productName;
}

/** "(demo)" stays in the title whatever the page sets, so demo data is never taken for real. */
export function windowTitle(pageTitle: string, demo: boolean): string {
  const title = pageTitle.trim() === '' ? productName : pageTitle;
  return demo ? `${title} (demo)` : title;
}

/**
 * The app root: the nearest folder above main's own file holding package.json — the
 * checkout in development, app.asar when packaged (Electron's fs reads inside it). Derived
 * from main's location because `app.getAppPath()` is dist/electron when Electron is started
 * on the file itself, as the launcher does; searching upward serves both the bundle
 * (dist/electron/main.mjs) and the source (electron/main.ts, in tests).
 */
export function findAppRoot(mainFile: string, exists: (path: string) => boolean): string {
  let dir = dirname(mainFile);
  for (let level = 0; level < 4; level += 1) {
    if (exists(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`No package.json above ${mainFile}: the app's files are incomplete.`);
}

export interface AppPathsInput {
  /** The folder holding dist/, migrations/ and package.json (see findAppRoot). */
  appRoot: string;
  /** `app.getPath('appData')`: ~/.config, ~/Library/Application Support or %APPDATA%. */
  appData: string;
  launch: LaunchArguments;
}

export interface AppPaths {
  userData: string;
  dbPath: string;
  migrationsDir: string;
  rendererDir: string;
  preloadPath: string;
}

export function appPaths({ appRoot, appData, launch }: AppPathsInput): AppPaths {
  const userData = join(appData, userDataFolderName(launch.demo));
  return {
    userData,
    dbPath: launch.dbPath ?? join(userData, ledgerFileName),
    migrationsDir: join(appRoot, 'migrations'),
    rendererDir: join(appRoot, 'dist', 'renderer'),
    preloadPath: join(appRoot, 'dist', 'electron', 'preload.cjs'),
  };
}

/**
 * True when opening the ledger failed because the native SQLite binding could not be loaded
 * (wrong ABI, missing build), as opposed to a problem with the database file itself.
 */
export function isNativeModuleLoadError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as NodeJS.ErrnoException).code;
  return (
    code === 'ERR_DLOPEN_FAILED' ||
    /NODE_MODULE_VERSION|Could not locate the bindings file|better_sqlite3\.node/.test(error.message)
  );
}
