import type { SessionInfo } from '../domain/session';
import type { ServiceContext } from './context';

/** What the UI is told about its session, computed from the session and the clinic. */
export function sessionInfo(context: ServiceContext): SessionInfo {
  const { clinic, user, session, now } = context;
  if (clinic === undefined) return { state: 'not-initialized' };
  if (user === null || session.state === 'signed-out') return { state: 'signed-out', clinic };
  const locksAtMs = session.lastActivityMs + clinic.autoLockMinutes * 60_000;
  return {
    state: session.state === 'locked' ? 'locked' : user.mustChangePassword ? 'must-change-password' : 'active',
    clinic,
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      credentials: user.credentials,
      role: user.role,
    },
    serverTime: now.toISOString(),
    locksAt: new Date(locksAtMs).toISOString(),
  };
}
