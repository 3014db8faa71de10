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
}

export function createSession(id: string = randomUUID()): Session {
  return { id, userId: null, state: 'signed-out', lastActivityMs: 0 };
}
