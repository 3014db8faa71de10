import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  appPaths,
  findAppRoot,
  isNativeModuleLoadError,
  ledgerFileName,
  parseLaunchArguments,
  productName,
  userDataFolderName,
  windowTitle,
} from '../../electron/paths';
import { NewerDatabaseError } from '../../src/services/ledger';

describe('parseLaunchArguments', () => {
  it('reads --db=PATH and --demo among Electron’s own arguments', () => {
    expect(
      parseLaunchArguments(['/x/electron', '/app/dist/electron/main.mjs', '--db=/data/demo.sqlite', '--demo'], '/cwd'),
    ).toEqual({ dbPath: '/data/demo.sqlite', demo: true });
  });

  it('makes a relative --db absolute against the working directory', () => {
    expect(parseLaunchArguments(['--db=demo/ledger.sqlite'], '/home/ana')).toEqual({
      dbPath: join('/home/ana', 'demo/ledger.sqlite'),
      demo: false,
    });
  });

  it('ignores an empty --db=, the separate-value form and unrelated switches', () => {
    expect(parseLaunchArguments(['--db=', '--db', '/x.sqlite', '--dbx=/y', '--no-sandbox'], '/cwd')).toEqual({
      demo: false,
    });
  });
});

describe('appPaths', () => {
  const appRoot = '/opt/Dosing Ledger/resources/app.asar';

  it('puts the ledger in userData and finds the app files under the app root', () => {
    expect(appPaths({ appRoot, appData: '/home/ana/.config', launch: { demo: false } })).toEqual({
      userData: '/home/ana/.config/Dosing Ledger',
      dbPath: '/home/ana/.config/Dosing Ledger/ledger.sqlite',
      migrationsDir: `${appRoot}/migrations`,
      rendererDir: `${appRoot}/dist/renderer`,
      preloadPath: `${appRoot}/dist/electron/preload.cjs`,
    });
  });

  it('uses the --db path when given, and a separate profile for the demo', () => {
    const paths = appPaths({ appRoot, appData: '/home/ana/.config', launch: { dbPath: '/tmp/d.sqlite', demo: true } });
    expect(paths.dbPath).toBe('/tmp/d.sqlite');
    expect(paths.userData).toBe('/home/ana/.config/Dosing Ledger (demo)');
  });

  it('names things after the product', () => {
    expect(productName).toBe('Dosing Ledger');
    expect(ledgerFileName).toBe('ledger.sqlite');
    expect(userDataFolderName(false)).toBe('Dosing Ledger');
  });
});

describe('windowTitle', () => {
  it('marks the demo whatever the page calls itself', () => {
    expect(windowTitle('Patients — Dosing Ledger', false)).toBe('Patients — Dosing Ledger');
    expect(windowTitle('Patients — Dosing Ledger', true)).toBe('Patients — Dosing Ledger (demo)');
    expect(windowTitle('  ', true)).toBe('Dosing Ledger (demo)');
  });
});

describe('isNativeModuleLoadError', () => {
  it('recognises a binding built for another ABI or missing', () => {
    const abi = new Error(
      "The module '/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node' was compiled against a " +
        'different Node.js version using NODE_MODULE_VERSION 115. This version of Node.js requires NODE_MODULE_VERSION 139.',
    );
    const missing = new Error('Could not locate the bindings file. Tried: …');
    const dlopen = Object.assign(new Error('dlopen failed'), { code: 'ERR_DLOPEN_FAILED' });
    expect([abi, missing, dlopen].map(isNativeModuleLoadError)).toEqual([true, true, true]);
  });

  it('does not mistake database problems for it', () => {
    expect(isNativeModuleLoadError(new NewerDatabaseError('/x/ledger.sqlite'))).toBe(false);
    expect(
      isNativeModuleLoadError(Object.assign(new Error('unable to open database file'), { code: 'SQLITE_CANTOPEN' })),
    ).toBe(false);
    expect(isNativeModuleLoadError('NODE_MODULE_VERSION')).toBe(false);
  });
});

describe('findAppRoot', () => {
  it('finds the nearest folder with package.json above main, bundled or not', () => {
    const has = (files: string[]) => (path: string) => files.includes(path);
    expect(findAppRoot('/repo/dist/electron/main.mjs', has(['/repo/package.json']))).toBe('/repo');
    expect(findAppRoot('/repo/electron/main.ts', has(['/repo/package.json']))).toBe('/repo');
    expect(
      findAppRoot(
        '/opt/Dosing Ledger/resources/app.asar/dist/electron/main.mjs',
        has(['/opt/Dosing Ledger/resources/app.asar/package.json']),
      ),
    ).toBe('/opt/Dosing Ledger/resources/app.asar');
  });

  it('fails loudly when there is none', () => {
    expect(() => findAppRoot('/a/b/main.mjs', () => false)).toThrow(/package\.json/);
  });
});
