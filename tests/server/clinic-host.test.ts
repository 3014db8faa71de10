import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureHostCertificate } from '../../src/server/host-certificate';
import type { RunningClinicHost } from '../../src/server/clinic-host';
import { startClinicHost } from '../../src/server/clinic-host';
import { rotationGraceMs } from '../../src/server/clinic-sessions';
import { verifyAuditChain } from '../../src/services/ledger';
import type { SignIn } from '../../src/services/sign-in';
import type { ClinicClient } from './clinic-client';
import { clinicClient } from './clinic-client';
import { patientInput } from '../support/fixtures';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

/** openssl with nothing on its standard input, so s_client ends once the handshake is checked. */
function openssl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`openssl exited ${code}: ${output}`)),
    );
  });
}
/** A second loopback address: not the one browser mode uses, and not reachable from outside. */
const address = '127.0.0.2';

let app: TestApp;
let admin: SignIn;
let nurse: SignIn;
let host: RunningClinicHost;
let rootPem: string;
let staticDir: string;

beforeAll(async () => {
  app = createTestApp();
  admin = setUpClinic(app);
  nurse = signedInUser(app, admin, 'nurse', 'nina');
  staticDir = mkdtempSync(join(tmpdir(), 'dosing-ledger-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Dosing Ledger</title>');
  const tls = await ensureHostCertificate({
    ledger: app.ledger,
    dbPath: app.path,
    hostNames: ['clinic-host.test'],
    addresses: [address],
    credentials: () => Promise.resolve({ username: 'admin', password: adminPassword }),
  });
  rootPem = tls.rootCertificatePem;
  host = await startClinicHost({
    ledger: app.ledger,
    listen: { address, port: 0 },
    hostNames: ['clinic-host.test'],
    tls: { keyPem: tls.keyPem, certificatePem: tls.certificatePem },
    rootCertificatePem: rootPem,
    staticDir,
    clock: () => new Date(Date.now() + app.clockOffsetMs),
  });
}, 60_000);

afterAll(async () => {
  await host.close();
  app.cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

/** A device that asked to be enrolled and was approved by the administrator under `name`. */
async function enrolledDevice(name: string): Promise<ClinicClient> {
  const device = clinicClient(host.origin, rootPem);
  const asked = await device.post('/api/device', { enrol: true });
  const { value } = asked.json() as { value: { status: string; pairingCode: string } };
  expect(value.status).toBe('pending');
  app.ok(admin, 'devices.approve', { pairingCode: value.pairingCode, name });
  return device;
}

function deviceIdNamed(name: string): number {
  const listed = app.ok(admin, 'devices.list', { limit: 50, offset: 0 }) as unknown as {
    devices: { id: number; name: string | null }[];
  };
  const found = listed.devices.find((device) => device.name === name);
  if (found === undefined) throw new Error(`no device named ${name}`);
  return found.id;
}

describe('the clinic host', () => {
  it('answers only over TLS 1.2+ with a certificate that chains to the clinic root and names the host (openssl)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-root-'));
    const rootFile = join(dir, 'root.pem');
    writeFileSync(rootFile, rootPem);
    const connect = `${address}:${host.port}`;
    try {
      const checked = ['s_client', '-connect', connect, '-CAfile', rootFile, '-verify_return_error'];
      const byName = await openssl([
        ...checked,
        '-verify_hostname',
        'clinic-host.test',
        '-servername',
        'clinic-host.test',
      ]);
      expect(byName).toContain('Verify return code: 0 (ok)');
      expect(byName).toMatch(/Protocol *: TLSv1\.[23]|New, TLSv1\.[23]/);
      const byAddress = await openssl([...checked, '-verify_ip', address]);
      expect(byAddress).toContain('Verify return code: 0 (ok)');
      await expect(openssl([...checked, '-verify_hostname', 'elsewhere.test'])).rejects.toThrow(/verify/i);
      await expect(openssl([...checked, '-verify_ip', '127.0.0.3'])).rejects.toThrow(/verify/i);
      await expect(openssl(['s_client', '-connect', connect, '-tls1_1'])).rejects.toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);

  it('refuses every method to a device that is not enrolled, and to one still waiting', async () => {
    const stranger = clinicClient(host.origin, rootPem);
    const call = await stranger.invoke('signIn.get');
    expect(call.status).toBe(403);
    expect(call.result.error?.message).toMatch(/not enrolled/);
    const asked = await stranger.post('/api/device', { enrol: true });
    const { value } = asked.json() as { value: { status: string; pairingCode: string; rootFingerprint: string } };
    expect(value.status).toBe('pending');
    expect(value.pairingCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(value.rootFingerprint).toBe(host.rootFingerprint);
    const cookieLine = stranger.lastSetCookie.find((line) => line.startsWith('__Host-ledger-device='));
    expect(cookieLine).toMatch(/; Secure/i);
    expect(cookieLine).toMatch(/; HttpOnly/i);
    expect(cookieLine).toMatch(/; SameSite=Strict/i);
    const waiting = await stranger.invoke('signIn.get');
    expect(waiting.status).toBe(403);
    expect(waiting.result.error?.message).toMatch(/waiting for an administrator/);
  });

  it('issues the session itself, rotates it at sign-in and ends it at sign-out', async () => {
    const device = await enrolledDevice('Chair 1 tablet');
    const before = await device.invoke('signIn.get');
    expect(before.result.ok).toBe(true);
    const first = device.cookies.get('__Host-ledger-session');
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const signedIn = await device.invoke('auth.signIn', { username: 'nina', password: staffPassword });
    expect(signedIn.result.ok).toBe(true);
    const second = device.cookies.get('__Host-ledger-session');
    expect(second).not.toBe(first);
    // A call already on its way with the token from before the sign-in (a sign-in poll)
    // still reaches the session for a few seconds, and gets no cookie to replace the new one.
    const inFlight = clinicClient(host.origin, rootPem);
    inFlight.cookies = new Map(device.cookies);
    inFlight.cookies.set('__Host-ledger-session', first ?? '');
    inFlight.lastSetCookie = [];
    const late = (await inFlight.invoke('signIn.get')).result.value as { state: string };
    expect(late.state).toBe('active');
    expect(inFlight.lastSetCookie).toEqual([]);
    // After that the old token is worth nothing.
    app.clockOffsetMs += rotationGraceMs + 1000;
    try {
      const stale = (await inFlight.invoke('signIn.get')).result.value as { state: string };
      expect(stale.state).toBe('signed-out');
      expect(inFlight.cookies.get('__Host-ledger-session')).not.toBe(second);
    } finally {
      app.clockOffsetMs -= rotationGraceMs + 1000;
    }
    const audit = app.ledger.raw
      .prepare("SELECT details FROM audit_log WHERE action = 'auth.signed-in' ORDER BY seq DESC LIMIT 1")
      .get() as { details: string };
    expect(JSON.parse(audit.details)).toMatchObject({ device: 'Chair 1 tablet' });
    expect(audit.details).not.toContain(second ?? 'no token');
    expect((await device.invoke('auth.signOut')).result.ok).toBe(true);
    const after = (await device.invoke('signIn.get')).result.value as { state: string };
    expect(after.state).toBe('signed-out');
  });

  it('refuses cross-site calls', async () => {
    const device = await enrolledDevice('Desk workstation');
    const elsewhere = await device.post(
      '/api/invoke',
      { method: 'signIn.get', input: {} },
      { origin: 'https://evil.test' },
    );
    expect(elsewhere.status).toBe(403);
    const noHeader = await device.send('POST', '/api/invoke', {
      body: JSON.stringify({ method: 'signIn.get', input: {} }),
      headers: { 'content-type': 'application/json', origin: host.origin },
    });
    expect(noHeader.status).toBe(403);
    const crossSite = await device.post(
      '/api/invoke',
      { method: 'signIn.get', input: {} },
      { 'sec-fetch-site': 'cross-site' },
    );
    expect(crossSite.status).toBe(403);
  });

  it('throttles wrong passwords per device before any account locks', async () => {
    const device = await enrolledDevice('Chair 2 tablet');
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const wrong = await device.invoke('auth.signIn', { username: 'admin', password: 'not the password' });
      expect(wrong.result.error?.code).toBe('INVALID_CREDENTIALS');
    }
    const held = await device.invoke('auth.signIn', { username: 'admin', password: adminPassword });
    expect(held.status).toBe(429);
    expect(held.result.error?.message).toMatch(/Too many wrong passwords on this device/);
    // The administrator is not locked out: another device signs in at once.
    const other = await enrolledDevice('Chair 3 tablet');
    expect((await other.invoke('auth.signIn', { username: 'admin', password: adminPassword })).result.ok).toBe(true);
  });

  it('streams ledger changes, and signs a revoked device out at once', async () => {
    const device = await enrolledDevice('Chair 4 tablet');
    expect((await device.invoke('auth.signIn', { username: 'nina', password: staffPassword })).result.ok).toBe(true);
    const events: string[] = [];
    const cookie = [...device.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const closed = new Promise<void>((resolve, reject) => {
      const url = new URL(host.origin);
      const req = request(
        { host: url.hostname, port: url.port, path: '/api/events', ca: rootPem, headers: { cookie } },
        (res) => {
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => events.push(chunk));
          res.on('end', () => resolve());
        },
      );
      req.on('error', reject);
      req.end();
    });
    await expect.poll(() => events.join('')).toContain('event: ledger');
    // Any committed change (here a patient added by the administrator) reaches the stream within 2 s.
    app.ok(nurse, 'patients.create', { patient: patientInput({ mrn: 'MRN-SSE-1' }) });
    const head = (app.ledger.raw.prepare('SELECT max(seq) AS seq FROM audit_log').get() as { seq: number }).seq;
    await expect.poll(() => events.join(''), { timeout: 2000 }).toContain(`data: {"head":${head}}`);
    app.ok(admin, 'devices.revoke', { deviceId: deviceIdNamed('Chair 4 tablet'), reason: 'Tablet lost' });
    await closed;
    expect(events.join('')).toContain('event: revoked');
    const refused = await device.invoke('signIn.get');
    expect(refused.status).toBe(403);
    expect(refused.result.error?.message).toMatch(/revoked/);
    expect(verifyAuditChain(app.ledger.raw).ok).toBe(true);
  }, 20_000);
});
