import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect } from '../../src/renderer/lib/api';
import { askDevice, fingerprintLines } from '../../src/renderer/lib/clinic-device';
import { clinicInvoke, unreachableMessage } from '../../src/renderer/lib/clinic-invoke';

/** A fetch that records what the page sent and answers with `reply` (or throws it). */
function recordingFetch(reply: Response | Error) {
  const sent: { url: string; init: RequestInit }[] = [];
  const fetchFn = (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(reply);
  };
  return { sent, fetchFn };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function transportEvents() {
  return { onUnreachable: vi.fn(), onReachable: vi.fn(), onDeviceRefused: vi.fn() };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the clinic transport', () => {
  it('sends the app’s header, JSON and the same-origin cookies, and no secret, to /api/invoke', async () => {
    const { sent, fetchFn } = recordingFetch(json(200, { ok: true, value: { state: 'signed-out' } }));
    const events = transportEvents();
    const result = await clinicInvoke(events, fetchFn)('signIn.get', {});
    expect(result).toEqual({ ok: true, value: { state: 'signed-out' } });
    expect(sent).toHaveLength(1);
    const [{ url, init }] = sent as [{ url: string; init: RequestInit }];
    expect(url).toBe('/api/invoke');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.headers).toEqual({ 'content-type': 'application/json', 'x-ledger-request': '1' });
    expect(JSON.stringify(init.headers)).not.toMatch(/secret|sign-in|authorization|cookie/i);
    expect(JSON.parse(init.body as string)).toEqual({ method: 'signIn.get', input: {} });
    expect(events.onReachable).toHaveBeenCalledOnce();
    expect(events.onUnreachable).not.toHaveBeenCalled();
  });

  it('returns an error value, and reports the host unreachable, when fetch throws or a gateway answers', async () => {
    for (const reply of [new TypeError('Failed to fetch'), json(502, {}), json(503, {}), json(504, {})]) {
      const events = transportEvents();
      const result = await clinicInvoke(events, recordingFetch(reply).fetchFn)('signIn.get', {});
      expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: unreachableMessage } });
      expect(events.onUnreachable).toHaveBeenCalledOnce();
      expect(events.onReachable).not.toHaveBeenCalled();
    }
  });

  it('sends a revoked device back to the device gate, but not a refusal of the page’s origin', async () => {
    const revoked = transportEvents();
    const refusal = {
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'This device was revoked by an administrator. Ask an administrator to enrol it again.',
      },
    };
    const result = await clinicInvoke(revoked, recordingFetch(json(403, refusal)).fetchFn)('signIn.get', {});
    expect(result).toEqual(refusal);
    expect(revoked.onDeviceRefused).toHaveBeenCalledOnce();

    const crossSite = transportEvents();
    await clinicInvoke(
      crossSite,
      recordingFetch(json(403, { ok: false, error: { code: 'FORBIDDEN', message: 'Cross-site calls are refused.' } }))
        .fetchFn,
    )('signIn.get', {});
    expect(crossSite.onDeviceRefused).not.toHaveBeenCalled();

    // A refusal by role is an answer like any other (200), and keeps the device.
    const byRole = transportEvents();
    await clinicInvoke(
      byRole,
      recordingFetch(json(200, { ok: false, error: { code: 'FORBIDDEN', message: 'Not for your role.' } })).fetchFn,
    )('devices.list', {});
    expect(byRole.onDeviceRefused).not.toHaveBeenCalled();
  });

  it('asks /api/device with the same header, and asks to enrol only when told to', async () => {
    const answer = {
      ok: true,
      value: { status: 'pending', pairingCode: 'K7QM-4Z2P', name: null, rootFingerprint: 'AB:CD' },
    };
    const { sent, fetchFn } = recordingFetch(json(200, answer));
    expect(await askDevice(true, fetchFn)).toEqual({ kind: 'answer', device: answer.value });
    expect(sent[0]?.url).toBe('/api/device');
    expect(sent[0]?.init.headers).toEqual({ 'content-type': 'application/json', 'x-ledger-request': '1' });
    expect(JSON.parse(sent[0]?.init.body as string)).toEqual({ enrol: true });
    await askDevice(false, fetchFn);
    expect(JSON.parse(sent[1]?.init.body as string)).toEqual({});
    expect(await askDevice(false, recordingFetch(new TypeError('offline')).fetchFn)).toEqual({ kind: 'unreachable' });
    expect(
      await askDevice(
        true,
        recordingFetch(json(429, { ok: false, error: { code: 'FORBIDDEN', message: 'Too many requests wait.' } }))
          .fetchFn,
      ),
    ).toEqual({ kind: 'busy', message: 'Too many requests wait.' });
    // The rate limit's own answer is not the contract's shape: still busy, asked again later.
    expect(await askDevice(false, recordingFetch(json(429, { statusCode: 429 })).fetchFn)).toEqual({
      kind: 'busy',
      message: 'The clinic host is busy. This device will ask again in a moment.',
    });
    expect(await askDevice(false, recordingFetch(json(403, { nonsense: true })).fetchFn)).toMatchObject({
      kind: 'refused',
    });
  });

  it('splits the root fingerprint into four lines of eight pairs', () => {
    const pairs = Array.from({ length: 32 }, (_, index) => index.toString(16).padStart(2, '0').toUpperCase());
    const lines = fingerprintLines(pairs.join(':'));
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('00:01:02:03:04:05:06:07');
    expect(lines.join(':')).toBe(pairs.join(':'));
  });
});

describe('choosing the transport', () => {
  it('uses the clinic transport for a page served over https, and Electron’s bridge whenever it is there', () => {
    vi.stubGlobal('window', { location: { protocol: 'https:', hash: '' } });
    const clinic = connect();
    expect(clinic.ok && clinic.clinic).toBe(true);

    vi.stubGlobal('window', { location: { protocol: 'https:', hash: '' }, ledger: { invoke: vi.fn() } });
    const electron = connect();
    expect(electron.ok && !electron.clinic).toBe(true);
  });

  it('keeps browser mode (plain http on 127.0.0.1) on its launch secret', () => {
    const stored = new Map<string, string>();
    vi.stubGlobal('sessionStorage', {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => stored.set(key, value),
    });
    vi.stubGlobal('window', { location: { protocol: 'http:', hash: '', pathname: '/', search: '' } });
    expect(connect()).toEqual({ ok: false, message: 'Open the address printed when the app started.' });
    stored.set('ledger.secret', 'abc');
    const browser = connect();
    expect(browser.ok && !browser.clinic).toBe(true);
  });
});
