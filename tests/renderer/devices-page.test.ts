import { createHash, randomBytes } from 'node:crypto';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../src/domain/devices';
import { requestDeviceEnrolment } from '../../src/services/devices';
import type { SignIn } from '../../src/services/sign-in';
import { navItemsFor } from '../../src/renderer/app/navigation';
import { DeviceEnrolScreen } from '../../src/renderer/features/devices/DeviceEnrolScreen';
import { DeviceList } from '../../src/renderer/features/devices/DeviceList';
import { pageWords } from '../../src/renderer/features/devices/DevicesPage';
import type { DeviceAnswer } from '../../src/renderer/lib/clinic-device';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic } from '../support/test-app';

const fingerprint = Array.from({ length: 32 }, (_, index) =>
  (index * 7).toString(16).padStart(2, '0').toUpperCase(),
).join(':');

function gate(device: Partial<DeviceAnswer>): string {
  return renderToStaticMarkup(
    createElement(DeviceEnrolScreen, {
      device: { status: 'unknown', pairingCode: null, name: null, rootFingerprint: fingerprint, ...device },
      asking: false,
      problem: null,
      onEnrol: () => undefined,
    }),
  );
}

describe('the device gate', () => {
  it('shows a waiting device its pairing code, large, the root fingerprint, and what to do', () => {
    const html = gate({ status: 'pending', pairingCode: 'K7QM-4Z2P' });
    expect(html).toContain('<p class="device-code">K7QM-4Z2P</p>');
    expect(html).toContain(
      'Ask an administrator to approve code <strong class="device-code-inline">K7QM-4Z2P</strong> on the Devices page or on the host.',
    );
    expect(html).toContain(`<code>${fingerprint.slice(0, 23)}</code>`);
    expect(html).toContain('Clinic certificate fingerprint (SHA-256)');
    expect(html).toContain('Waiting for approval');
    expect(html).not.toContain('Ask to enrol this device');
  });

  it('offers the enrol button to an unknown, expired or revoked device, with no code', () => {
    for (const status of ['unknown', 'expired', 'revoked'] as const) {
      const html = gate({ status });
      expect(html).toContain('<h1 tabindex="-1">Enrol this device</h1>');
      expect(html).toContain('>Ask to enrol this device</button>');
      expect(html).not.toContain('device-code');
      expect(html).toContain(`<code>${fingerprint.slice(0, 23)}</code>`);
    }
    expect(gate({ status: 'revoked' })).toContain('An administrator revoked this device');
    expect(gate({ status: 'expired' })).toContain('expired before an administrator approved it');
  });
});

describe('the Devices page', () => {
  let app: TestApp;
  let admin: SignIn;
  let devices: Device[];

  beforeAll(() => {
    app = createTestApp();
    admin = setUpClinic(app, 'America/New_York');
    const ask = (offsetMs: number, userAgent: string) => {
      const result = requestDeviceEnrolment(
        app.ledger,
        {
          tokenSha256: createHash('sha256').update(randomBytes(32)).digest('hex'),
          requestedFrom: '10.0.0.7',
          userAgent,
        },
        () => new Date(Date.now() + offsetMs),
      );
      if (!result.ok) throw new Error(result.message);
    };
    // Oldest first: two expired requests, one to be enrolled (and revoked later), one still waiting.
    ask(-120 * 60_000, 'Old tablet');
    ask(-60 * 60_000, 'Expired tablet');
    ask(-2 * 60_000, 'iPad');
    ask(0, 'Waiting tablet');
    const listed = app.ok(admin, 'devices.list', {}).devices;
    const code = (agent: string) => listed.find((device) => device.userAgent === agent)?.pairingCode ?? '';
    app.ok(admin, 'devices.approve', { pairingCode: code('iPad'), name: 'Chair 3 tablet' });
    devices = app.ok(admin, 'devices.list', {}).devices;
  });

  afterAll(() => app.cleanup());

  it('lists the host’s devices newest first with their status in words and clinic times with offsets', () => {
    const html = renderToStaticMarkup(
      createElement(DeviceList, {
        devices,
        clinicTimeZone: 'America/New_York',
        onRename: () => undefined,
        onRevoke: () => undefined,
      }),
    );
    expect(devices.map((device) => device.userAgent)).toEqual([
      'Waiting tablet',
      'iPad',
      'Expired tablet',
      'Old tablet',
    ]);
    for (const word of ['Waiting for approval', 'Enrolled', 'Request expired']) expect(html).toContain(word);
    expect(html).toContain('Chair 3 tablet');
    expect(html).toContain('10.0.0.7');
    // New York in winter or summer: every time carries its offset.
    expect(html).toMatch(/Requested \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC−0[45]:00/);
    expect(html).toMatch(/Approved \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC−0[45]:00 by /);
    // Rename only for an enrolled device; revoke for an enrolled one or a waiting request.
    expect(html.match(/>Rename<span/g)).toHaveLength(1);
    expect(html.match(/>Revoke<span/g)).toHaveLength(2);
  });

  it('shows a revoked device with who revoked it, when, and why', () => {
    const enrolled = devices.find((device) => device.status === 'active');
    if (enrolled === undefined) throw new Error('no enrolled device');
    app.ok(admin, 'devices.revoke', { deviceId: enrolled.id, reason: 'Tablet lost' });
    const html = renderToStaticMarkup(
      createElement(DeviceList, {
        devices: app.ok(admin, 'devices.list', {}).devices,
        clinicTimeZone: 'America/New_York',
        onRename: () => undefined,
        onRevoke: () => undefined,
      }),
    );
    expect(html).toContain('<strong>Revoked</strong>');
    expect(html).toMatch(/Revoked \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC−0[45]:00 by /);
    expect(html).toContain('Reason <span dir="auto">Tablet lost</span>');
  });

  it('says which page of the list is shown, and is in the administrator’s menu only', () => {
    expect(pageWords(20, 5, 25)).toBe('Devices 21–25 of 25');
    expect(navItemsFor('admin').map((item) => item.to)).toContain('/devices');
    expect(navItemsFor('nurse').map((item) => item.to)).not.toContain('/devices');
  });
});
