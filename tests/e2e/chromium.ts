import { execFileSync, execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const candidates = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

export const noChromiumMessage =
  "No Chromium found and none could be installed: install the 'chromium' package or set CHROMIUM_PATH";

function onPath(command: string): string | null {
  try {
    const found = execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim();
    return found === '' ? null : found;
  } catch {
    return null;
  }
}

/** Playwright's own download, if one was installed by `playwright-core install chromium`. */
function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : null;
  } catch {
    return null;
  }
}

/** The Chromium to drive: CHROMIUM_PATH, else the first browser on PATH, else Playwright's download. */
export function findChromium(): string {
  const configured = process.env.CHROMIUM_PATH;
  if (configured !== undefined && configured !== '') {
    if (!existsSync(configured)) throw new Error(`CHROMIUM_PATH points at ${configured}, which does not exist`);
    return configured;
  }
  for (const command of candidates) {
    const found = onPath(command);
    if (found !== null) return found;
  }
  const downloaded = playwrightChromium();
  if (downloaded !== null) return downloaded;
  throw new Error("No Chromium found: install the 'chromium' package or set CHROMIUM_PATH");
}

function tryFind(): string | null {
  try {
    return findChromium();
  } catch {
    return null;
  }
}

function run(command: string): boolean {
  try {
    execSync(command, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return true;
  } catch {
    return false;
  }
}

/**
 * Makes sure a Chromium exists before the end-to-end tests start: as root, the Debian
 * package; otherwise (or if that fails) Playwright's own download. Throws one clear line
 * when nothing works.
 */
export function ensureChromium(): string {
  // An explicit choice is used as given, or refused in words; never silently replaced.
  if ((process.env.CHROMIUM_PATH ?? '') !== '') return findChromium();
  const present = tryFind();
  if (present !== null) return present;
  if (process.getuid?.() === 0 && run('apt-get update && apt-get install -y chromium')) {
    const fromApt = tryFind();
    if (fromApt !== null) return fromApt;
  }
  run('npx playwright-core install chromium');
  const installed = tryFind();
  if (installed === null) throw new Error(noChromiumMessage);
  return installed;
}
