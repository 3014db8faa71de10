import fc from 'fast-check';
import { deviceCookie, devicePath, eventsPath, requestHeader, sessionCookie } from '../../src/server/clinic-paths';
import type { FuzzCase, FuzzContext } from './clinic-fuzz-request';
import { appRequest, cookieOf } from './clinic-fuzz-request';

const tokenUnit = fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.split(''));
/** Shaped exactly like a token the host issues, but never issued. */
const forgedToken = fc.string({ unit: tokenUnit, minLength: 43, maxLength: 43 });
const anyCookieValue = fc.oneof(
  fc.string({ maxLength: 60 }),
  forgedToken,
  fc.constantFrom('', '%', '%E0%A4%A', '%zz', '"quoted"', '%00', 'a=b=c'),
);
const notSignedIn = ['NOT_SIGNED_IN'] as const;

/** Missing, forged, borrowed, duplicated and oversized cookies. */
export function cookieCases(context: FuzzContext): fc.Arbitrary<FuzzCase> {
  const { signedIn, otherDevice } = context;
  const cookieHeader = fc.oneof(
    fc.constant<string | undefined>(undefined),
    fc.tuple(anyCookieValue, anyCookieValue).map(([device, session]) => cookieOf(device, session)),
    // A signed-in session's token with a device it was not issued to.
    fc.tuple(forgedToken, fc.constant(signedIn.session)).map(([device, session]) => cookieOf(device, session)),
    fc.constant(cookieOf(otherDevice, signedIn.session)),
    // Duplicated cookies, in any order: whichever one is read, no session crosses devices.
    fc
      .shuffledSubarray([`${deviceCookie}=${otherDevice}`, `${sessionCookie}=${signedIn.session}`], {
        minLength: 2,
      })
      .chain((pairs) =>
        fc
          .tuple(forgedToken, anyCookieValue)
          .chain(([forged, session]) =>
            fc.shuffledSubarray(
              [...pairs, `${deviceCookie}=${forged}`, `${sessionCookie}=${session}`, `${deviceCookie}=`],
              { minLength: 3 },
            ),
          ),
      )
      .map((pairs) => pairs.join('; ')),
    fc.constantFrom(
      `__proto__=${otherDevice}; constructor=x; ${cookieOf(otherDevice, signedIn.session)}`,
      `${deviceCookie}=${otherDevice};;;; ; =; ${sessionCookie}`,
    ),
    // Very long cookie headers, under and over the header limit.
    fc
      .integer({ min: 1_000, max: 40_000 })
      .map((size) => `pad=${'c'.repeat(size)}; ${cookieOf(otherDevice, signedIn.session)}`),
  );
  return fc.oneof(
    cookieHeader.map((cookie) => ({
      label: `invoke with cookie ${String(cookie).slice(0, 80)}`,
      parts: [appRequest(context, { cookie })],
      refusalCodes: notSignedIn,
    })),
    fc
      .tuple(fc.option(anyCookieValue, { nil: undefined }), fc.option(anyCookieValue, { nil: undefined }))
      .map(([device, session]) => ({
        label: 'events with a forged device',
        parts: [appRequest(context, { verb: 'GET', path: eventsPath, cookie: cookieOf(device, session), body: '' })],
      })),
    // The cookies over two header lines (Node joins them): a borrowed session still fails.
    fc.constant<FuzzCase>({
      label: 'cookies over two header lines',
      parts: [
        appRequest(context, { cookie: cookieOf(otherDevice) }).replace(
          '\r\n\r\n',
          `\r\nCookie: ${cookieOf(undefined, signedIn.session)}\r\n\r\n`,
        ),
      ],
      refusalCodes: notSignedIn,
    }),
    // Without asking to enrol, a device only learns its own state.
    fc
      .tuple(anyCookieValue, fc.constantFrom('{}', '{"enrol":"yes"}', '{"enrol":1}', 'null', 'nonsense'))
      .map(([device, body]) => ({
        label: `device state with cookie ${device}`,
        parts: [appRequest(context, { path: devicePath, cookie: cookieOf(device), body })],
        accepts200: (value: unknown) => (value as { value?: { status?: string } }).value?.status === 'unknown',
      })),
    // Asking to enrol with a forged cookie is a new pairing request: it writes, or is refused.
    anyCookieValue.map((device) => ({
      label: 'enrol with a forged cookie',
      parts: [appRequest(context, { path: devicePath, cookie: cookieOf(device), body: '{"enrol":true}' })],
      mayWrite: true,
      accepts200: (value: unknown) => (value as { value?: { status?: string } }).value?.status === 'pending',
    })),
  );
}

/** Wrong or missing Host, cross-site calls, oversized headers. */
export function headerCases(context: FuzzContext): fc.Arbitrary<FuzzCase> {
  const wrongHost = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      undefined,
      '',
      'evil.test',
      '127.0.0.1',
      '127.0.0.2',
      `127.0.0.1:${context.hostHeader.split(':')[1]}`,
      `${context.hostHeader}.evil.test`,
      `evil.test@${context.hostHeader}`,
      `${context.hostHeader}:443`,
    ),
  );
  const crossSite = fc.oneof(
    fc.record({ [requestHeader]: fc.constantFrom(undefined, '', '0', 'true', '11') }),
    fc.record({ Origin: fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('https://evil.test', 'null')) }),
    fc.record({ Origin: fc.constant(`http://${context.hostHeader}`) }),
    fc.record({ 'Sec-Fetch-Site': fc.constantFrom('cross-site', 'same-site', 'none', '') }),
  );
  return fc.oneof(
    fc
      .tuple(
        wrongHost.filter((host) => host?.toLowerCase() !== context.hostHeader),
        fc.constantFrom('HTTP/1.1', 'HTTP/1.0'),
      )
      .map(([host, version]) => ({
        label: `${version} host ${host}`,
        parts: [appRequest(context, { host }).replace('HTTP/1.1', version)],
      })),
    crossSite.map((headers) => ({
      label: `cross-site ${JSON.stringify(headers)}`,
      parts: [appRequest(context, { headers: headers })],
    })),
    fc.integer({ min: 17_000, max: 70_000 }).map((size) => ({
      label: `header of ${size} bytes`,
      parts: [appRequest(context, { headers: { 'X-Padding': 'a'.repeat(size) } })],
    })),
  );
}
