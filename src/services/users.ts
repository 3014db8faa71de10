import { formatPrintedName } from '../domain/user';
import { findUserById, findUserByUsername, insertUser, listUsers, toUser, updateUser } from '../db/users-repo';
import type { UserRow } from '../db/users-repo';
import { rowAuditFields } from '../db/row-state';
import type { Handlers, ServiceContext } from './context';
import { requireUser } from './context';
import { assertPasswordAllowed } from './auth';
import { enrolSigner, grantRootWrap, signerRoles, unlockRootKey } from './identities';
import { hashPassword } from './passwords';
import { CommittedRefusal } from './service-error';
import { ServiceError } from './service-error';

function existingUser(context: ServiceContext, userId: number): UserRow {
  const user = findUserById(context.ledger.db, userId);
  if (user === undefined) throw new ServiceError('NOT_FOUND', `There is no user with ID ${userId}.`);
  return user;
}

/** A clinician gets a signing certificate; an administrator a copy of the clinic root key. */
function giveKeys(context: ServiceContext, user: UserRow, password: string, rootKeyPem: string): void {
  if (signerRoles.includes(user.role)) enrolSigner(context, user, password, rootKeyPem);
  if (user.role === 'admin') grantRootWrap(context, user, password, rootKeyPem);
}

export const userHandlers: Handlers<'users.list' | 'users.create' | 'users.setActive' | 'users.resetPassword'> = {
  'users.list': (context) => listUsers(context.ledger.db).map(toUser),

  'users.create': (context, input) => {
    if (findUserByUsername(context.ledger.db, input.username) !== undefined) {
      throw new ServiceError('DUPLICATE', `The username "${input.username}" is taken. Choose another.`, [
        { path: 'username', message: 'This username is taken' },
      ]);
    }
    assertPasswordAllowed(input.temporaryPassword, input.username, 'temporaryPassword');
    const rootKey = input.role === 'auditor' ? null : unlockRootKey(context, requireUser(context), input.adminPassword);
    if (rootKey instanceof CommittedRefusal) return rootKey;
    const created = insertUser(
      context.ledger.db,
      {
        username: input.username,
        displayName: input.displayName,
        credentials: input.credentials,
        role: input.role,
        passwordHash: hashPassword(input.temporaryPassword),
        mustChangePassword: true,
      },
      context.nowIso,
    );
    context.audit('user.created', 'user', created.id, {
      username: created.username,
      printedName: formatPrintedName(created),
      role: created.role,
      ...rowAuditFields(context.ledger.raw, 'users', created.id),
    });
    if (rootKey !== null) giveKeys(context, created, input.temporaryPassword, rootKey);
    return toUser(created);
  },

  'users.setActive': (context, input) => {
    const admin = requireUser(context);
    const user = existingUser(context, input.userId);
    if (user.id === admin.id && !input.active) {
      throw new ServiceError('FORBIDDEN', 'You cannot deactivate your own account. Ask another administrator.');
    }
    if (user.active === input.active) return toUser(user);
    const updated = updateUser(context.ledger.db, user.id, { active: input.active }, context.nowIso);
    context.audit(input.active ? 'user.reactivated' : 'user.deactivated', 'user', user.id, {
      username: user.username,
      ...rowAuditFields(context.ledger.raw, 'users', user.id),
    });
    return toUser(updated);
  },

  'users.resetPassword': (context, input) => {
    const user = existingUser(context, input.userId);
    assertPasswordAllowed(input.temporaryPassword, user.username, 'temporaryPassword');
    // The old keys cannot be opened without the old password: a reset issues new ones, and
    // the old certificates stay so that earlier signatures remain verifiable.
    const rootKey = user.role === 'auditor' ? null : unlockRootKey(context, requireUser(context), input.adminPassword);
    if (rootKey instanceof CommittedRefusal) return rootKey;
    const updated = updateUser(
      context.ledger.db,
      user.id,
      {
        passwordHash: hashPassword(input.temporaryPassword),
        mustChangePassword: true,
        failedSignIns: 0,
        lockedUntil: null,
      },
      context.nowIso,
    );
    context.audit('user.password-reset', 'user', user.id, {
      username: user.username,
      ...rowAuditFields(context.ledger.raw, 'users', user.id),
    });
    if (rootKey !== null) giveKeys(context, updated, input.temporaryPassword, rootKey);
    return toUser(updated);
  },
};
