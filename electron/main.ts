import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import type { Ledger } from '../src/services/ledger';
import { NewerDatabaseError, openLedger } from '../src/services/ledger';
import { integrityRefusal } from '../src/services/integrity-gate';
import type { BackupScheduler } from '../src/services/backup-scheduler';
import { startBackupScheduler } from '../src/services/backup-scheduler';
import { provideSharingControl } from '../src/services/sharing-control';
import type { ClinicSharing } from '../src/server/clinic-sharing';
import { createClinicSharing } from '../src/server/clinic-sharing';
import { clinicOrigin, clinicVerifyProc } from './clinic-connect';
import type { LedgerIpc } from './ipc';
import { createLedgerIpc, registerLedgerIpc } from './ipc';
import {
  appPaths,
  findAppRoot,
  isNativeModuleLoadError,
  nativeModuleExitCode,
  parseLaunchArguments,
  productName,
  windowTitle,
} from './paths';
import { appEntryUrl, appOrigin, appScheme, appSchemePrivileges, createAppProtocolHandler } from './protocol';
import type { RequestPolicy } from './window';
import { hardenSession, hardenWebContents, hardenWindow, windowOptions } from './window';

/*
 * Lifecycle only; the policies live in window.ts, protocol.ts, ipc.ts and paths.ts.
 * Everything up to `start()` runs synchronously at load, i.e. before 'ready', which is when
 * schemes, the sandbox switch and userData must be settled.
 */

protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
// Every renderer sandboxed, whatever a future window's options say.
app.enableSandbox();

const launch = parseLaunchArguments(process.argv, process.cwd());
const paths = appPaths({
  appRoot: findAppRoot(fileURLToPath(import.meta.url), existsSync),
  appData: app.getPath('appData'),
  launch,
});
// Set explicitly: started as `electron dist/electron/main.mjs` the app would be called
// "Electron" and share Electron's profile folder.
app.setName(productName);
app.setPath('userData', paths.userData);

const requestPolicy: RequestPolicy = { allowDevtools: !app.isPackaged };
/** The one origin windows may show: the app's own, or the clinic host's in connect mode. */
let ownOrigin = appOrigin;

function log(line: string): void {
  console.error(`[dosing-ledger] ${line}`);
}

function openOrExplain(): Ledger | null {
  // A ledger named on the command line is opened, never created: a mistyped path must not
  // start an empty clinic beside the real one. Only the default ledger is created at first run.
  if (launch.dbPath !== undefined && !launch.demo && !existsSync(launch.dbPath)) {
    dialog.showErrorBox(
      `${productName} cannot find this ledger`,
      `${launch.dbPath} does not exist, and it is not created here. To set up a new clinic, start ${productName} ` +
        'without --db; to bring one back from a backup, choose "Restore a clinic from a backup" there or run ' +
        '"dosing-ledger restore --from BACKUP --db FILE".',
    );
    app.exit(1);
    return null;
  }
  try {
    mkdirSync(dirname(paths.dbPath), { recursive: true });
    // The first screen shows at once; the file's structural check runs in a worker thread, and
    // sign-in waits for it (a damaged file is refused there, in words).
    return openLedger(paths.dbPath, { migrationsDir: paths.migrationsDir, checkIntegrity: 'background' });
  } catch (error) {
    if (isNativeModuleLoadError(error)) {
      // In development better-sqlite3 is built for Node, not Electron; the launcher
      // recognises this exit code and switches to browser mode.
      log('better-sqlite3 is not built for this Electron; packaged builds rebuild it.');
      if (app.isPackaged)
        dialog.showErrorBox(productName, `The database engine could not be loaded.\n\n${String(error)}`);
      app.exit(nativeModuleExitCode);
    } else if (error instanceof NewerDatabaseError) {
      dialog.showErrorBox(`${productName} cannot open this database`, error.message);
      app.exit(1);
    } else {
      dialog.showErrorBox(
        `${productName} cannot open its database`,
        `${paths.dbPath}\n\n${error instanceof Error ? error.message : String(error)}`,
      );
      app.exit(1);
    }
    return null;
  }
}

function createWindow(ipc: LedgerIpc): BrowserWindow {
  const win = new BrowserWindow(
    windowOptions({
      preloadPath: paths.preloadPath,
      packaged: app.isPackaged,
      title: windowTitle(productName, launch.demo),
    }),
  );
  hardenWindow(win, requestPolicy);
  ipc.trackWindow(win.webContents);
  win.on('page-title-updated', (event, title) => {
    event.preventDefault();
    win.setTitle(windowTitle(title, launch.demo));
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(appEntryUrl).catch((error: unknown) => log(`could not load ${appEntryUrl}: ${String(error)}`));
  return win;
}

/** How long to wait before loading the clinic host's page again after it could not be reached. */
const reconnectMs = 3000;

/**
 * "Connect to a clinic ledger": no local file; one window on the clinic host's pages, every
 * certificate checked against the pinned clinic root, every request to anywhere else refused.
 */
function openClinicHost(connect: { url: string; rootPath: string }): BrowserWindow | null {
  const origin = clinicOrigin(connect.url);
  let rootPem = '';
  try {
    rootPem = readFileSync(connect.rootPath, 'utf8');
  } catch (error) {
    dialog.showErrorBox(`${productName} cannot read the clinic root`, `${connect.rootPath}\n\n${String(error)}`);
  }
  if (origin === null || rootPem === '') {
    if (origin === null)
      dialog.showErrorBox(
        productName,
        `The clinic host address must look like https://clinic-host:8443 (got ${connect.url}).`,
      );
    app.exit(2);
    return null;
  }
  ownOrigin = origin;
  const policy: RequestPolicy = { origin, allowDevtools: !app.isPackaged };
  session.defaultSession.setCertificateVerifyProc(clinicVerifyProc(rootPem, origin, log));
  hardenSession(session.defaultSession, policy);
  const win = new BrowserWindow(windowOptions({ packaged: app.isPackaged, title: productName }));
  hardenWindow(win, policy);
  win.once('ready-to-show', () => win.show());
  const load = () =>
    win.loadURL(`${origin}/`).catch((error: unknown) => log(`could not load ${origin}: ${String(error)}`));
  // Host down or certificate refused: the window says so in its title and tries again.
  win.webContents.on('did-fail-load', (_event, _code, description, _url, isMainFrame) => {
    if (!isMainFrame) return;
    win.setTitle(`${productName}: the clinic host cannot be reached (${description}); retrying…`);
    win.show();
    setTimeout(() => void load(), reconnectMs);
  });
  void load();
  return win;
}

function start(): void {
  let ledger: Ledger | null = null;
  let mainWindow: BrowserWindow | null = null;
  let backups: BackupScheduler | null = null;
  /** "Share this ledger on the clinic network": serves enrolled devices while the app runs. */
  let sharing: ClinicSharing | null = null;

  // Every webContents, including any the app did not expect, gets the navigation rules.
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, ownOrigin));
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  // One window, one sign-in: closing it ends the work, on macOS too, and closes the file.
  app.on('window-all-closed', () => app.quit());
  // Devices are let go first (no write may arrive after the last backup), then the on-quit
  // backup (bounded inside quit()) runs before the file is closed; then quit again.
  app.on('before-quit', (event) => {
    if (backups === null && sharing === null) return;
    event.preventDefault();
    const scheduler = backups;
    const shared = sharing;
    backups = null;
    sharing = null;
    provideSharingControl(null);
    const finish = async () => {
      await shared?.close();
      const outcome = await scheduler?.quit();
      if (outcome === 'failed' || outcome === 'timed out') log(`backup on quit: ${outcome}`);
    };
    void finish()
      .catch((error: unknown) => log(`quitting: ${String(error)}`))
      .finally(() => app.quit());
  });
  app.on('will-quit', () => {
    ledger?.close();
    ledger = null;
  });
  // Ctrl+C in the launcher's terminal: quit through 'will-quit' so the file is closed.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => app.quit());

  app
    .whenReady()
    .then(() => {
      if (launch.connect !== undefined) {
        mainWindow = openClinicHost(launch.connect);
        return;
      }
      ledger = openOrExplain();
      if (ledger === null) return;
      backups = startBackupScheduler(ledger);
      sharing = createClinicSharing({ ledger, dbPath: paths.dbPath, staticDir: paths.rendererDir, log });
      provideSharingControl(sharing);
      // Shared before it quit: shares again on the same address, if its certificate still serves.
      void sharing.resume();
      hardenSession(session.defaultSession, requestPolicy);
      protocol.handle(appScheme, createAppProtocolHandler(paths.rendererDir));
      const ipc = createLedgerIpc({
        ledger,
        onInternalError: (error, method) =>
          log(`${method} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
        onRefused: (reason, id) => log(`refused a call from webContents ${id}: ${reason}`),
      });
      const opened = ledger;
      registerLedgerIpc(ipcMain, ipc, (method) => integrityRefusal(opened, method));
      mainWindow = createWindow(ipc);
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    })
    .catch((error: unknown) => {
      log(`start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      app.exit(1);
    });
}

// A second launch hands its turn to the first (which focuses its window) and quits.
if (app.requestSingleInstanceLock()) start();
else app.quit();
