import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClinicHost } from '../../src/server/clinic-host';
import type { RunningClinicHost } from '../../src/server/clinic-host';
import { hostCertificateProblem } from '../../src/signing/clinic-trust';
import { createClinicRoot } from '../../src/signing/clinic-root';
import { generateServerKeyPair, issueServerCertificate } from '../../src/signing/server-certificate';
import { tempLedger } from '../support/temp-ledger';
import type { TempLedger } from '../support/temp-ledger';

const now = new Date();
const clinicRoot = createClinicRoot({ clinicName: 'Harbor Infusion Clinic', now });
const otherRoot = createClinicRoot({ clinicName: 'Harbor Infusion Clinic', now });
const hostKey = generateServerKeyPair();

function serverCertificate(root = clinicRoot, names = { hostNames: ['clinic-host.test'], addresses: ['127.0.0.2'] }) {
  return issueServerCertificate({
    rootCertificatePem: root.certificatePem,
    rootKeyPem: root.privateKeyPem,
    subjectPublicKeyPem: hostKey.publicKeyPem,
    ...names,
    now,
  });
}

const check = (certificatePem: string, host = 'clinic-host.test', at = now) =>
  hostCertificateProblem({ certificatePem, rootPem: clinicRoot.certificatePem, host, now: at });

describe('hostCertificateProblem: what the desktop client accepts from a clinic host', () => {
  it('accepts a certificate of the pinned clinic root that names the host or address connected to', () => {
    const certificate = serverCertificate();
    expect(check(certificate)).toBeNull();
    expect(check(certificate, '127.0.0.2')).toBeNull();
    expect(check(certificate, 'CLINIC-HOST.test')).toBeNull();
  });

  it('refuses a certificate from any other root, even one with the same clinic name', () => {
    expect(check(serverCertificate(otherRoot))).toMatch(/not issued by this clinic’s root/);
  });

  it('refuses another host name or address, an expired certificate, the root itself and garbage', () => {
    const certificate = serverCertificate();
    expect(check(certificate, 'elsewhere.test')).toMatch(/does not name elsewhere\.test/);
    expect(check(certificate, '127.0.0.3')).toMatch(/does not name 127\.0\.0\.3/);
    expect(check(certificate, 'clinic-host.test', new Date(now.getTime() + 400 * 24 * 3600_000))).toMatch(
      /not valid at this time/,
    );
    expect(check(clinicRoot.certificatePem)).toMatch(/not issued by|certificate authority/);
    expect(check('not a certificate')).toMatch(/no readable certificate/);
    expect(
      hostCertificateProblem({ certificatePem: certificate, rootPem: 'x', host: 'clinic-host.test', now }),
    ).toMatch(/pinned clinic root/);
  });
});

describe('a clinic host presenting a certificate of another root', () => {
  let ledger: TempLedger;
  let host: RunningClinicHost;
  let staticDir: string;

  beforeAll(async () => {
    ledger = tempLedger();
    staticDir = mkdtempSync(join(tmpdir(), 'dosing-ledger-static-'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>x</title>');
    // An impostor on the clinic network: a host whose certificate another authority issued.
    host = await startClinicHost({
      ledger: ledger.ledger,
      listen: { address: '127.0.0.2', port: 0 },
      hostNames: ['clinic-host.test'],
      tls: { keyPem: hostKey.privateKeyPem, certificatePem: serverCertificate(otherRoot) },
      rootCertificatePem: otherRoot.certificatePem,
      staticDir,
    });
  });
  afterAll(async () => {
    await host.close();
    ledger.cleanup();
    rmSync(staticDir, { recursive: true, force: true });
  });

  /** What Electron hands the verify procedure: the certificate the host presented. */
  function presented(): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect(
        { host: '127.0.0.2', port: host.port, servername: 'clinic-host.test', rejectUnauthorized: false },
        () => {
          const der = socket.getPeerCertificate().raw;
          socket.end();
          resolve(`-----BEGIN CERTIFICATE-----\n${der.toString('base64')}\n-----END CERTIFICATE-----\n`);
        },
      );
      socket.on('error', reject);
    });
  }

  it('is refused by a device that pinned the clinic root', async () => {
    const certificate = await presented();
    expect(check(certificate, 'clinic-host.test', new Date())).toMatch(/not issued by this clinic’s root/);
    expect(
      hostCertificateProblem({
        certificatePem: certificate,
        rootPem: otherRoot.certificatePem,
        host: 'clinic-host.test',
        now: new Date(),
      }),
    ).toBeNull();
  });
});
