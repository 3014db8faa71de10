import { createRequire } from 'node:module';

/** better-sqlite3 resolved from here, so a worker thread loads the very build this process uses. */
export function sqliteDriverPath(): string {
  return createRequire(import.meta.url).resolve('better-sqlite3');
}
