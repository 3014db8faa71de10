import { clinicApiPath, deviceCookie, requestHeader, sessionCookie } from '../../src/server/clinic-paths';
import { rawRequest } from './raw-https';

/** The clinic fuzz test's request shapes: what a case is, and the app's own request to vary. */
export interface FuzzContext {
  hostHeader: string;
  origin: string;
  /** Device A: enrolled, approved, a nurse signed in; the normal call after every case uses it. */
  signedIn: { device: string; session: string };
  /** Device B: enrolled and approved, nobody ever signed in on it. */
  otherDevice: string;
}

/** One hostile request: its bytes, how they are sent, and which answers are acceptable. */
export interface FuzzCase {
  label: string;
  parts: (string | Uint8Array)[];
  gapMs?: number;
  end?: boolean;
  /** Bytes sent without TLS to the TLS port. */
  plainTcp?: boolean;
  /** Bytes that are not HTTP may be answered 400 or simply closed. */
  mayCloseUnanswered?: boolean;
  /**
   * Contract refusals are answered 200 with an error value (the renderer shows its message):
   * the codes this case may get that way. Absent: only a 4xx will do.
   */
  refusalCodes?: readonly string[];
  /** A 200 this case may get besides a refusal (the device's state, a pairing request). */
  accepts200?: (body: unknown) => boolean;
  /** A pairing request writes (and audits) a waiting device: the audit head may move. */
  mayWrite?: boolean;
}

export interface PostOptions {
  path?: string;
  verb?: string;
  host?: string | undefined;
  cookie?: string | undefined;
  /** Overrides of the app's own headers; undefined leaves one out. */
  headers?: Record<string, string | undefined>;
  body?: string;
  /** Defaults to the body's length; null leaves the header out. */
  contentLength?: string | null;
}

const searchBody = JSON.stringify({ method: 'patients.search', input: { query: 'a', limit: 5 } });

export const cookieOf = (device?: string, session?: string): string =>
  [
    ...(device === undefined ? [] : [`${deviceCookie}=${device}`]),
    ...(session === undefined ? [] : [`${sessionCookie}=${session}`]),
  ].join('; ');

/** A request as the app's own page sends it, with whatever the case changes. */
export function appRequest(context: FuzzContext, options: PostOptions = {}): string {
  const body = options.body ?? searchBody;
  const headers: Record<string, string | undefined> = {
    'Content-Type': 'application/json',
    Origin: context.origin,
    'Sec-Fetch-Site': 'same-origin',
    [requestHeader]: '1',
    ...options.headers,
  };
  return rawRequest(
    `${options.verb ?? 'POST'} ${options.path ?? clinicApiPath} HTTP/1.1`,
    [
      ['Host', 'host' in options ? options.host : context.hostHeader],
      ...Object.entries(headers),
      ['Cookie', 'cookie' in options ? options.cookie : cookieOf(context.signedIn.device, context.signedIn.session)],
      [
        'Content-Length',
        options.contentLength === null ? undefined : (options.contentLength ?? String(Buffer.byteLength(body))),
      ],
      ['Connection', 'close'],
    ],
    body,
  );
}
