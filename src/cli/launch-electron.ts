import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Env } from './launch-environment';
import { isExecutableFile, projectRoot } from './launch-environment';

/*
 * The Electron side of `npm start`: finding, fetching and running the binary without ever
 * loading the 'electron' package.
 */

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
export async function runElectronInstaller(root: string, timeoutMs: number): Promise<boolean> {
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
export function runElectron(binary: string, args: string[]): Promise<number | 'not-started' | 'killed'> {
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
