import type { SignInInfo } from '../domain/sign-in';
import type { ServiceContext } from './context';

/** What the UI is told about its sign-in, computed from the sign-in and the clinic. */
export function signInInfo(context: ServiceContext): SignInInfo {
  const { clinic, user, signIn, now } = context;
  if (clinic === undefined) return { state: 'not-initialized' };
  if (user === null || signIn.state === 'signed-out') return { state: 'signed-out', clinic };
  const locksAtMs = signIn.lastActivityMs + clinic.autoLockMinutes * 60_000;
  return {
    state: signIn.state === 'locked' ? 'locked' : user.mustChangePassword ? 'must-change-password' : 'active',
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
