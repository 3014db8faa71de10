import { passwordProblems } from '../domain/password-policy';
import { rowAuditFields } from '../db/row-state';
import { findUserByUsername, updateUser } from '../db/users-repo';
import { checkpointAtAdminSignIn } from './checkpoints';
import type { Handlers } from './context';
import { requireUser } from './context';
import { rewrapKeys } from './identities';
import { hashPassword, verifyAgainstDecoy, verifyPassword } from './passwords';
import { CommittedRefusal, ServiceError } from './service-error';
import { signInInfo } from './sign-in-info';
import { startSignIn, endSignIn } from './sign-in';
import { lockedRefusal, recordFailure, wrongSignIn } from './sign-in-failures';

/** Refuses a new password that breaks the clinic's rules, naming each broken rule. */
export function assertPasswordAllowed(password: string, username: string, field: string): void {
  const problems = passwordProblems(password, username);
  if (problems.length > 0) {
    throw new ServiceError(
      'WEAK_PASSWORD',
      `The password does not meet the rules: ${problems.join('; ').toLowerCase()}.`,
      problems.map((message) => ({ path: field, message })),
    );
  }
}

export const authHandlers: Handlers<'auth.signIn' | 'auth.signOut' | 'auth.unlock' | 'auth.changePassword'> = {
  'auth.signIn': (context, input) => {
    // Public, so dispatch does not check set-up; without this a sign-in before set-up was
    // answered INVALID_CREDENTIALS and left an audit entry ahead of "clinic.created".
    if (context.clinic === undefined) {
      throw new ServiceError('NOT_INITIALIZED', 'This clinic is not set up yet. Run the set-up first.');
    }
    const user = findUserByUsername(context.ledger.db, input.username);
    if (user === undefined) {
      verifyAgainstDecoy(input.password);
      // The typed text is not kept: it may be a password typed into the wrong box.
      context.audit('auth.sign-in-failed', 'user', null, { reason: 'unknown username' });
      return wrongSignIn();
    }
    if (user.lockedUntil !== null && user.lockedUntil > context.nowIso) {
      return lockedRefusal(context, user.lockedUntil);
    }
    if (!verifyPassword(input.password, user.passwordHash)) {
      return recordFailure(context, user, 'auth.sign-in-failed');
    }
    if (!user.active) {
      context.audit('auth.sign-in-refused', 'user', user.id, { username: user.username, reason: 'deactivated' });
      return new CommittedRefusal('ACCOUNT_DISABLED', 'This account has been deactivated. Ask an administrator.');
    }
    context.user = updateUser(context.ledger.db, user.id, { failedSignIns: 0, lockedUntil: null }, context.nowIso);
    startSignIn(context.signIn, user.id, context.now.getTime());
    context.audit('auth.signed-in', 'user', user.id, {
      sessionId: context.signIn.id,
      ...rowAuditFields(context.ledger.raw, 'users', user.id),
    });
    checkpointAtAdminSignIn(context, context.user, input.password);
    return signInInfo(context);
  },

  'auth.signOut': (context) => {
    const user = requireUser(context);
    context.audit('auth.signed-out', 'user', user.id, { sessionId: context.signIn.id });
    endSignIn(context.signIn);
    context.user = null;
    return signInInfo(context);
  },

  'auth.unlock': (context, input) => {
    const user = requireUser(context);
    if (!verifyPassword(input.password, user.passwordHash)) {
      return recordFailure(context, user, 'auth.unlock-failed');
    }
    // The row is written (and so audited) only when there is something to clear or unlock:
    // every write of a user row carries its digest into the audit trail.
    if (context.signIn.state === 'locked' || user.failedSignIns !== 0) {
      context.user = updateUser(context.ledger.db, user.id, { failedSignIns: 0 }, context.nowIso);
      context.audit('auth.unlocked', 'user', user.id, {
        sessionId: context.signIn.id,
        ...rowAuditFields(context.ledger.raw, 'users', user.id),
      });
    }
    context.signIn.state = 'active';
    context.signIn.lastActivityMs = context.now.getTime();
    return signInInfo(context);
  },

  'auth.changePassword': (context, input) => {
    const user = requireUser(context);
    if (!verifyPassword(input.currentPassword, user.passwordHash)) {
      // Counts towards the lockout, or a signed-in user could guess without limit.
      return recordFailure(context, user, 'auth.change-password-failed', 'currentPassword');
    }
    if (input.newPassword === input.currentPassword) {
      throw new ServiceError('WEAK_PASSWORD', 'Choose a new password that differs from the current one.', [
        { path: 'newPassword', message: 'Choose a password that differs from the current one' },
      ]);
    }
    assertPasswordAllowed(input.newPassword, user.username, 'newPassword');
    const rewrapped = rewrapKeys(context, user, input.currentPassword, input.newPassword);
    context.user = updateUser(
      context.ledger.db,
      user.id,
      { passwordHash: hashPassword(input.newPassword), mustChangePassword: false },
      context.nowIso,
    );
    context.audit('auth.password-changed', 'user', user.id, {
      ...rowAuditFields(context.ledger.raw, 'users', user.id),
      ...rewrapped,
    });
    return signInInfo(context);
  },
};
