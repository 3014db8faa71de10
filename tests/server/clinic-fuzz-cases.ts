import fc from 'fast-check';
import { isMethodName } from '../../src/contract/methods';
import {
  clinicApiPath,
  devicePath,
  eventsPath,
  requestHeader,
  rootCertificatePath,
} from '../../src/server/clinic-paths';
import { cookieCases, headerCases } from './clinic-fuzz-auth-cases';
import type { FuzzCase, FuzzContext } from './clinic-fuzz-request';
import { appRequest } from './clinic-fuzz-request';
import { rawRequest } from './raw-https';

export type { FuzzCase, FuzzContext } from './clinic-fuzz-request';
export { appRequest } from './clinic-fuzz-request';

const hex = fc.constantFrom(...'0123456789abcdefABCDEFgzG%/.'.split(''));
const pathChar = fc.constantFrom(...'abc/.%?#~-_:@!$&\'()*+,;=[]{}|\\^`"<> é\u0000'.split(''));
const badPath = fc.oneof(
  fc
    .array(
      fc.tuple(fc.constant('%'), fc.string({ unit: hex, maxLength: 2 })).map(([p, h]) => p + h),
      { minLength: 1, maxLength: 6 },
    )
    .map((parts) => `/${parts.join('')}`),
  fc.string({ unit: pathChar, minLength: 1, maxLength: 40 }).map((tail) => `/no-such/${tail}`),
  fc.string({ unit: pathChar, minLength: 1, maxLength: 20 }).map((tail) => `/api/${tail}`),
  fc.constantFrom(
    '/..%2f..%2fetc/passwd',
    '/%c0%ae%c0%ae/',
    '//',
    '/%00',
    '*',
    'http://evil.example/',
    '',
    '/.hidden',
    '/api/invoke/..%2f',
    '/api%2finvoke',
  ),
);
const anyVerb = fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PROPFIND', 'BREW', 'get');

function routeCases(context: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    fc.tuple(anyVerb, badPath).map(([verb, path]) => ({
      label: `${verb} ${path}`,
      parts: [
        rawRequest(`${verb} ${path} HTTP/1.1`, [
          ['Host', context.hostHeader],
          ['Connection', 'close'],
        ]),
      ],
    })),
    // Wrong methods on every route, from the signed-in device with the app's own headers.
    fc
      .oneof(
        fc.tuple(
          fc.constantFrom('GET', 'HEAD', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
          fc.constantFrom(clinicApiPath, devicePath),
        ),
        fc.tuple(
          fc.constantFrom('POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'),
          fc.constantFrom(eventsPath, rootCertificatePath),
        ),
      )
      .map(([verb, path]) => ({ label: `${verb} ${path}`, parts: [appRequest(context, { verb, path })] })),
  );
}

function bodyCases(context: FuzzContext): fc.Arbitrary<FuzzCase> {
  const wrongInput = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.integer(), { maxLength: 3 }),
    fc.record({ query: fc.oneof(fc.integer(), fc.string({ minLength: 201, maxLength: 300 })) }),
    fc.record({ query: fc.constant('a'), extra: fc.string() }),
  );
  const unknownMethod = fc
    .oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom(
        '__proto__',
        'constructor',
        'toString',
        'hasOwnProperty',
        'patients',
        'PATIENTS.SEARCH',
        ' patients.search',
      ),
    )
    .filter((name) => !isMethodName(name));
  const refusal = ['UNKNOWN_METHOD', 'INVALID_INPUT'] as const;
  return fc.oneof(
    fc
      .constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', undefined, 'json')
      .map((type) => ({
        label: `content type ${type}`,
        parts: [appRequest(context, { headers: { 'Content-Type': type } })],
      })),
    fc.string({ maxLength: 60 }).map((text) => ({
      label: `body ${text}`,
      parts: [appRequest(context, { body: text })],
      // A string that happens to be JSON (a number, "true") is a call of no method.
      refusalCodes: refusal,
    })),
    fc
      .oneof(
        fc.json({ maxDepth: 2 }).filter((text) => text.includes('method') === false),
        fc.constantFrom(
          '[]',
          '{}',
          '{"input":{}}',
          '{"method":null}',
          '{"method":["patients.search"]}',
          '{"__proto__":{"method":"patients.search"}}',
        ),
      )
      .map((body) => ({ label: `shape ${body}`, parts: [appRequest(context, { body })], refusalCodes: refusal })),
    fc
      .tuple(
        fc.constantFrom('patients.search', 'patients.get', 'sessions.addEntry', 'records.get', 'patients.create'),
        wrongInput,
      )
      .map(([method, input]) => ({
        label: `${method} with ${JSON.stringify(input)}`,
        parts: [appRequest(context, { body: JSON.stringify({ method, input }) })],
        refusalCodes: refusal,
      })),
    unknownMethod.map((method) => ({
      label: `method ${method}`,
      parts: [appRequest(context, { body: JSON.stringify({ method, input: {} }) })],
      refusalCodes: refusal,
    })),
    fc.integer({ min: 1_000, max: 30_000 }).map((depth) => ({
      label: `input nested ${depth} deep`,
      parts: [
        appRequest(context, {
          body: `{"method":"patients.search","input":{"query":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
        }),
      ],
      refusalCodes: refusal,
    })),
    fc
      .constantFrom(
        ['Content-Length', '5'],
        ['Host', context.hostHeader],
        ['Host', 'evil.test'],
        ['Transfer-Encoding', 'chunked'],
        [requestHeader, '1'],
        ['Origin', 'https://evil.test'],
      )
      .map(([name, value]) => ({
        label: `second ${name}: ${value}`,
        parts: [appRequest(context).replace('\r\n\r\n', `\r\n${name}: ${value}\r\n\r\n`)],
      })),
    fc.constantFrom('-1', 'abc', '1, 2', '99999999999999999999', '').map((length) => ({
      label: `content length ${length}`,
      parts: [appRequest(context, { contentLength: length })],
    })),
  );
}

function sizeAndTimeCases(context: FuzzContext): fc.Arbitrary<FuzzCase> {
  const head = (contentLength: string): string => appRequest(context, { body: '', contentLength });
  return fc.oneof(
    // Bodies over the limit, declared or chunked.
    fc.boolean().map((chunked) => ({
      label: chunked ? 'chunked body over the limit' : 'declared body over the limit',
      parts: chunked
        ? [
            appRequest(context, { body: '', headers: { 'Transfer-Encoding': 'chunked' }, contentLength: null }),
            `20000\r\n${'x'.repeat(0x20000)}\r\n`,
          ]
        : [head(String(10 * 1024 * 1024)), 'x'.repeat(100_000)],
    })),
    // Bodies trickled past the request time limit.
    fc.integer({ min: 8, max: 14 }).map((pieces) => ({
      label: `body trickled in ${pieces} pieces`,
      parts: [head('500'), ...Array.from({ length: pieces }, () => '{"')],
      gapMs: 150,
    })),
    fc.constant<FuzzCase>({
      label: 'headers trickled',
      parts: ['GET / HTTP/1.1\r\n', `Host: ${context.hostHeader}\r\n`, 'X-Slow: 1\r\n', 'X-Slow: 2\r\n'],
      gapMs: 300,
    }),
    // Garbage over TLS, and bytes that are not TLS at all.
    fc.uint8Array({ minLength: 0, maxLength: 300 }).map((bytes) => ({
      label: 'garbage over TLS',
      parts: [bytes],
      end: true,
      mayCloseUnanswered: true,
    })),
    fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 300 }), fc.constant(appRequest(context))).map((bytes) => ({
      label: 'not TLS',
      parts: [bytes],
      end: true,
      plainTcp: true,
      mayCloseUnanswered: true,
    })),
  );
}

/** Every kind of hostile request the clinic host must refuse without a 5xx. */
export function clinicFuzzCases(context: FuzzContext): fc.Arbitrary<FuzzCase> {
  return fc.oneof(
    cookieCases(context),
    headerCases(context),
    routeCases(context),
    bodyCases(context),
    sizeAndTimeCases(context),
  );
}
