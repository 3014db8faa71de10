import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createClinicRoot, exportRootCertificate } from '../../src/signing/clinic-root';
import { issueSignerCertificate } from '../../src/signing/signer-certificate';
import { keyUsagesOf } from '../../src/signing/certificate-chain';
import { parseCertificate } from '../../src/signing/x509-certificate';
import { scratchDirectory, writeScratch } from './signing-fixture';

const now = new Date('2026-03-07T09:30:00Z');

function openssl(args: string[]): string {
  const result = spawnSync('openssl', args, { encoding: 'utf8' });
  return `${result.stdout}${result.stderr}`;
}

describe('the clinic root', () => {
  const root = createClinicRoot({ clinicName: 'Clínica Łódź', now });
  const x509 = new X509Certificate(root.certificatePem);

  it('is a self-signed X.509 v3 certification authority named after the clinic', () => {
    expect(x509.subject).toBe('CN=Clínica Łódź Signing Root\nO=Clínica Łódź');
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.ca).toBe(true);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(parseCertificate(x509.raw).version).toBe(2);
  });

  it('may sign certificates and CRLs only, for 20 years', () => {
    expect([...(keyUsagesOf(parseCertificate(x509.raw)) ?? [])].sort()).toEqual(['cRLSign', 'keyCertSign']);
    expect(new Date(x509.validFrom).toISOString()).toBe('2026-03-07T09:30:00.000Z');
    expect(new Date(x509.validTo).toISOString()).toBe('2046-03-07T09:30:00.000Z');
    const text = openssl([
      'x509',
      '-noout',
      '-text',
      '-in',
      writeScratch(scratchDirectory(), 'root.pem', root.certificatePem),
    ]);
    expect(text).toContain('CA:TRUE, pathlen:0');
    expect(text).toMatch(/X509v3 Basic Constraints: critical/);
    expect(text).toMatch(/X509v3 Key Usage: critical\s+Certificate Sign, CRL Sign/);
    expect(text).toContain('ASN1 OID: prime256v1');
  });

  it('exports as PEM and DER for auditors and Adobe Reader', () => {
    const exported = exportRootCertificate(root.certificatePem);
    expect(exported.pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
    expect(new X509Certificate(exported.der).fingerprint256).toBe(x509.fingerprint256);
    const directory = scratchDirectory();
    const derPath = writeScratch(directory, 'root.cer', exported.der);
    expect(openssl(['x509', '-inform', 'DER', '-noout', '-subject', '-nameopt', 'utf8', '-in', derPath])).toContain(
      'Clínica Łódź Signing Root',
    );
  });

  it('keeps its private key in memory only, as PKCS#8', () => {
    expect(root.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
  });
});

describe('a physician’s certificate', () => {
  const root = createClinicRoot({ clinicName: 'Lakeside Infusion Clinic', now });
  const issue = (printedName: string, userId = 7) =>
    issueSignerCertificate({
      root: root.certificatePem,
      rootKeyPem: root.privateKeyPem,
      subject: { printedName, credentials: 'MD', clinicName: 'Lakeside Infusion Clinic', userId },
      now,
    });

  it('is issued by the clinic root for signing documents, valid five years', () => {
    const signer = issue('Ana Ruiz');
    const x509 = new X509Certificate(signer.certificatePem);
    const rootX509 = new X509Certificate(root.certificatePem);
    expect(x509.checkIssued(rootX509)).toBe(true);
    expect(x509.verify(rootX509.publicKey)).toBe(true);
    expect(x509.ca).toBe(false);
    expect([...(keyUsagesOf(parseCertificate(x509.raw)) ?? [])].sort()).toEqual(['digitalSignature', 'nonRepudiation']);
    expect(new Date(x509.validTo).toISOString()).toBe('2031-03-07T09:30:00.000Z');
    // Node escapes the comma of a distinguished-name value.
    expect(x509.subject).toBe('CN=Ana Ruiz\\, MD\ntitle=MD\nO=Lakeside Infusion Clinic\nUID=7');
    const directory = scratchDirectory();
    const verified = openssl([
      'verify',
      '-attime',
      String(Date.parse('2026-06-01') / 1000),
      '-CAfile',
      writeScratch(directory, 'root.pem', root.certificatePem),
      writeScratch(directory, 'signer.pem', signer.certificatePem),
    ]);
    expect(verified).toContain(': OK');
  });

  it('prints every name exactly, in any script', () => {
    for (const name of ['Zoë Łukasz Żółć', '王小明', 'عائشة الفارسي', 'Ελένη Παππά', 'Пётр Иванов']) {
      expect(new X509Certificate(issue(name).certificatePem).subject).toContain(`CN=${name}\\, MD`);
    }
  });

  it('gets a fresh key pair and a random serial each time', () => {
    const first = issue('Ana Ruiz');
    const second = issue('Ana Ruiz');
    expect(first.privateKeyPem).not.toBe(second.privateKeyPem);
    expect(new X509Certificate(first.certificatePem).serialNumber).not.toBe(
      new X509Certificate(second.certificatePem).serialNumber,
    );
  });

  it('refuses a root key that is not the root’s, and a root that has expired', () => {
    const other = createClinicRoot({ clinicName: 'Other', now });
    expect(() =>
      issueSignerCertificate({
        root: root.certificatePem,
        rootKeyPem: other.privateKeyPem,
        subject: { printedName: 'A', credentials: '', clinicName: 'X', userId: 1 },
        now,
      }),
    ).toThrow(/not the clinic root/);
    expect(() =>
      issueSignerCertificate({
        root: root.certificatePem,
        rootKeyPem: root.privateKeyPem,
        subject: { printedName: 'A', credentials: '', clinicName: 'X', userId: 1 },
        now: new Date('2050-01-01T00:00:00Z'),
      }),
    ).toThrow(/not valid now/);
  });

  it('never outlives the root', () => {
    const lateRoot = createClinicRoot({ clinicName: 'Late', now: new Date('2006-04-01T00:00:00Z') });
    const signer = issueSignerCertificate({
      root: lateRoot.certificatePem,
      rootKeyPem: lateRoot.privateKeyPem,
      subject: { printedName: 'A', credentials: '', clinicName: 'Late', userId: 1 },
      now: new Date('2024-04-01T00:00:00Z'),
    });
    expect(new X509Certificate(signer.certificatePem).validTo).toBe(
      new X509Certificate(lateRoot.certificatePem).validTo,
    );
  });
});
