import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { completeExam, planWith } from '../../src/cli/demo-clinical';
import { devicesCommand } from '../../src/cli/devices-command';
import type { HostTls } from '../../src/server/host-certificate';
import { ensureHostCertificate } from '../../src/server/host-certificate';
import type { Ledger } from '../../src/db/open';
import { openLedger } from '../../src/db/open';
import { localDate } from '../../src/domain/time';
import type { RunningClinicHost } from '../../src/server/clinic-host';
import { startClinicHost } from '../../src/server/clinic-host';
import type { SignIn } from '../../src/services/sign-in';
import { patientInput } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, saveFormulary, setUpClinic } from '../support/test-app';
import { findChromium } from './chromium';
import { rendererDir } from './harness';

/** A second loopback address, as in tests/server: not the one browser mode uses. */
export const clinicAddress = '127.0.0.2';
const clinicHostName = 'clinic-host.test';

export const physicianPassword = 'Infusion-ward-7-Ana';
export const nursePassword = 'Chairside-view-9-Nora';
export { adminPassword };

export interface DeviceOptions {
  width?: number;
  height?: number;
  /**
   * The page's sign-in poll (also how often chairside asks about its plan); the app's own 5 s
   * unless given. Long on a device whose live updates are under test, so whatever shows up
   * quickly came from the event stream. Not shortened as in browser mode: a poll in flight
   * while the host rotates the session at sign-in comes back with a new, signed-out session
   * cookie and signs the user out again (a host defect, reported), which a 250 ms poll hits often.
   */
  pollMs?: number;
  /** What the device's browser calls itself (the Devices page shows it); a desktop Chrome unless given. */
  userAgent?: string;
}

/** Real browsers' own words, so the Devices page reads as at a clinic rather than "HeadlessChrome". */
export const desktopAgent =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36';
export const tabletAgent =
  'Mozilla/5.0 (Linux; Android 14; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36';

/** One clinic host on its own ledger, served to real Chromium contexts (one per device). */
export interface ClinicWorld {
  /** This scenario's own copy of the clinic's ledger, as the host serves it. */
  ledger: Ledger;
  origin: string;
  /** The clinic root's SHA-256 fingerprint, "AB:CD:…", as the host shows it. */
  rootFingerprint: string;
  patientId: number;
  /** A plan draft (the demo's ketamine plan on a signed exam), waiting for the physician's signature. */
  planRecordId: number;
  /** A browser context of its own (cookies, storage): one device, opened at the host. */
  newDevice(options?: DeviceOptions): Promise<Page>;
  /** Approves a pairing code out of band, as an administrator at the host's console would. */
  approveOnHost(pairingCode: string, name: string): Promise<void>;
  /** The audit head: any committed change moves it. */
  auditHead(): number;
  /** Every device's screen as it is now, as /tmp/<prefix>-<n>.png: what a failed scenario left behind. */
  photographDevices(prefix: string): Promise<string[]>;
  stopHost(): Promise<void>;
  /** Starts the host again on the same port and ledger. */
  startHost(): Promise<void>;
  close(): Promise<void>;
}

/** base64(SHA-256(SPKI)) of a certificate's key, as Chromium's --ignore-certificate-errors-spki-list takes it. */
function spkiPin(certificatePem: string): string {
  const spki = createPublicKey(certificatePem).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('base64');
}

/**
 * Headless Chromium that trusts the host's certificate (pinned by its key, which Chromium
 * matches only against what the server sends, so not the root's), as a device that installed
 * the clinic root would; any other certificate is still refused.
 */
async function launchClinicBrowser(hostCertificatePem: string): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      `--ignore-certificate-errors-spki-list=${spkiPin(hostCertificatePem)}`,
    ],
  });
}

function createStaff(
  app: TestApp,
  admin: SignIn,
  account: { username: string; name: string; role: 'physician' | 'nurse'; password: string },
): void {
  const temporaryPassword = 'Temporary-pass-2026!';
  app.ok(admin, 'users.create', {
    username: account.username,
    displayName: account.name,
    credentials: account.role === 'physician' ? 'MD' : 'RN',
    role: account.role,
    temporaryPassword,
    adminPassword,
  });
  const session = app.newSignIn();
  app.ok(session, 'auth.signIn', { username: account.username, password: temporaryPassword });
  app.ok(session, 'auth.changePassword', { currentPassword: temporaryPassword, newPassword: account.password });
  app.ok(session, 'auth.signOut', {});
}

/** The clinic's data, set up through dispatch: staff, formulary, a patient with a signed exam and a plan draft. */
function setUpRecords(app: TestApp, admin: SignIn): { patientId: number; planRecordId: number } {
  createStaff(app, admin, { username: 'ana.ruiz', name: 'Ana Ruiz', role: 'physician', password: physicianPassword });
  createStaff(app, admin, { username: 'nora.kim', name: 'Nora Kim', role: 'nurse', password: nursePassword });
  saveFormulary(app, admin);
  const physician = app.newSignIn();
  app.ok(physician, 'auth.signIn', { username: 'ana.ruiz', password: physicianPassword });
  const patient = app.ok(physician, 'patients.create', {
    patient: patientInput({
      mrn: 'MRN-201',
      familyName: 'Okafor',
      givenNames: 'Grace',
      allergies: { status: 'none-known' },
    }),
  });
  const zone = app.ledger.raw.prepare('SELECT time_zone FROM clinic').pluck().get() as string;
  const exam = app.ok(physician, 'records.create', { type: 'exam', patientId: patient.id });
  const examVersionId = exam.versions[0]?.id ?? 0;
  app.ok(physician, 'records.saveDraft', {
    type: 'exam',
    versionId: examVersionId,
    content: completeExam(localDate(new Date(), zone)),
  });
  app.ok(physician, 'records.sign', {
    versionId: examVersionId,
    meaning: 'authored',
    username: 'ana.ruiz',
    password: physicianPassword,
  });
  const plan = app.ok(physician, 'records.create', { type: 'plan', patientId: patient.id, examRecordId: exam.id });
  const draft = plan.versions[0];
  if (draft?.recordType !== 'plan') throw new Error('no plan draft');
  app.ok(physician, 'records.saveDraft', {
    type: 'plan',
    versionId: draft.id,
    content: planWith(draft.content.weight),
  });
  app.ok(physician, 'auth.signOut', {});
  return { patientId: patient.id, planRecordId: plan.id };
}

/** The clinic set up once per file (hashing passwords and issuing certificates takes seconds each). */
export interface ClinicTemplate {
  app: TestApp;
  tls: HostTls;
  patientId: number;
  planRecordId: number;
}

/** A ledger with its staff, patient, plan draft and the host's certificate; each scenario runs on a copy. */
export async function prepareClinic(): Promise<ClinicTemplate> {
  if (!existsSync(join(rendererDir, 'index.html'))) {
    throw new Error(`The renderer is not built (${rendererDir}/index.html is missing): run \`npx vite build\` first`);
  }
  const app = createTestApp();
  try {
    const admin = setUpClinic(app);
    const { patientId, planRecordId } = setUpRecords(app, admin);
    const tls = await ensureHostCertificate({
      ledger: app.ledger,
      dbPath: app.path,
      hostNames: [clinicHostName],
      addresses: [clinicAddress],
      credentials: () => Promise.resolve({ username: 'admin', password: adminPassword }),
    });
    return { app, tls, patientId, planRecordId };
  } catch (error) {
    app.cleanup();
    throw error;
  }
}

/**
 * A clinic host on 127.0.0.2 over HTTPS (certificate from the clinic root) serving the built
 * renderer, on its own copy of the template's ledger, and a Chromium whose contexts are its
 * devices. Each scenario takes its own, so one failing leaves the others' ledgers, devices and
 * request budgets untouched.
 */
export async function startClinicWorld(template: ClinicTemplate): Promise<ClinicWorld> {
  const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-clinic-e2e-'));
  const path = join(dir, 'ledger.sqlite');
  await template.app.ledger.raw.backup(path);
  const ledger = openLedger(path);
  const { tls } = template;
  const start = (port: number) =>
    startClinicHost({
      ledger,
      listen: { address: clinicAddress, port },
      hostNames: [clinicHostName],
      tls: { keyPem: tls.keyPem, certificatePem: tls.certificatePem },
      rootCertificatePem: tls.rootCertificatePem,
      staticDir: rendererDir,
    });
  const cleanups: (() => Promise<void> | void)[] = [
    () => rmSync(dir, { recursive: true, force: true }),
    () => ledger.close(),
  ];
  let host: RunningClinicHost | null = null;
  const close = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('[clinic e2e] cleanup failed:', error);
      }
    }
  };
  try {
    host = await start(0);
    cleanups.push(async () => {
      await host?.close();
      host = null;
    });
    const browser = await launchClinicBrowser(tls.certificatePem);
    cleanups.push(() => browser.close());
    const { port, origin, rootFingerprint } = host;
    const pages: Page[] = [];
    return {
      ledger,
      origin,
      rootFingerprint,
      patientId: template.patientId,
      planRecordId: template.planRecordId,
      newDevice: async ({ width = 1280, height = 800, pollMs, userAgent = desktopAgent } = {}) => {
        const context = await browser.newContext({ viewport: { width, height }, userAgent });
        if (pollMs !== undefined) {
          await context.addInitScript((ms: number) => {
            window.sessionStorage.setItem('ledger.pollMs', String(ms));
          }, pollMs);
        }
        const page = await context.newPage();
        pages.push(page);
        page.setDefaultTimeout(15_000);
        await page.goto(origin);
        return page;
      },
      approveOnHost: async (pairingCode, name) => {
        const errors: string[] = [];
        const code = await devicesCommand(
          ['approve', '--db', path, '--code', pairingCode, '--name', name],
          { out: () => undefined, err: (line) => errors.push(line) },
          {
            env: { DOSING_LEDGER_ADMIN_USERNAME: 'admin', DOSING_LEDGER_ADMIN_PASSWORD: adminPassword },
            stdin: process.stdin,
            stderr: process.stderr,
          },
        );
        if (code !== 0) throw new Error(`devices approve exited ${code}: ${errors.join(' ')}`);
      },
      auditHead: () => ledger.raw.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number,
      photographDevices: async (prefix) => {
        const paths = pages.map((_page, index) => join(tmpdir(), `${prefix}-${index + 1}.png`));
        await Promise.all(pages.map((page, index) => page.screenshot({ path: paths[index] }).catch(() => undefined)));
        return paths;
      },
      stopHost: async () => {
        await host?.close();
        host = null;
      },
      startHost: async () => {
        host ??= await start(port);
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
