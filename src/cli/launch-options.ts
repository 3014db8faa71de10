import type { Env } from './launch-environment';

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
