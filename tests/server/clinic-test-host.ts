import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureHostCertificate } from '../../src/server/host-certificate';
import type { RunningClinicHost } from '../../src/server/clinic-host';
import { startClinicHost } from '../../src/server/clinic-host';
import type { ServerLimits } from '../../src/server/server-limits';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic } from '../support/test-app';
import type { ClinicClient } from './clinic-client';
import { clinicClient } from './clinic-client';

/** A second loopback address: not the one browser mode uses, and not reachable from outside. */
export const clinicAddress = '127.0.0.2';
export const clinicHostName = 'clinic-host.test';

/** Limits small enough that slow clients are cut off within a test's time (TLS adds a handshake). */
export const tightClinicLimits: Partial<ServerLimits> = {
  bodyBytes: 64 * 1024,
  headerBytes: 16 * 1024,
  headersTimeoutMs: 800,
  requestTimeoutMs: 1200,
  timeoutCheckIntervalMs: 50,
};

export interface TestClinicHost {
  app: TestApp;
  admin: SignIn;
  host: RunningClinicHost;
  rootPem: string;
  /** `127.0.0.2:port`: a Host header the host answers to. */
  hostHeader: string;
  /** A device that asked to be enrolled and was approved by the administrator under `name`. */
  enrolledDevice(name: string): Promise<ClinicClient>;
  stop(): Promise<void>;
}

/** The real clinic host on 127.0.0.2 over HTTPS (certificate from the clinic root), on a temporary ledger. */
export async function startTestClinicHost(limits: Partial<ServerLimits> = tightClinicLimits): Promise<TestClinicHost> {
  const app = createTestApp();
  const admin = setUpClinic(app);
  const staticDir = mkdtempSync(join(tmpdir(), 'dosing-ledger-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dosing Ledger</title>');
  writeFileSync(join(staticDir, '.hidden'), 'not for the browser');
  const tls = await ensureHostCertificate({
    ledger: app.ledger,
    dbPath: app.path,
    hostNames: [clinicHostName],
    addresses: [clinicAddress],
    credentials: () => Promise.resolve({ username: 'admin', password: adminPassword }),
  });
  const host = await startClinicHost({
    ledger: app.ledger,
    listen: { address: clinicAddress, port: 0 },
    hostNames: [clinicHostName],
    tls: { keyPem: tls.keyPem, certificatePem: tls.certificatePem },
    rootCertificatePem: tls.rootCertificatePem,
    staticDir,
    clock: () => new Date(Date.now() + app.clockOffsetMs),
    limits,
  });
  const rootPem = tls.rootCertificatePem;
  return {
    app,
    admin,
    host,
    rootPem,
    hostHeader: `${clinicAddress}:${host.port}`,
    enrolledDevice: async (name) => {
      const device = clinicClient(host.origin, rootPem);
      const asked = await device.post('/api/device', { enrol: true });
      const { value } = asked.json() as { value: { status: string; pairingCode: string } };
      if (value.status !== 'pending') throw new Error(`enrolment of ${name}: ${asked.body}`);
      app.ok(admin, 'devices.approve', { pairingCode: value.pairingCode, name });
      return device;
    },
    stop: async () => {
      await host.close();
      app.cleanup();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}
