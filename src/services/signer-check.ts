import { findUserByUsername } from '../db/users-repo';
import type { ServiceContext } from './context';
import { requireUser } from './context';
import { verifyPassword } from './passwords';
import { ServiceError } from './service-error';
import { recordFailure } from './sign-in-failures';

/** Re-authenticates a signer (21 CFR 11.200): user ID and password first, then password. */
export function checkSigner(context: ServiceContext, username: string | undefined, password: string) {
  const user = requireUser(context);
  if (!context.signIn.signedOnce) {
    if (username === undefined || username === '') {
      throw new ServiceError(
        'INVALID_INPUT',
        'Enter your user ID and password: the first signing in a session needs both.',
        [{ path: 'username', message: 'Enter your user ID' }],
      );
    }
    if (findUserByUsername(context.ledger.db, username)?.id !== user.id) {
      throw new ServiceError('INVALID_CREDENTIALS', 'The user ID is not the one signed in. Only you can sign as you.', [
        { path: 'username', message: 'This is not the signed-in user' },
      ]);
    }
  }
  if (!verifyPassword(password, user.passwordHash))
    return recordFailure(context, user, 'record.signing-password-wrong', 'password');
  return null;
}
