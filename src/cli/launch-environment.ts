import { accessSync, constants, statSync } from 'node:fs';
import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * What the launcher reads about this machine: where Electron keeps the app's data (so browser
 * mode opens the very same ledger), whether a window can be shown, which files can be run.
 */

export const productName = 'Dosing Ledger';
export const ledgerFileName = 'ledger.sqlite';

/** The folder holding package.json, dist/ and migrations/: two up from src/cli/ and dist/cli/. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

export type Platform = NodeJS.Platform;
export type Env = Readonly<Record<string, string | undefined>>;

export function pathFor(platform: Platform): typeof posix {
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

export function isExecutableFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
