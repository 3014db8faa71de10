import type { SignInInfo } from '../../domain/sign-in';

/**
 * Whether two answers describe the same sign-in for the screen. The server's clock and
 * lock time change on every poll; re-rendering the whole app for them would be waste.
 */
export function sameSignIn(a: SignInInfo | null, b: SignInInfo): boolean {
  if (a === null || a.state !== b.state) return false;
  if (a.state === 'not-initialized' || b.state === 'not-initialized') return true;
  if (JSON.stringify(a.clinic) !== JSON.stringify(b.clinic)) return false;
  const userA = 'user' in a ? a.user : null;
  const userB = 'user' in b ? b.user : null;
  return JSON.stringify(userA) === JSON.stringify(userB);
}
