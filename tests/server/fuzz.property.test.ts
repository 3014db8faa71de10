import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiPath, launchPath, secretHeader, signInHeader } from '../../src/server/serve';
import type { TestServer } from './raw-http';
import { apiHead, normalCall, rawExchange, startTestServer, testSecret } from './raw-http';

/** One malformed request: the bytes to send, how slowly, and whether it may be closed unanswered. */
interface Malformed {
  parts: (string | Uint8Array)[];
  gapMs?: number;
  end?: boolean;
  /** Bytes that are not HTTP may be answered 400 or simply closed. */
  mayCloseUnanswered?: boolean;
}

const hex = fc.constantFrom(...'0123456789abcdefABCDEFgzG%/.'.split(''));
const pathChar = fc.constantFrom(...'abc/.%?#~-_:@!$&\'()*+,;=[]{}|\\^`"<> é\u0000'.split(''));
const badPath = fc.oneof(
  fc
    .array(
      fc.tuple(fc.constant('%'), fc.string({ unit: hex, maxLength: 2 })).map(([p, h]) => p + h),
      {
        minLength: 1,
        maxLength: 6,
      },
    )
    .map((parts) => `/${parts.join('')}`),
  fc.string({ unit: pathChar, minLength: 1, maxLength: 40 }).map((tail) => `/no-such/${tail}`),
  fc.constantFrom('/..%2f..%2fetc/passwd', '/%c0%ae%c0%ae/', '//', '/%00', '*', 'http://evil.example/', ''),
);
const method = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'BREW', 'get');
const secretValue = fc.option(fc.oneof(fc.string({ maxLength: 40 }), fc.constant(`${testSecret}x`)), {
  nil: undefined,
});
const signInValue = fc.option(fc.oneof(fc.string({ maxLength: 80 }), fc.constant('short')), { nil: undefined });

function request(host: string, line: string, headers: Record<string, string | undefined>, body = ''): string {
  const lines = Object.entries({ Host: host, Connection: 'close', ...headers })
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([name, value]) => `${name}: ${value.replace(/[\r\n]/g, ' ')}`);
  return `${line}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}

function malformed(host: string): fc.Arbitrary<Malformed> {
  return fc.oneof(
    // Bad paths and percent-encodings, any method, no secret.
    fc.tuple(method, badPath).map(([verb, path]) => ({ parts: [request(host, `${verb} ${path} HTTP/1.1`, {})] })),
    // Wrong methods on the API and the launch exchange.
    fc
      .tuple(fc.constantFrom('GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), fc.constantFrom(apiPath, launchPath))
      .map(([verb, path]) => ({ parts: [request(host, `${verb} ${path} HTTP/1.1`, {})] })),
    // Missing or forged secret (never the real one), with any sign-in header and content type.
    fc
      .tuple(secretValue, signInValue, fc.constantFrom('application/json', 'text/plain', undefined))
      .map(([secret, signIn, type]) => {
        const body = JSON.stringify({ method: 'signIn.get', input: {} });
        return {
          parts: [
            request(
              host,
              `POST ${apiPath} HTTP/1.1`,
              {
                [secretHeader]: secret,
                [signInHeader]: signIn,
                'Content-Type': type,
                'Content-Length': String(body.length),
              },
              body,
            ),
          ],
        };
      }),
    // Huge headers.
    fc.integer({ min: 17_000, max: 70_000 }).map((size) => ({
      parts: [request(host, 'GET / HTTP/1.1', { 'X-Padding': 'a'.repeat(size) })],
    })),
    // Oversized bodies, declared or chunked, with a valid secret.
    fc.boolean().map((chunked) => ({
      parts: chunked
        ? [apiHead(host, { 'Transfer-Encoding': 'chunked' }), `20000\r\n${'x'.repeat(0x20000)}\r\n`]
        : [apiHead(host, { 'Content-Length': String(10 * 1024 * 1024) }), 'x'.repeat(100_000)],
    })),
    // Slow bodies and slow headers.
    fc.integer({ min: 1, max: 4 }).map((pieces) => ({
      parts: [apiHead(host, { 'Content-Length': '500' }), ...Array.from({ length: pieces }, () => '{"')],
      gapMs: 100,
    })),
    fc.constant<Malformed>({ parts: ['GET / HTTP/1.1\r\n', `Host: ${host}\r\n`], gapMs: 100 }),
    // Broken JSON and bad lengths with a valid secret.
    fc.string({ maxLength: 30 }).map((text) => ({
      parts: [apiHead(host, { 'Content-Length': String(Buffer.byteLength(text) + 5) }) + text],
    })),
    fc.constantFrom('-1', 'abc', '1, 2', '99999999999999999999').map((length) => ({
      parts: [apiHead(host, { 'Content-Length': length })],
    })),
    // Garbage bytes.
    fc
      .uint8Array({ minLength: 0, maxLength: 300 })
      .map((bytes) => ({ parts: [bytes], end: true, mayCloseUnanswered: true })),
  );
}

describe('the server under malformed requests', () => {
  let test: TestServer;
  beforeAll(async () => {
    test = await startTestServer();
  });
  afterAll(async () => {
    await test.stop();
  });

  it('answers each with a 4xx (or closes garbage), never crashes or stalls, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(malformed(test.host), async (sent) => {
        const reply = await rawExchange(test.port, sent.parts, { gapMs: sent.gapMs, end: sent.end, deadlineMs: 5000 });
        // No stall: every connection is answered or closed well before the deadline.
        expect(reply.closed || reply.status !== null).toBe(true);
        if (reply.status === null) expect(sent.mayCloseUnanswered).toBe(true);
        else expect(reply.status >= 400 && reply.status < 500, `status ${reply.status}`).toBe(true);
        const after = await normalCall(test.server.origin);
        expect(after).toEqual({ status: 200, body: { ok: true, value: { state: 'not-initialized' } } });
      }),
      { numRuns: 80 },
    );
  }, 120_000);
});
