import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { appPaths, nativeModuleExitCode } from '../../electron/paths';
import { launch } from '../../src/cli/launch';
import { browserArgs, browserCandidates, pickBrowser } from '../../src/cli/launch-browser';
import {
  electronArgs,
  electronCannotLoadNativeCode,
  electronNativeMismatchLine,
  electronUnavailableLine,
  locateElectron,
} from '../../src/cli/launch-electron';
import { defaultDbPath, hasDisplay, userDataDir } from '../../src/cli/launch-environment';
import { secretHeader, signInHeader } from '../../src/server/serve';

describe('userDataDir', () => {
  it.each([
    ['linux', {}, '/home/ana/.config/Dosing Ledger'],
    ['linux', { XDG_CONFIG_HOME: '/srv/conf' }, '/srv/conf/Dosing Ledger'],
    ['linux', { XDG_CONFIG_HOME: 'relative/conf' }, '/home/ana/.config/Dosing Ledger'],
    ['linux', { XDG_CONFIG_HOME: '' }, '/home/ana/.config/Dosing Ledger'],
    ['freebsd', {}, '/home/ana/.config/Dosing Ledger'],
    ['darwin', {}, '/home/ana/Library/Application Support/Dosing Ledger'],
  ] as const)('%s %j → %s', (platform, env, expected) => {
    expect(userDataDir(platform, env, '/home/ana')).toBe(expected);
  });

  it('uses %APPDATA% on Windows, or its usual place', () => {
    expect(userDataDir('win32', { APPDATA: 'C:\\Users\\Ana\\AppData\\Roaming' }, 'C:\\Users\\Ana')).toBe(
      'C:\\Users\\Ana\\AppData\\Roaming\\Dosing Ledger',
    );
    expect(userDataDir('win32', {}, 'C:\\Users\\Ana')).toBe('C:\\Users\\Ana\\AppData\\Roaming\\Dosing Ledger');
  });

  it('puts the ledger file inside, and keeps the demo apart', () => {
    expect(defaultDbPath('linux', {}, '/home/ana')).toBe('/home/ana/.config/Dosing Ledger/ledger.sqlite');
    expect(defaultDbPath('linux', {}, '/home/ana', true)).toBe('/home/ana/.config/Dosing Ledger (demo)/ledger.sqlite');
  });

  it('is the very folder and file the Electron app uses, given Electron’s appData', () => {
    for (const demo of [false, true]) {
      const electron = appPaths({ appRoot: '/app', appData: '/home/ana/.config', launch: { demo } });
      expect(userDataDir('linux', {}, '/home/ana', demo)).toBe(electron.userData);
      expect(defaultDbPath('linux', {}, '/home/ana', demo)).toBe(electron.dbPath);
    }
  });
});

describe('launcher and Electron agree', () => {
  it('on the exit code that means "better-sqlite3 cannot load into Electron"', () => {
    expect(electronCannotLoadNativeCode).toBe(nativeModuleExitCode);
  });

  it('say what happens in one line', () => {
    expect(electronUnavailableLine).toBe(
      'Electron is not available here (its download failed); starting in browser mode instead.',
    );
  });
});

describe('hasDisplay', () => {
  it.each([
    ['linux', {}, false],
    ['linux', { DISPLAY: '' }, false],
    ['linux', { DISPLAY: ':0' }, true],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, true],
    ['freebsd', { DISPLAY: ':1' }, true],
    ['darwin', {}, true],
    ['win32', {}, true],
  ] as const)('%s %j → %s', (platform, env, expected) => {
    expect(hasDisplay(platform, env)).toBe(expected);
  });
});

describe('browser discovery', () => {
  it('looks on PATH for the four names, in order, directory by directory', () => {
    expect(browserCandidates('linux', { PATH: '/usr/local/bin:/usr/bin' })).toEqual([
      '/usr/local/bin/chromium',
      '/usr/local/bin/chromium-browser',
      '/usr/local/bin/google-chrome',
      '/usr/local/bin/google-chrome-stable',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
    ]);
    expect(browserCandidates('linux', {})).toEqual([]);
  });

  it('adds the usual application folders on macOS and Windows', () => {
    expect(browserCandidates('darwin', { PATH: '/usr/bin' })).toContain(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    );
    expect(
      browserCandidates('win32', { Path: 'C:\\bin', PROGRAMFILES: 'C:\\Program Files', LOCALAPPDATA: 'C:\\L' }),
    ).toEqual([
      'C:\\bin\\chrome.exe',
      'C:\\bin\\chromium.exe',
      'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
      'C:\\L\\Google\\Chrome\\Application\\chrome.exe',
      'C:\\L\\Chromium\\Application\\chrome.exe',
    ]);
  });

  it('picks the first candidate that is executable, or none', () => {
    const candidates = browserCandidates('linux', { PATH: '/a:/b' });
    const present = new Set(['/b/chromium', '/a/google-chrome']);
    expect(pickBrowser(candidates, (file) => present.has(file))).toBe('/a/google-chrome');
    expect(pickBrowser(candidates, () => false)).toBeNull();
  });

  it('opens app mode in a throw-away profile with background networking off', () => {
    const args = browserArgs('http://127.0.0.1:4000/#secret=abc', '/tmp/profile');
    expect(args[0]).toBe('--app=http://127.0.0.1:4000/#secret=abc');
    expect(args).toEqual(
      expect.arrayContaining([
        '--user-data-dir=/tmp/profile',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ]),
    );
  });
});

describe('Electron', () => {
  it('is started on the built main bundle, with --db and --demo only when asked', () => {
    expect(electronArgs('/repo', undefined, false)).toEqual([join('/repo', 'dist', 'electron', 'main.mjs')]);
    expect(electronArgs('/repo', '/d/demo.sqlite', true)).toEqual([
      join('/repo', 'dist', 'electron', 'main.mjs'),
      '--db=/d/demo.sqlite',
      '--demo',
    ]);
  });

  it('is located only when its binary really exists', () => {
    expect(locateElectron(mkdtempSync(join(tmpdir(), 'no-electron-')))).toBeNull();
    const found = locateElectron();
    if (found !== null) expect(existsSync(found)).toBe(true);
  });
});

describe('launch in browser mode', () => {
  let dir: string;
  let lines: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-launch-'));
    lines = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function waitFor<T>(read: () => T | undefined, ms = 10_000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const value = read();
      if (value !== undefined) return value;
      if (Date.now() > until) throw new Error(`timed out; log so far:\n${lines.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const urlLine = () => lines.map((line) => /(http:\/\/127\.0\.0\.1:\d+\/#secret=\S+)/.exec(line)?.[1]).find(Boolean);

  it('serves the ledger at a printed URL with the secret until stopped', async () => {
    const controller = new AbortController();
    const dbPath = join(dir, 'nested', 'ledger.sqlite');
    const running = launch({
      dbPath,
      tryElectron: false,
      env: {},
      signal: controller.signal,
      log: (line) => lines.push(line),
    });
    const url = new URL(await waitFor(urlLine));
    expect(lines.filter((line) => line.includes(url.href))).toHaveLength(1);
    expect(lines.some((line) => line.includes('Open the address above'))).toBe(true);
    const secret = url.hash.replace('#secret=', '');
    const response = await fetch(new URL('/api/invoke', url), {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [secretHeader]: secret,
        [signInHeader]: 'launch-test-sign-in-0001',
      },
      body: JSON.stringify({ method: 'signIn.get', input: {} }),
    });
    expect(await response.json()).toEqual({ ok: true, value: { state: 'not-initialized' } });
    expect(existsSync(dbPath)).toBe(true);

    controller.abort();
    expect(await running).toBe(0);
    await expect(fetch(new URL('/api/invoke', url), { method: 'POST' })).rejects.toThrow();
  });

  it('opens a found Chromium in app mode when there is a display, and stops on SIGTERM', async () => {
    const bin = join(dir, 'bin');
    const argsFile = join(dir, 'args.txt');
    mkdirSync(bin);
    writeFileSync(join(bin, 'chromium'), `#!/bin/sh\nprintf '%s\\n' "$@" > '${argsFile}'\nexec sleep 30\n`);
    chmodSync(join(bin, 'chromium'), 0o755);

    const sigtermListeners = process.listenerCount('SIGTERM');
    const running = launch({
      dbPath: join(dir, 'ledger.sqlite'),
      tryElectron: false,
      env: { DISPLAY: ':99', PATH: bin },
      log: (line) => lines.push(line),
    });
    const url = await waitFor(urlLine);
    const args = await waitFor(() =>
      existsSync(argsFile) && readFileSync(argsFile, 'utf8').includes('--disable-sync')
        ? readFileSync(argsFile, 'utf8').trim().split('\n')
        : undefined,
    );
    // The browser gets a one-time launch token, never the secret itself: command lines are
    // readable by other local users.
    const origin = new URL(url).origin;
    expect(args[0]).toMatch(new RegExp(`^--app=${origin.replace(/[.]/g, '\\.')}/#launch=[A-Za-z0-9_-]{43}$`));
    expect(args.join(' ')).not.toContain(new URL(url).hash.slice('#secret='.length));
    const token = (args[0] ?? '').split('#launch=')[1];
    const exchange = () =>
      fetch(`${origin}/api/launch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token }),
      });
    const first = (await (await exchange()).json()) as { ok: boolean; value?: { secret: string } };
    expect(first.value?.secret).toBe(new URL(url).hash.slice('#secret='.length));
    expect((await exchange()).status).toBe(403);
    const profile = args.find((arg) => arg.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length) ?? '';
    expect(existsSync(profile)).toBe(true);
    expect(args).toContain('--disable-background-networking');

    // What a real SIGTERM delivers, without signalling the test runner itself.
    process.emit('SIGTERM', 'SIGTERM');
    await running;
    expect(existsSync(profile)).toBe(false);
    expect(process.listenerCount('SIGTERM')).toBe(sigtermListeners);
  });
});

/**
 * A project folder with a stand-in 'electron' package shaped like the real one: index.js
 * returns dist/<path.txt> or throws, install.js "downloads" (writes path.txt) or fails, and the
 * "binary" records its arguments and exits with the code in exit-code.
 */
function fakeProject(dir: string, setup: { installed: boolean; installerWorks: boolean; exitCode: number }) {
  const electronDir = join(dir, 'node_modules', 'electron');
  mkdirSync(join(electronDir, 'dist'), { recursive: true });
  mkdirSync(join(dir, 'dist', 'electron'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{"name":"fake-app"}');
  writeFileSync(join(dir, 'dist', 'electron', 'main.mjs'), '');
  writeFileSync(join(dir, 'exit-code'), String(setup.exitCode));
  writeFileSync(join(electronDir, 'package.json'), '{"name":"electron","main":"index.js"}');
  writeFileSync(
    join(electronDir, 'index.js'),
    `const fs = require('fs'); const path = require('path');
     const file = path.join(__dirname, 'path.txt');
     if (!fs.existsSync(file)) throw new Error('Electron failed to install correctly');
     module.exports = path.join(__dirname, 'dist', fs.readFileSync(file, 'utf8'));`,
  );
  writeFileSync(
    join(electronDir, 'install.js'),
    setup.installerWorks
      ? `require('fs').writeFileSync(require('path').join(__dirname, 'path.txt'), 'electron');`
      : `console.error('RequestError: getaddrinfo ENOTFOUND github.com'); process.exit(1);`,
  );
  const binary = join(electronDir, 'dist', 'electron');
  writeFileSync(
    binary,
    `#!/bin/sh\nprintf '%s\\n' "$@" > '${join(dir, 'electron-args.txt')}'\nexit $(cat '${join(dir, 'exit-code')}')\n`,
  );
  chmodSync(binary, 0o755);
  if (setup.installed) writeFileSync(join(electronDir, 'path.txt'), 'electron');
  return {
    electronArgs: () =>
      existsSync(join(dir, 'electron-args.txt'))
        ? readFileSync(join(dir, 'electron-args.txt'), 'utf8').trim().split('\n')
        : null,
  };
}

describe('launch with Electron', () => {
  let dir: string;
  let lines: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-electron-'));
    lines = [];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const log = (line: string) => lines.push(line);

  it('runs the installed binary on main.mjs with --db and --demo, and returns its exit code', async () => {
    const project = fakeProject(dir, { installed: true, installerWorks: false, exitCode: 0 });
    const sigint = process.listenerCount('SIGINT');
    expect(await launch({ root: dir, dbPath: join(dir, 'demo.sqlite'), demo: true, log })).toBe(0);
    expect(project.electronArgs()).toEqual([
      join(dir, 'dist', 'electron', 'main.mjs'),
      `--db=${join(dir, 'demo.sqlite')}`,
      '--demo',
    ]);
    expect(lines).toEqual([]);
    expect(process.listenerCount('SIGINT')).toBe(sigint);
  });

  it('passes no --db when none is given, and hands back a failing exit code', async () => {
    const project = fakeProject(dir, { installed: true, installerWorks: false, exitCode: 3 });
    expect(await launch({ root: dir, log })).toBe(3);
    expect(project.electronArgs()).toEqual([join(dir, 'dist', 'electron', 'main.mjs')]);
  });

  it('runs Electron’s installer once when the binary is missing, then the app', async () => {
    const project = fakeProject(dir, { installed: false, installerWorks: true, exitCode: 0 });
    expect(await launch({ root: dir, log })).toBe(0);
    expect(project.electronArgs()).not.toBeNull();
    expect(lines).toEqual([]);
  });

  it('says so in one line and serves browser mode when the download fails', async () => {
    const project = fakeProject(dir, { installed: false, installerWorks: false, exitCode: 0 });
    const controller = new AbortController();
    const running = launch({
      root: dir,
      dbPath: join(dir, 'ledger.sqlite'),
      env: {},
      signal: controller.signal,
      log,
    });
    await vi.waitFor(() => expect(lines.some((line) => line.includes('#secret='))).toBe(true), { timeout: 10_000 });
    expect(lines[0]).toBe(electronUnavailableLine);
    expect(lines.filter((line) => line.includes('Electron'))).toHaveLength(1);
    expect(lines.join('\n')).not.toContain('ENOTFOUND');
    expect(project.electronArgs()).toBeNull();
    controller.abort();
    expect(await running).toBe(0);
  });

  it('falls back to browser mode when Electron cannot load better-sqlite3', async () => {
    fakeProject(dir, { installed: true, installerWorks: false, exitCode: electronCannotLoadNativeCode });
    const controller = new AbortController();
    const running = launch({ root: dir, dbPath: join(dir, 'ledger.sqlite'), env: {}, signal: controller.signal, log });
    await vi.waitFor(() => expect(lines.some((line) => line.includes('#secret='))).toBe(true), { timeout: 10_000 });
    expect(lines[0]).toBe(electronNativeMismatchLine);
    controller.abort();
    expect(await running).toBe(0);
  });

  it('refuses to start Electron on an unbuilt app', async () => {
    fakeProject(dir, { installed: true, installerWorks: false, exitCode: 0 });
    rmSync(join(dir, 'dist'), { recursive: true });
    await expect(launch({ root: dir, log })).rejects.toThrow(/npm run build/);
  });
});
