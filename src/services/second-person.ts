import { formatPrintedName } from '../domain/user';
import { findUserByUsername } from '../db/users-repo';
import type { ServiceContext } from './context';
import { requireUser } from './context';
import { verifyPassword } from './passwords';
import { ServiceError } from './service-error';

/**
 * A second clinician at the desk (a witness, a checker, a second counter): another active
 * nurse or physician, who proves it is them with their own user ID and password. `path` names
 * the form field the refusal points at.
 */
export function secondClinician(
  context: ServiceContext,
  credentials: { username: string; password: string },
  path: string,
): { userId: number; printedName: string } {
  const user = requireUser(context);
  const row = findUserByUsername(context.ledger.db, credentials.username);
  if (row === undefined || !row.active || !verifyPassword(credentials.password, row.passwordHash)) {
    throw new ServiceError('INVALID_CREDENTIALS', `The ${path} user ID or password is not right.`, [
      { path, message: `${path[0]?.toUpperCase() ?? ''}${path.slice(1)} user ID or password not right` },
    ]);
  }
  if (row.id === user.id)
    throw new ServiceError('INVALID_INPUT', `The ${path} must be someone else.`, [
      { path, message: 'Choose another person' },
    ]);
  if (row.role !== 'nurse' && row.role !== 'physician') {
    throw new ServiceError('INVALID_INPUT', `The ${path} must be a nurse or a physician.`, [
      { path, message: 'Not a clinician' },
    ]);
  }
  return { userId: row.id, printedName: formatPrintedName(row) };
}
