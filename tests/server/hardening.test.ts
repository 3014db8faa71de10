import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from '../../src/contract/security-headers';
import type { TestServer } from './raw-http';
import { apiHead, normalCall, rawExchange, startTestServer } from './raw-http';

describe('browser-mode server hardening', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  });
  afterAll(async () => {
    await test.stop();
  });

  const get = (path: string) => `GET ${path} HTTP/1.1\r\nHost: ${test.host}\r\nConnection: close\r\n\r\n`;

  it('answers GET /% (no secret) with 400 and keeps serving', async () => {
    const reply = await rawExchange(test.port, [get('/%')]);
    expect(reply.status).toBe(400);
    expect(reply.text).toContain('"code":"INVALID_INPUT"');
    expect((await normalCall(test.server.origin)).status).toBe(200);
  });

  it('answers a body over the limit with 413 and a JSON message, not a reset', async () => {
    const head = apiHead(test.host, { 'Content-Length': String(2 * 1024 * 1024) });
    const reply = await rawExchange(test.port, [head, 'x'.repeat(128 * 1024)]);
    expect(reply.status).toBe(413);
    const body = JSON.parse(reply.text.slice(reply.text.indexOf('\r\n\r\n') + 4)) as unknown;
    expect(body).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'The request is too large.' } });
    expect((await normalCall(test.server.origin)).status).toBe(200);
  });

  it('times out a client that sends its headers too slowly', async () => {
    const started = Date.now();
    const reply = await rawExchange(test.port, [`GET / HTTP/1.1\r\nHost: ${test.host}\r\n`], { deadlineMs: 5000 });
    expect(reply.status).toBe(408);
    expect(reply.closed).toBe(true);
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('times out a client that sends its body too slowly', async () => {
    const head = apiHead(test.host, { 'Content-Length': '100' });
    const reply = await rawExchange(test.port, [head, '{"me'], { deadlineMs: 5000 });
    expect(reply.status).toBe(408);
    expect(reply.closed).toBe(true);
  });

  it('sends the one set of security headers, no-store included, on data and on files', async () => {
    const body = JSON.stringify({ method: 'signIn.get', input: {} });
    const api = await rawExchange(test.port, [
      apiHead(test.host, { 'Content-Length': String(Buffer.byteLength(body)) }) + body,
    ]);
    const page = await rawExchange(test.port, [get('/')]);
    for (const reply of [api, page]) {
      expect(reply.status).toBe(200);
      for (const [name, value] of Object.entries(securityHeaders)) {
        expect(reply.headers.filter(([header]) => header === name.toLowerCase())).toEqual([
          [name.toLowerCase(), value],
        ]);
      }
      expect(reply.headers.filter(([header]) => header === 'content-security-policy')).toEqual([
        ['content-security-policy', contentSecurityPolicy],
      ]);
    }
    expect(api.headers).toContainEqual(['cache-control', 'no-store']);
  });

  it('serves the renderer with its content types, and no hidden files', async () => {
    const page = await rawExchange(test.port, [get('/')]);
    expect(page.headers).toContainEqual(['content-type', 'text/html; charset=utf-8']);
    const script = await rawExchange(test.port, [get('/app.js')]);
    expect(script.headers).toContainEqual(['content-type', 'text/javascript; charset=utf-8']);
    expect((await rawExchange(test.port, [get('/.hidden')])).status).toBe(404);
    expect((await rawExchange(test.port, [get('/missing.js')])).status).toBe(404);
  });
});

describe('connection cap', () => {
  it('closes connections over the cap and serves again once they are gone', async () => {
    const test = await startTestServer({ maxConnections: 3, headersTimeoutMs: 2000, requestTimeoutMs: 3000 });
    try {
      const idle = [1, 2, 3].map(() => rawExchange(test.port, [`GET / HTTP/1.1\r\n`], { deadlineMs: 600 }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const over = await rawExchange(test.port, [], { deadlineMs: 400 });
      expect(over).toMatchObject({ status: null, closed: true });
      await Promise.all(idle);
      expect((await normalCall(test.server.origin)).status).toBe(200);
    } finally {
      await test.stop();
    }
  });

  it('closes connections over the cap of one address, while another address is still served', async () => {
    const test = await startTestServer({ connectionsPerAddress: 2, headersTimeoutMs: 2000, requestTimeoutMs: 3000 });
    try {
      const idle = [1, 2].map(() => rawExchange(test.port, [`GET / HTTP/1.1\r\n`], { deadlineMs: 700 }));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const over = await rawExchange(test.port, [], { deadlineMs: 400 });
      expect(over).toMatchObject({ status: null, closed: true });
      const elsewhere = await rawExchange(test.port, [`GET / HTTP/1.1\r\nHost: ${test.host}\r\n\r\n`], {
        deadlineMs: 2000,
        localAddress: '127.0.0.3',
      });
      expect(elsewhere.status).toBe(200);
      await Promise.all(idle);
      expect((await normalCall(test.server.origin)).status).toBe(200);
    } finally {
      await test.stop();
    }
  });
});
