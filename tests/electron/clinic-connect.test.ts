import { describe, expect, it } from 'vitest';
import { clinicOrigin, clinicVerifyProc } from '../../electron/clinic-connect';
import { parseLaunchArguments } from '../../electron/paths';
import { isAppUrl } from '../../electron/protocol';
import { createClinicRoot } from '../../src/signing/clinic-root';
import { generateServerKeyPair, issueServerCertificate } from '../../src/signing/server-certificate';

const now = new Date();
const root = createClinicRoot({ clinicName: 'Harbor Infusion Clinic', now });
const impostorRoot = createClinicRoot({ clinicName: 'Harbor Infusion Clinic', now });
const key = generateServerKeyPair();
const certificateOf = (issuer: typeof root) =>
  issueServerCertificate({
    rootCertificatePem: issuer.certificatePem,
    rootKeyPem: issuer.privateKeyPem,
    subjectPublicKeyPem: key.publicKeyPem,
    hostNames: ['clinic-host.lan'],
    addresses: ['192.168.1.20'],
    now,
  });

type Proc = ReturnType<typeof clinicVerifyProc>;
type Request = Parameters<Proc>[0];

/** Runs the verify procedure as Chromium would and returns the code it answered. */
function verdict(proc: Proc, hostname: string, certificatePem: string): number {
  let code: number | undefined;
  proc({ hostname, certificate: { data: certificatePem } } as Request, (answer) => {
    code = answer;
  });
  if (code === undefined) throw new Error('the procedure did not answer');
  return code;
}

describe('connecting the desktop app to a clinic host', () => {
  it('takes only an https origin, nothing else in the address', () => {
    expect(clinicOrigin('https://clinic-host.lan:8443')).toBe('https://clinic-host.lan:8443');
    expect(clinicOrigin('https://192.168.1.20:8443/')).toBe('https://192.168.1.20:8443');
    for (const bad of [
      'http://clinic-host.lan:8443',
      'https://user:pw@clinic-host.lan',
      'https://h/x',
      'https://h/?a=1',
      'nonsense',
    ])
      expect(clinicOrigin(bad)).toBeNull();
  });

  it('accepts the clinic root’s certificate for the clinic host and refuses any other root, host or certificate', () => {
    const lines: string[] = [];
    const proc = clinicVerifyProc(root.certificatePem, 'https://clinic-host.lan:8443', (line) => lines.push(line));
    expect(verdict(proc, 'clinic-host.lan', certificateOf(root))).toBe(0);
    expect(verdict(proc, 'clinic-host.lan', certificateOf(impostorRoot))).toBe(-2);
    expect(lines.at(-1)).toMatch(/not issued by this clinic’s root/);
    // Another name the certificate holds is still not the host this app was pointed at.
    expect(verdict(proc, '192.168.1.20', certificateOf(root))).toBe(-2);
    expect(verdict(proc, 'clinic-host.lan', 'garbage')).toBe(-2);
  });

  it('reads --connect and --clinic-root, and keeps the window on that origin only', () => {
    const launch = parseLaunchArguments(
      ['electron', 'main.mjs', '--connect=https://clinic-host.lan:8443', '--clinic-root=root.pem'],
      '/home/nurse',
    );
    expect(launch.connect).toEqual({ url: 'https://clinic-host.lan:8443', rootPath: '/home/nurse/root.pem' });
    expect(parseLaunchArguments(['--connect=https://h'], '/').connect).toBeUndefined();
    expect(isAppUrl('https://clinic-host.lan:8443/#/chairside/1', 'https://clinic-host.lan:8443')).toBe(true);
    expect(isAppUrl('https://clinic-host.lan:8444/', 'https://clinic-host.lan:8443')).toBe(false);
    expect(isAppUrl('https://clinic-host.lan/', 'https://clinic-host.lan:8443')).toBe(false);
    expect(isAppUrl('app://dosing-ledger:1/index.html')).toBe(false);
  });
});
