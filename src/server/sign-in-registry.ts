import { randomBytes } from 'node:crypto';
import type { SignIn } from '../services/sign-in';
import { createSignIn } from '../services/sign-in';

const maxSignIns = 256;
const launchTokenTtlMs = 2 * 60_000;

/**
 * One server-side sign-in per browser tab, by the identifier the tab sends. Capped so that a
 * client inventing identifiers cannot grow memory without bound: the oldest is dropped.
 */
export function createSignInRegistry(): (id: string) => SignIn {
  const signIns = new Map<string, SignIn>();
  return (id) => {
    let signIn = signIns.get(id);
    if (signIn === undefined) {
      if (signIns.size >= maxSignIns) {
        const oldest = signIns.keys().next().value;
        if (oldest !== undefined) signIns.delete(oldest);
      }
      signIn = createSignIn(id);
      signIns.set(id, signIn);
    }
    return signIn;
  };
}

export interface LaunchTokens {
  issue(): string;
  /** True once per issued token, within its two minutes. */
  redeem(token: string): boolean;
}

export function createLaunchTokens(): LaunchTokens {
  const tokens = new Map<string, number>();
  return {
    issue: () => {
      const token = randomBytes(32).toString('base64url');
      tokens.set(token, Date.now() + launchTokenTtlMs);
      return token;
    },
    redeem: (token) => {
      const expiresAtMs = tokens.get(token);
      if (expiresAtMs === undefined || expiresAtMs < Date.now()) return false;
      tokens.delete(token);
      return true;
    },
  };
}
