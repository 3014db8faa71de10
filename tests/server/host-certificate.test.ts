import { X509Certificate, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminCredentials } from '../../src/cli/admin-credentials';
import type { EnsureHostCertificateOptions } from '../../src/server/host-certificate';
import { ensureHostCertificate, hostTlsDirectory } from '../../src/server/host-certificate';
import { createClinicRoot } from '../../src/signing/clinic-root';
import { generateServerKeyPair, issueServerCertificate } from '../../src/signing/server-certificate';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

let app: TestApp;
const dayMs = 86_400_000;

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app, 'UTC');
  signedInUser(app, admin, 'nurse');
}, 180_000);
afterAll(() => app.cleanup());

const hostRows = () => app.ledger.raw.prepare('SELECT count(*) FROM host_certificates').pluck().get() as number;

/** The administrator's credentials, counting how often they were asked for. */
function asked(credentials: AdminCredentials = { username: 'admin', password: adminPassword }) {
  const counter = { times: 0 };
  const ask = () => {
    counter.times += 1;
    return Promise.resolve(credentials);
  };
  return { counter, ask };
}

function options(overrides: Partial<EnsureHostCertificateOptions> = {}): EnsureHostCertificateOptions {
  return {
    ledger: app.ledger,
    dbPath: app.path,
    hostNames: ['clinic-host.local'],
    addresses: ['127.0.0.1'],
    credentials: asked().ask,
    ...overrides,
  };
}

describe('ensureHostCertificate', () => {
  it('issues once, keeping the key 0600 beside the ledger, and reuses it on the next start', async () => {
    const first = asked();
    const issued = await ensureHostCertificate(options({ credentials: first.ask }));
    expect(issued.issued).toBe(true);
    expect(first.counter.times).toBe(1);
    expect(hostRows()).toBe(1);
    const directory = hostTlsDirectory(app.path);
    expect(directory).toBe(`${app.path}.host-tls`);
    expect(readdirSync(directory).sort()).toEqual(['host-certificate.pem', 'host-key.pem']);
    expect(statSync(join(directory, 'host-key.pem')).mode & 0o777).toBe(0o600);
    expect(statSync(directory).mode & 0o077).toBe(0);
    expect(readFileSync(join(directory, 'host-key.pem'), 'utf8')).toBe(issued.keyPem);
    expect(readFileSync(join(directory, 'host-certificate.pem'), 'utf8')).toBe(issued.certificatePem);
    const root = new X509Certificate(issued.rootCertificatePem);
    expect(new X509Certificate(issued.certificatePem).verify(root.publicKey)).toBe(true);
    expect(issued.rootFingerprintSha256).toBe(root.fingerprint256);

    const second = asked();
    const reused = await ensureHostCertificate(options({ credentials: second.ask }));
    expect(reused).toEqual({ ...issued, issued: false });
    expect(second.counter.times).toBe(0);
    expect(hostRows()).toBe(1);
  });

  it('re-issues, with a new key, when the names change or fewer than 31 days are left', async () => {
    const before = await ensureHostCertificate(options());
    const renamed = await ensureHostCertificate(options({ hostNames: ['clinic-host.local', 'ledger.local'] }));
    expect(renamed.issued).toBe(true);
    expect(renamed.keyPem).not.toBe(before.keyPem);
    expect(hostRows()).toBe(2);
    // Fewer names than the certificate holds: still covered.
    expect((await ensureHostCertificate(options())).issued).toBe(false);

    const notAfter = new Date(new X509Certificate(renamed.certificatePem).validTo).getTime();
    const at = (daysLeft: number) => () => new Date(notAfter - daysLeft * dayMs);
    expect((await ensureHostCertificate(options({ clock: at(31) }))).issued).toBe(false);
    const renewed = await ensureHostCertificate(options({ clock: at(30) }));
    expect(renewed.issued).toBe(true);
    expect(hostRows()).toBe(3);
  });

  it('re-issues when the kept files do not match: another key, or a certificate from another root', async () => {
    const directory = hostTlsDirectory(app.path);
    const current = await ensureHostCertificate(options());
    writeFileSync(join(directory, 'host-key.pem'), generateServerKeyPair().privateKeyPem);
    const afterKey = await ensureHostCertificate(options());
    expect(afterKey.issued).toBe(true);
    expect(afterKey.certificatePem).not.toBe(current.certificatePem);

    const stranger = createClinicRoot({ clinicName: 'Some Other Clinic', now: new Date() });
    const foreign = issueServerCertificate({
      rootCertificatePem: stranger.certificatePem,
      rootKeyPem: stranger.privateKeyPem,
      subjectPublicKeyPem: createPublicKey(afterKey.keyPem).export({ type: 'spki', format: 'pem' }).toString(),
      hostNames: ['clinic-host.local'],
      addresses: ['127.0.0.1'],
      now: new Date(),
    });
    writeFileSync(join(directory, 'host-certificate.pem'), foreign);
    const afterRoot = await ensureHostCertificate(options());
    expect(afterRoot.issued).toBe(true);
    expect(
      new X509Certificate(afterRoot.certificatePem).verify(new X509Certificate(afterRoot.rootCertificatePem).publicKey),
    ).toBe(true);
  });

  it('refuses bad credentials, or a non-administrator, in one line, leaving no files', async () => {
    const dbPath = join(app.dir, 'elsewhere.sqlite');
    const rows = hostRows();
    const wrong = ensureHostCertificate(
      options({ dbPath, credentials: asked({ username: 'admin', password: 'Not-the-password-1' }).ask }),
    );
    await expect(wrong).rejects.toThrow(/^Signing in as “admin” was refused: The username or password is not right\./);
    await wrong.catch((error: unknown) => expect(String((error as Error).message)).not.toMatch(/\n/));
    const nurse = ensureHostCertificate(
      options({ dbPath, credentials: asked({ username: 'nurse', password: staffPassword }).ask }),
    );
    await expect(nurse).rejects.toThrow(
      'The clinic root did not issue the host certificate: Your role does not allow this action.',
    );
    const badName = ensureHostCertificate(options({ dbPath, hostNames: ['clinic_host'] }));
    await expect(badName).rejects.toThrow(
      /^The clinic root did not issue the host certificate: “clinic_host” is not a host name: [^\n]+$/,
    );
    expect(existsSync(hostTlsDirectory(dbPath))).toBe(false);
    expect(hostRows()).toBe(rows);
  });
});
