import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { NetworkAddress } from '../../src/domain/clinic-sharing';
import type { ClinicSharing } from '../../src/server/clinic-sharing';
import { createClinicSharing } from '../../src/server/clinic-sharing';
import { hostTlsDirectory } from '../../src/server/host-certificate';
import { ownAddresses, ownHostNames } from '../../src/server/this-computer';
import { provideSharingControl } from '../../src/services/sharing-control';
import type { SignIn } from '../../src/services/sign-in';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser } from '../support/test-app';
import { clinicClient } from './clinic-client';

/** A second loopback address, as the clinic host tests use: reachable from this computer only. */
const address = '127.0.0.2';
const addresses: NetworkAddress[] = [
  { address, family: 'IPv4', interfaceName: 'lo', internal: true },
  { address: '127.0.0.1', family: 'IPv4', interfaceName: 'lo', internal: true },
];

let app: TestApp;
let admin: SignIn;
let nurse: SignIn;
let staticDir: string;
let sharing: ClinicSharing;

function newSharing(): ClinicSharing {
  return createClinicSharing({
    ledger: app.ledger,
    dbPath: app.path,
    staticDir,
    addresses: () => addresses,
    hostNames: () => ['clinic-desk.test'],
  });
}

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app);
  nurse = signedInUser(app, admin, 'nurse');
  staticDir = mkdtempSync(join(tmpdir(), 'dosing-ledger-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dosing Ledger</title>');
}, 180_000);
afterEach(async () => {
  await sharing.close();
  provideSharingControl(null);
});
afterAll(() => app.cleanup());

const auditActions = (prefix: string) =>
  (
    app.ledger.raw
      .prepare("SELECT action FROM audit_log WHERE action LIKE ? || '%' ORDER BY seq")
      .pluck()
      .all(prefix) as string[]
  ).filter((action) => action.startsWith(prefix));

/** A port nothing listens on now (the contract takes 1024–65535, not 0). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, address, resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function reachable(origin: string, rootPem: string): Promise<number> {
  const reply = await clinicClient(origin, rootPem).send('GET', '/');
  return reply.status;
}

describe('sharing the ledger from the desktop app', () => {
  it('is not offered where no process can share (a device, the headless host)', () => {
    sharing = newSharing();
    expect(app.ok(admin, 'host.sharing', {})).toMatchObject({ available: false, status: { state: 'off' } });
    const refused = app.call(admin, 'host.startSharing', { address, port: 8443, adminPassword });
    expect(refused.ok ? null : refused.error.code).toBe('CONFLICT');
  });

  it('serves enrolled devices over HTTPS on the chosen address, audited, and stops on request', async () => {
    sharing = newSharing();
    provideSharingControl(sharing);
    const before = app.ok(admin, 'host.sharing', {});
    expect(before.available).toBe(true);
    expect(before.addresses.map((item) => item.address)).toEqual([address, '127.0.0.1']);
    expect(before.certifiedAddresses).toEqual([]);

    const port = await freePort();
    const started = app.ok(admin, 'host.startSharing', { address, port, adminPassword });
    expect(started).toEqual({ state: 'starting', address, port });
    await sharing.settled();
    const status = app.ok(admin, 'host.sharing', {});
    if (status.status.state !== 'serving') throw new Error(JSON.stringify(status.status));
    expect(status.status.origin).toBe(`https://127.0.0.2:${port}`);
    expect(status.status.hostNames).toEqual([`https://clinic-desk.test:${port}`]);
    expect(status.certifiedAddresses).toContain(address);
    const rootPem = rootOf();
    expect(await reachable(status.status.origin, rootPem)).toBe(200);
    // The choice is kept beside the host key, so the app shares again after a restart.
    const choice = join(hostTlsDirectory(app.path), 'sharing.json');
    expect(JSON.parse(readFileSync(choice, 'utf8'))).toEqual({ address, port: status.status.port });
    expect(auditActions('host.sharing')).toEqual(['host.sharing-requested', 'host.sharing-started']);

    const origin = status.status.origin;
    expect(app.ok(admin, 'host.stopSharing', {})).toEqual({ state: 'off' });
    await sharing.settled();
    await expect(reachable(origin, rootPem)).rejects.toThrow();
    expect(existsSync(choice)).toBe(false);
    expect(auditActions('host.sharing').at(-1)).toBe('host.sharing-stopped');
  }, 60_000);

  it('refuses a wrong password (counted), another role, and an address that is not this computer’s, starting nothing', () => {
    sharing = newSharing();
    provideSharingControl(sharing);
    const audited = auditActions('host.sharing').length;
    const wrong = app.call(admin, 'host.startSharing', { address, port: 8443, adminPassword: 'Not-the-password-1' });
    expect(wrong.ok ? null : wrong.error.code).toBe('INVALID_CREDENTIALS');
    const elsewhere = app.call(admin, 'host.startSharing', { address: '10.9.8.7', port: 8443, adminPassword });
    expect(elsewhere.ok ? null : elsewhere.error.issues?.[0]?.path).toBe('address');
    const lowPort = app.call(admin, 'host.startSharing', { address, port: 80, adminPassword });
    expect(lowPort.ok ? null : lowPort.error.code).toBe('INVALID_INPUT');
    const byNurse = app.call(nurse, 'host.startSharing', { address, port: 8443, adminPassword });
    expect(byNurse.ok ? null : byNurse.error.code).toBe('FORBIDDEN');
    expect(sharing.status()).toEqual({ state: 'off' });
    expect(auditActions('host.sharing').slice(audited)).toEqual(['host.sharing-password-wrong']);
  });

  it('says in words when the port is taken, and audits the failure', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, address, resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      sharing = newSharing();
      provideSharingControl(sharing);
      app.ok(admin, 'host.startSharing', { address, port, adminPassword });
      await sharing.settled();
      expect(sharing.status()).toEqual({
        state: 'failed',
        address,
        port,
        message: `Port ${port} is already in use on this computer: choose another port.`,
      });
      expect(auditActions('host.sharing').at(-1)).toBe('host.sharing-failed');
    } finally {
      taken.close();
    }
  }, 60_000);

  it('shares again when the app restarts, with the kept certificate and no password', async () => {
    sharing = newSharing();
    provideSharingControl(sharing);
    app.ok(admin, 'host.startSharing', { address, port: await freePort(), adminPassword });
    await sharing.settled();
    await sharing.close();
    // A new app on the same ledger: the choice is kept, the certificate still serves.
    sharing = newSharing();
    await sharing.resume();
    const status = sharing.status();
    if (status.state !== 'serving') throw new Error(JSON.stringify(status));
    expect(await reachable(status.origin, rootOf())).toBe(200);
    const last = app.ledger.raw
      .prepare(
        "SELECT actor_user_id AS actor, details FROM audit_log WHERE action = 'host.sharing-started' ORDER BY seq DESC",
      )
      .get() as { actor: number | null; details: string };
    expect(last.actor).toBeNull();
    expect(JSON.parse(last.details)).toMatchObject({ resumed: true, certificateIssued: false });
  }, 60_000);
});

describe('this computer', () => {
  it('offers its addresses, the network first and loopback last, without link-local IPv6', () => {
    const listed = ownAddresses({
      lo: [
        {
          address: '127.0.0.1',
          netmask: '255.0.0.0',
          family: 'IPv4',
          mac: '00:00:00:00:00:00',
          internal: true,
          cidr: null,
        },
      ],
      eth0: [
        {
          address: '192.168.1.20',
          netmask: '255.255.255.0',
          family: 'IPv4',
          mac: 'aa:bb:cc:dd:ee:ff',
          internal: false,
          cidr: null,
        },
        {
          address: 'fe80::1',
          netmask: 'ffff:ffff:ffff:ffff::',
          family: 'IPv6',
          mac: 'aa:bb:cc:dd:ee:ff',
          internal: false,
          cidr: null,
          scopeid: 2,
        },
      ],
    });
    expect(listed.map((item) => item.address)).toEqual(['192.168.1.20', '127.0.0.1']);
    expect(ownHostNames('Front-Desk')).toEqual(['front-desk']);
    expect(ownHostNames('desk_1')).toEqual([]);
  });
});

function rootOf(): string {
  const root = app.ledger.raw
    .prepare("SELECT certificate_pem FROM signing_identities WHERE kind = 'clinic-root' ORDER BY id DESC")
    .pluck()
    .get() as string;
  return root;
}
