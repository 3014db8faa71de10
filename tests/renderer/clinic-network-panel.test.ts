import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/contract/methods';
import type { SharingStatus } from '../../src/domain/clinic-sharing';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { addressLabel, SharingCard } from '../../src/renderer/features/devices/ClinicNetworkPanel';

const fingerprint = Array.from({ length: 32 }, (_, index) => (index * 5).toString(16).padStart(2, '0')).join(':');

function markup(element: ReactElement): string {
  const context = {
    signIn: {
      state: 'active',
      clinic: { name: 'Harbor Infusion Clinic', address: '', timeZone: 'America/New_York', autoLockMinutes: 10 },
      user: { id: 1, username: 'admin', displayName: 'Alex Admin', credentials: '', role: 'admin' },
      serverTime: new Date().toISOString(),
      locksAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  } as unknown as SignInContextValue;
  return renderToStaticMarkup(createElement(SignInContext.Provider, { value: context }, element));
}

function card(status: SharingStatus): string {
  const sharing: MethodOutput<'host.sharing'> = {
    available: true,
    status,
    addresses: [
      { address: '192.168.1.20', family: 'IPv4', interfaceName: 'eth0', internal: false },
      { address: '127.0.0.1', family: 'IPv4', interfaceName: 'lo', internal: true },
    ],
    certifiedAddresses: ['192.168.1.20'],
  };
  return markup(createElement(SharingCard, { sharing, onChanged: () => undefined }));
}

describe('the clinic network switch on the Devices page', () => {
  it('offers this computer’s addresses (loopback said for what it is), the port and the password when not shared', () => {
    const html = card({ state: 'off' });
    expect(html).toContain('Not shared.');
    expect(html).toContain('<option value="192.168.1.20">192.168.1.20 (eth0, IPv4) — certificate issued</option>');
    expect(html).toContain('127.0.0.1 (this computer only: no other device can reach it)');
    expect(html).toContain('id="sharing-port"');
    expect(html).toContain('type="password"');
    expect(html).toContain('>Share on the clinic network</button>');
    expect(html).not.toContain('Stop sharing');
  });

  it('shows where devices reach it, since when in clinic time, and the root fingerprint, with Stop sharing', () => {
    const html = card({
      state: 'serving',
      address: '192.168.1.20',
      port: 8443,
      origin: 'https://192.168.1.20:8443',
      hostNames: ['https://front-desk:8443'],
      rootFingerprintSha256: fingerprint,
      since: '2026-12-07T14:05:00.000Z',
    });
    expect(html).toContain('<strong>https://192.168.1.20:8443</strong>');
    expect(html).toContain('https://front-desk:8443');
    expect(html).toContain(fingerprint);
    expect(html).toMatch(/07-Dec-2026.*09:05/);
    expect(html).toContain('>Stop sharing</button>');
    expect(html).not.toContain('type="password"');
  });

  it('says why a start failed, and offers to try again', () => {
    const html = card({
      state: 'failed',
      address: '192.168.1.20',
      port: 9443,
      message: 'Port 9443 is already in use on this computer: choose another port.',
    });
    expect(html).toContain('role="alert"');
    expect(html).toContain('did not start: Port 9443 is already in use on this computer: choose another port.');
    expect(html).toContain('>Share on the clinic network</button>');
  });

  it('labels addresses with their interface', () => {
    expect(addressLabel({ address: 'fd00::5', family: 'IPv6', interfaceName: 'wlan0', internal: false })).toBe(
      'fd00::5 (wlan0, IPv6)',
    );
  });
});
