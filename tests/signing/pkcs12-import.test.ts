import { X509Certificate } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPkcs12 } from '../../src/signing/pkcs12-import';
import { WrongPasswordError } from '../../src/signing/private-key-protection';
import { samePublicKey } from '../../src/signing/signing-key';
import { verifyPdf } from '../../src/signing/verify-pdf';
import {
  createClinic,
  createRsaIdentity,
  forgePkcs12,
  nssDatabaseTrusting,
  pdfsig,
  scratchDirectory,
  signedPlanSummary,
  writeScratch,
} from './signing-fixture';

function opensslPkcs12(
  identity: { certificatePem: string; privateKeyPem: string; chainPems: string[] },
  password: string,
  legacy: boolean,
): Buffer {
  const directory = scratchDirectory();
  const output = join(directory, 'identity.p12');
  const result = spawnSync(
    'openssl',
    [
      'pkcs12',
      '-export',
      '-inkey',
      writeScratch(directory, 'key.pem', identity.privateKeyPem),
      '-in',
      writeScratch(directory, 'cert.pem', identity.certificatePem),
      '-certfile',
      writeScratch(directory, 'chain.pem', identity.chainPems.join('')),
      '-passout',
      `pass:${password}`,
      ...(legacy ? ['-legacy'] : []),
      '-out',
      output,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(result.stderr);
  return readFileSync(output);
}

describe('importPkcs12', () => {
  it('imports an RSA identity made by node-forge, with its chain, and it signs verifiable PDFs', () => {
    const rsa = createRsaIdentity();
    const p12 = forgePkcs12(
      { certificatePem: rsa.certificatePem, privateKeyPem: rsa.privateKeyPem, chainPems: [rsa.rootPem] },
      'p12 secret',
    );
    const imported = importPkcs12(p12, 'p12 secret');
    expect(new X509Certificate(imported.certificatePem).fingerprint256).toBe(
      new X509Certificate(rsa.certificatePem).fingerprint256,
    );
    expect(imported.chainPems.map((pem) => new X509Certificate(pem).fingerprint256)).toEqual([
      new X509Certificate(rsa.rootPem).fingerprint256,
    ]);
    expect(
      samePublicKey(
        new X509Certificate(imported.certificatePem).publicKey,
        new X509Certificate(rsa.certificatePem).publicKey,
      ),
    ).toBe(true);

    const signed = signedPlanSummary({
      root: { certificatePem: rsa.rootPem, privateKeyPem: rsa.rootKeyPem },
      physician: { certificatePem: imported.certificatePem, privateKeyPem: imported.privateKeyPem },
    });
    expect(verifyPdf(signed, { trustedRootPems: [rsa.rootPem] }).valid).toBe(true);
    const directory = scratchDirectory();
    const report = pdfsig(writeScratch(directory, 'rsa.pdf', signed), nssDatabaseTrusting(directory, rsa.rootPem));
    expect(report).toContain('Signature is Valid.');
    expect(report).toContain('Certificate is Trusted.');
  });

  it('imports the clinic’s own P-256 identity from OpenSSL PKCS#12, modern (AES-256) and legacy (3DES/RC2)', () => {
    const clinic = createClinic();
    const identity = {
      certificatePem: clinic.physician.certificatePem,
      privateKeyPem: clinic.physician.privateKeyPem,
      chainPems: [clinic.root.certificatePem],
    };
    for (const legacy of [false, true]) {
      const imported = importPkcs12(opensslPkcs12(identity, 'pw-2026', legacy), 'pw-2026');
      expect(new X509Certificate(imported.certificatePem).fingerprint256).toBe(
        new X509Certificate(identity.certificatePem).fingerprint256,
      );
      expect(imported.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
      expect(imported.chainPems).toHaveLength(1);
    }
  });

  it('refuses a wrong password and a file that is not PKCS#12', () => {
    const clinic = createClinic();
    const p12 = opensslPkcs12(
      {
        certificatePem: clinic.physician.certificatePem,
        privateKeyPem: clinic.physician.privateKeyPem,
        chainPems: [clinic.root.certificatePem],
      },
      'right',
      false,
    );
    expect(() => importPkcs12(p12, 'wrong')).toThrow(WrongPasswordError);
    expect(() => importPkcs12(Buffer.from('not a p12'), 'x')).toThrow(/not a readable PKCS#12/);
  });
});
