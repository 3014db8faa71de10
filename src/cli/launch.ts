import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { runBrowserMode } from './launch-browser-mode';
import {
  electronArgs,
  electronCannotLoadNativeCode,
  electronNativeMismatchLine,
  electronNotStartedLine,
  electronUnavailableLine,
  locateElectron,
  runElectron,
  runElectronInstaller,
} from './launch-electron';
import { projectRoot } from './launch-environment';
import type { LaunchOptions } from './launch-options';

/*
 * `npm start`: the Electron app when its binary is here (or can be fetched), browser mode
 * otherwise. Runs under plain Node and never loads the 'electron' package: it only reads
 * where that package's installer put the binary.
 */

/** How long Electron's own installer may try to download the binary. */
const installerTimeoutMs = 60_000;

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
