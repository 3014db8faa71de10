import { randomUUID } from 'node:crypto';

/**
 * A signed-in window (Electron) or tab (browser mode). The adapter owns it; dispatch
 * updates it. `lastActivityMs` drives the inactivity lock.
 */
export interface SignIn {
  readonly id: string;
  userId: number | null;
  state: 'signed-out' | 'active' | 'locked';
  lastActivityMs: number;
  /**
   * Whether the user has signed a record since this sign-in: the first signing needs the user
   * ID and password, later ones the password only (21 CFR 11.200(a)(1)(i)).
   */
  signedOnce: boolean;
  /**
   * The enrolled device this sign-in is on (clinic host only; the server sets it). Every audit
   * entry written through the sign-in names it; unset on the desktop app and the command line.
   */
  device?: { id: number; name: string };
}

export function createSignIn(id: string = randomUUID()): SignIn {
  return { id, userId: null, state: 'signed-out', lastActivityMs: 0, signedOnce: false };
}

export function startSignIn(signIn: SignIn, userId: number, nowMs: number): void {
  signIn.userId = userId;
  signIn.state = 'active';
  signIn.lastActivityMs = nowMs;
  signIn.signedOnce = false;
}

export function endSignIn(signIn: SignIn): void {
  signIn.userId = null;
  signIn.state = 'signed-out';
  signIn.signedOnce = false;
}

/** Locking ends the continuous period of access: the next signing asks for the user ID again. */
export function lockSignIn(signIn: SignIn): void {
  signIn.state = 'locked';
  signIn.signedOnce = false;
}
