import { roleLabels } from '../../../domain/roles';
import type { SignedInUser } from '../../../domain/sign-in';
import { formatPrintedName } from '../../../domain/user';

/**
 * The administrator the set-up wizard has just created and signed in, so that the first screen
 * after it can say so. Kept in memory only: a reload or a later sign-in has nothing to say.
 */
let justSetUpUserId: number | null = null;

export function rememberSetupComplete(userId: number): void {
  justSetUpUserId = userId;
}

export function wasJustSetUp(userId: number): boolean {
  return justSetUpUserId === userId;
}

export function forgetSetupComplete(): void {
  justSetUpUserId = null;
}

/** "Set-up complete. You are signed in as Ana Ruiz, MD (Administrator)." */
export function setupCompleteMessage(user: Pick<SignedInUser, 'displayName' | 'credentials' | 'role'>): string {
  return `Set-up complete. You are signed in as ${formatPrintedName(user)} (${roleLabels[user.role]}).`;
}
