import type { Env, Platform } from './launch-environment';
import { pathFor } from './launch-environment';

/* Finding Chromium or Chrome for browser mode, and the switches it is started with. */

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
