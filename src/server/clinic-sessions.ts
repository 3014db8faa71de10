import { createHash, randomBytes } from 'node:crypto';
import type { SignIn } from '../services/sign-in';
import { createSignIn } from '../services/sign-in';

/** Sessions one device may hold at once (a browser shares one cookie between its tabs). */
const maxPerDevice = 8;
/** Sessions in all: beyond this the longest unused one is dropped. */
const maxSessions = 1024;

export interface ClinicSession {
  readonly deviceId: number;
  /** The server-side sign-in; its own id is what the audit trail names, never the token. */
  readonly signIn: SignIn;
  lastSeenMs: number;
}

export interface IssuedSession {
  /** The bearer token, for the cookie only: 256 random bits, never stored or logged. */
  token: string;
  session: ClinicSession;
}

export interface ClinicSessions {
  /** The session a cookie's token names, if it was issued to this very device. */
  find(token: string | undefined, deviceId: number, nowMs: number): ClinicSession | undefined;
  /** A new, signed-out session for the device. */
  issue(deviceId: number, nowMs: number): IssuedSession;
  /** Same session under a new token (at sign-in, so a token known before it is worthless after). */
  rotate(oldToken: string, session: ClinicSession): string;
  end(token: string): void;
  /** Ends every session of a device (revocation); returns how many there were. */
  endDevice(deviceId: number): number;
}

const keyOf = (token: string): string => createHash('sha256').update(token).digest('hex');

/**
 * Sessions issued by the clinic host, never chosen by the client. Tokens are kept hashed, so
 * neither a memory dump's map keys nor a timing difference in lookup gives one away.
 */
export function createClinicSessions(): ClinicSessions {
  const sessions = new Map<string, ClinicSession>();

  const dropOldest = (predicate: (session: ClinicSession) => boolean): void => {
    let oldestKey: string | undefined;
    let oldestMs = Infinity;
    for (const [key, session] of sessions) {
      if (predicate(session) && session.lastSeenMs < oldestMs) {
        oldestKey = key;
        oldestMs = session.lastSeenMs;
      }
    }
    if (oldestKey !== undefined) sessions.delete(oldestKey);
  };

  return {
    find: (token, deviceId, nowMs) => {
      if (token === undefined) return undefined;
      const session = sessions.get(keyOf(token));
      if (session?.deviceId !== deviceId) return undefined;
      session.lastSeenMs = nowMs;
      return session;
    },
    issue: (deviceId, nowMs) => {
      let ofDevice = 0;
      for (const session of sessions.values()) if (session.deviceId === deviceId) ofDevice += 1;
      if (ofDevice >= maxPerDevice) dropOldest((session) => session.deviceId === deviceId);
      if (sessions.size >= maxSessions) dropOldest(() => true);
      const token = randomBytes(32).toString('base64url');
      const session: ClinicSession = { deviceId, signIn: createSignIn(), lastSeenMs: nowMs };
      sessions.set(keyOf(token), session);
      return { token, session };
    },
    rotate: (oldToken, session) => {
      sessions.delete(keyOf(oldToken));
      const token = randomBytes(32).toString('base64url');
      sessions.set(keyOf(token), session);
      return token;
    },
    end: (token) => {
      sessions.delete(keyOf(token));
    },
    endDevice: (deviceId) => {
      let ended = 0;
      for (const [key, session] of sessions) {
        if (session.deviceId === deviceId) {
          sessions.delete(key);
          ended += 1;
        }
      }
      return ended;
    },
  };
}
