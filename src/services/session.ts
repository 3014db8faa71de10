import { randomUUID } from 'node:crypto';

/**
 * A signed-in window (Electron) or tab (browser mode). The adapter owns it; dispatch
 * updates it. `lastActivityMs` drives the inactivity lock.
 */
export interface Session {
  readonly id: string;
  userId: number | null;
  state: 'signed-out' | 'active' | 'locked';
  lastActivityMs: number;
  /**
   * Whether the user has signed a record in this session: the first signing needs the user
   * ID and password, later ones the password only (21 CFR 11.200(a)(1)(i)).
   */
  signedOnce: boolean;
}

export function createSession(id: string = randomUUID()): Session {
  return { id, userId: null, state: 'signed-out', lastActivityMs: 0, signedOnce: false };
}

export function signInSession(session: Session, userId: number, nowMs: number): void {
  session.userId = userId;
  session.state = 'active';
  session.lastActivityMs = nowMs;
  session.signedOnce = false;
}

export function signOutSession(session: Session): void {
  session.userId = null;
  session.state = 'signed-out';
  session.signedOnce = false;
}

/** Locking ends the continuous period of access: the next signing asks for the user ID again. */
export function lockSession(session: Session): void {
  session.state = 'locked';
  session.signedOnce = false;
}
