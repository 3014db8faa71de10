import { updateUser } from '../db/users-repo';
import type { UserRow } from '../db/users-repo';
import { rowAuditFields } from '../db/row-state';
import { formatDateTime } from '../domain/time';
import type { ServiceContext } from './context';
import { requireClinic } from './context';
import { CommittedRefusal } from './service-error';
import { endSignIn } from './sign-in';

// One lockout counts the user's own wrong passwords wherever they are asked again (sign-in,
// unlock, signing, certificate import, enrolment), so it lives apart from any one of them.
export const maxFailedSignIns = 5;
export const lockoutMinutes = 15;

/**
 * Counts a wrong password. The fifth in a row locks the account for 15 minutes; both are
 * audited and committed even though the call itself is refused.
 */
/** `field` names the input that held the wrong password, so the form can mark it. */
export function recordFailure(
  context: ServiceContext,
  user: UserRow,
  action: string,
  field?: string,
): CommittedRefusal {
  const failures = user.failedSignIns + 1;
  if (failures >= maxFailedSignIns) {
    const until = new Date(context.now.getTime() + lockoutMinutes * 60_000).toISOString();
    updateUser(context.ledger.db, user.id, { failedSignIns: 0, lockedUntil: until }, context.nowIso);
    context.audit(action, 'user', user.id, { username: user.username, failures });
    context.audit('auth.account-locked', 'user', user.id, {
      username: user.username,
      lockedUntil: until,
      ...rowAuditFields(context.ledger.raw, 'users', user.id),
    });
    endSignIn(context.signIn);
    return lockedRefusal(context, until);
  }
  updateUser(context.ledger.db, user.id, { failedSignIns: failures }, context.nowIso);
  context.audit(action, 'user', user.id, {
    username: user.username,
    failures,
    ...rowAuditFields(context.ledger.raw, 'users', user.id),
  });
  const left = maxFailedSignIns - failures;
  // At sign-in the answer must be the same whether or not the username exists, or it would
  // tell a stranger which accounts are real. A signed-in user (unlock, signing) sees the count.
  if (action === 'auth.sign-in-failed') return wrongSignIn();
  return new CommittedRefusal(
    'INVALID_CREDENTIALS',
    `The password is not right. ${left} more ${left === 1 ? 'try' : 'tries'} before the account locks for ${lockoutMinutes} minutes.`,
    field === undefined ? undefined : [{ path: field, message: 'The password is not right' }],
  );
}

export function wrongSignIn(): CommittedRefusal {
  return new CommittedRefusal(
    'INVALID_CREDENTIALS',
    `The username or password is not right. After ${maxFailedSignIns} wrong tries in a row an account locks for ${lockoutMinutes} minutes.`,
  );
}

export function lockedRefusal(context: ServiceContext, until: string): CommittedRefusal {
  const clinic = requireClinic(context);
  return new CommittedRefusal(
    'ACCOUNT_LOCKED',
    `This account is locked after ${maxFailedSignIns} wrong passwords. Try again after ${formatDateTime(until, clinic.timeZone)}, or ask an administrator.`,
  );
}
