import { spawnSync } from 'node:child_process';
import { X509Certificate, generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClinicRoot } from '../../src/signing/clinic-root';
import {
  certificateCovers,
  certificateIssuedBy,
  certificateMatchesKey,
  generateServerKeyPair,
  issueServerCertificate,
  ServerCertificateInputError,
} from '../../src/signing/server-certificate';
import type { ServerCertificateRequest } from '../../src/signing/server-certificate';
import { scratchDirectory, writeScratch } from './signing-fixture';

const now = new Date('2026-03-07T09:30:00Z');
const dayMs = 86_400_000;
const root = createClinicRoot({ clinicName: 'Harbor Infusion Clinic', now: new Date('2026-01-01T00:00:00Z') });
const keys = generateServerKeyPair();

function issue(overrides: Partial<ServerCertificateRequest> = {}): string {
  return issueServerCertificate({
    rootCertificatePem: root.certificatePem,
    rootKeyPem: root.privateKeyPem,
    subjectPublicKeyPem: keys.publicKeyPem,
    hostNames: ['Clinic-Host.local'],
    addresses: ['192.168.1.20', 'FD00:0::0020'],
    now,
    ...overrides,
  });
}

function opensslText(pem: string): string {
  const path = writeScratch(scratchDirectory(), 'host.pem', pem);
  const result = spawnSync('openssl', ['x509', '-noout', '-text', '-in', path], { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

function refusal(overrides: Partial<ServerCertificateRequest>): ServerCertificateInputError {
  try {
    issue(overrides);
  } catch (error) {
    if (error instanceof ServerCertificateInputError) return error;
    throw error;
  }
  throw new Error('issued when it should have refused');
}

describe('a clinic host certificate', () => {
  const pem = issue();
  const x509 = new X509Certificate(pem);

  it('is issued by the clinic root for an end entity, named after the first host name', () => {
    expect(x509.subject).toBe('CN=clinic-host.local');
    expect(x509.ca).toBe(false);
    expect(x509.verify(new X509Certificate(root.certificatePem).publicKey)).toBe(true);
    expect(certificateIssuedBy(pem, root.certificatePem)).toBe(true);
    expect(certificateMatchesKey(pem, keys.privateKeyPem)).toBe(true);
    expect(certificateMatchesKey(pem, generateServerKeyPair().privateKeyPem)).toBe(false);
    const stranger = createClinicRoot({ clinicName: 'Other Clinic', now });
    expect(certificateIssuedBy(pem, stranger.certificatePem)).toBe(false);
  });

  it('runs 397 days, starting an hour back for tablets with slow clocks', () => {
    const notBefore = new Date(x509.validFrom);
    const notAfter = new Date(x509.validTo);
    expect(notBefore.toISOString()).toBe('2026-03-07T08:30:00.000Z');
    expect((notAfter.getTime() - notBefore.getTime()) / dayMs).toBe(397);
  });

  it('never outlives the root, nor starts before it', () => {
    const young = createClinicRoot({ clinicName: 'Harbor', now });
    const x = new X509Certificate(issue({ rootCertificatePem: young.certificatePem, rootKeyPem: young.privateKeyPem }));
    expect(new Date(x.validFrom).toISOString()).toBe(now.toISOString());
    const rootNotAfter = new X509Certificate(young.certificatePem).validTo;
    const late = new Date(new Date(rootNotAfter).getTime() - 10 * dayMs);
    const capped = new X509Certificate(
      issue({ rootCertificatePem: young.certificatePem, rootKeyPem: young.privateKeyPem, now: late }),
    );
    expect(capped.validTo).toBe(rootNotAfter);
  });

  it('carries cA:false, digitalSignature, serverAuth and every name and address (IPv4 and IPv6)', () => {
    const text = opensslText(pem);
    expect(text).toMatch(/X509v3 Basic Constraints: critical\s+CA:FALSE/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature\n/);
    expect(text).toMatch(/X509v3 Extended Key Usage:\s*\n\s+TLS Web Server Authentication\n/);
    expect(text).toMatch(
      /X509v3 Subject Alternative Name:\s*\n\s+DNS:clinic-host\.local, IP Address:192\.168\.1\.20, IP Address:FD00:0:0:0:0:0:0:20\n/,
    );
    expect(text).toContain('X509v3 Subject Key Identifier');
    expect(text).toContain('X509v3 Authority Key Identifier');
    expect(x509.checkIP('fd00::20')).toBe('fd00::20');
  });

  it('adds keyEncipherment for an RSA key', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const text = opensslText(
      issue({ subjectPublicKeyPem: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString() }),
    );
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Digital Signature, Key Encipherment/);
  });

  it('is named by its first address when no host name is given', () => {
    expect(new X509Certificate(issue({ hostNames: [], addresses: ['10.0.0.7'] })).subject).toBe('CN=10.0.0.7');
  });
});

describe('a request the clinic root refuses, in words', () => {
  it('host names that are not RFC 1123 host names', () => {
    for (const name of ['-host', 'host-', 'a..b', 'host_name', 'ñu.local', '*.local', '1.2.3', 'x'.repeat(64)]) {
      const error = refusal({ hostNames: ['good.local', name] });
      expect(error.field, name).toBe('hostNames');
      expect(error.path, name).toBe('hostNames.1');
      expect(error.message, name).toContain(name);
    }
    expect(refusal({ hostNames: ['192.168.1.20'] }).message).toContain('is an IP address: list it under addresses');
    expect(refusal({ hostNames: [' '] }).message).toBe('A host name is empty: fill it in or remove it.');
  });

  it('addresses that node:net does not read as IPv4 or IPv6, or that carry a zone', () => {
    for (const address of ['192.168.1', '192.168.1.256', '010.1.1.1', 'fd00:::1', 'host.local', 'fe80::1%eth0']) {
      const error = refusal({ addresses: [address] });
      expect(error.path, address).toBe('addresses.0');
      expect(error.message, address).toContain(`“${address}” is not an IP address`);
    }
  });

  it('nothing to name, or too many names', () => {
    expect(refusal({ hostNames: [], addresses: [] }).message).toMatch(/^Give at least one host name or IP address/);
    expect(refusal({ hostNames: Array.from({ length: 51 }, (_, i) => `h${i}.local`) }).message).toBe(
      'List at most 50 host names.',
    );
  });

  it('a private key, an unreadable key, a weak RSA key or an unusual curve', () => {
    expect(refusal({ subjectPublicKeyPem: keys.privateKeyPem }).message).toMatch(/^This is a private key/);
    expect(refusal({ subjectPublicKeyPem: 'not a key' }).field).toBe('publicKeyPem');
    const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey;
    expect(refusal({ subjectPublicKeyPem: weak.export({ type: 'spki', format: 'pem' }).toString() }).message).toMatch(
      /shorter than 2048 bits/,
    );
    const koblitz = generateKeyPairSync('ec', { namedCurve: 'secp256k1' }).publicKey;
    expect(
      refusal({ subjectPublicKeyPem: koblitz.export({ type: 'spki', format: 'pem' }).toString() }).message,
    ).toMatch(/use P-256 or P-384/);
    const edwards = generateKeyPairSync('ed25519').publicKey;
    expect(refusal({ subjectPublicKeyPem: edwards.export({ type: 'spki', format: 'pem' }).toString() }).field).toBe(
      'publicKeyPem',
    );
  });

  it('a root that is not valid now', () => {
    const error = refusal({ now: new Date('2025-12-31T00:00:00Z') });
    expect(error.field).toBeNull();
    expect(error.message).toMatch(/not valid now/);
  });
});

describe('certificateCovers', () => {
  const pem = issue({ hostNames: ['clinic-host.local', 'ledger'], addresses: ['192.168.1.20', '::1'] });
  const wanted = { hostNames: ['clinic-host.local'], addresses: ['192.168.1.20'], now, minDaysLeft: 30 };

  it('holds for a subset of its names and addresses, in any spelling, with time to run', () => {
    expect(certificateCovers(pem, wanted)).toBe(true);
    expect(
      certificateCovers(pem, { ...wanted, hostNames: ['LEDGER', 'clinic-host.local'], addresses: ['0:0::1'] }),
    ).toBe(true);
    expect(certificateCovers(pem, { ...wanted, hostNames: [], addresses: [] })).toBe(true);
  });

  it('fails for a name or address it does not hold', () => {
    expect(certificateCovers(pem, { ...wanted, hostNames: ['other.local'] })).toBe(false);
    expect(certificateCovers(pem, { ...wanted, hostNames: ['x.clinic-host.local'] })).toBe(false);
    expect(certificateCovers(pem, { ...wanted, addresses: ['192.168.1.21'] })).toBe(false);
  });

  it('fails with 30 days or fewer left, and before it starts', () => {
    const notAfter = new X509Certificate(pem).validTo;
    const at = (daysBeforeEnd: number) => new Date(new Date(notAfter).getTime() - daysBeforeEnd * dayMs);
    expect(certificateCovers(pem, { ...wanted, now: at(31) })).toBe(true);
    expect(certificateCovers(pem, { ...wanted, now: at(30) })).toBe(false);
    expect(certificateCovers(pem, { ...wanted, now: new Date(now.getTime() - 2 * 3_600_000) })).toBe(false);
  });
});
