import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** package.json at the package root: two levels above both `src/backup/` and `dist/<entry>/`. */
const packageJson = fileURLToPath(new URL('../../package.json', import.meta.url));

/** The version recorded in each backup's sidecar; "unknown" rather than no backup. */
export function appVersion(): string {
  try {
    const parsed = JSON.parse(readFileSync(packageJson, 'utf8')) as { version?: unknown };
    return typeof parsed.version === 'string' ? parsed.version : 'unknown';
  } catch {
    return 'unknown';
  }
}
