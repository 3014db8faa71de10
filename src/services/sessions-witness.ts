import type { SessionEntryBody } from '../domain/infusion-session';
import { toDecimal } from '../domain/quantity';
import { formatPrintedName } from '../domain/user';
import { findUserByUsername } from '../db/users-repo';
import type { ServiceContext } from './context';
import { requireUser } from './context';
import { verifyPassword } from './passwords';
import { ServiceError } from './service-error';

/** Checks a witness: another active clinician, who proves it is them with their password. */
function witnessFor(
  context: ServiceContext,
  witness: { username: string; password: string } | undefined,
): { userId: number; printedName: string } {
  const user = requireUser(context);
  if (witness === undefined) {
    throw new ServiceError(
      'INVALID_INPUT',
      'Discarded drug must be witnessed: the witness enters their user ID and password.',
      [{ path: 'witness', message: 'A witness is required' }],
    );
  }
  const row = findUserByUsername(context.ledger.db, witness.username);
  if (row === undefined || !row.active || !verifyPassword(witness.password, row.passwordHash)) {
    throw new ServiceError('INVALID_CREDENTIALS', 'The witness user ID or password is not right.', [
      { path: 'witness', message: 'Witness user ID or password not right' },
    ]);
  }
  if (row.id === user.id)
    throw new ServiceError('INVALID_INPUT', 'The witness must be someone else.', [
      { path: 'witness', message: 'Choose another person' },
    ]);
  if (row.role !== 'nurse' && row.role !== 'physician') {
    throw new ServiceError('INVALID_INPUT', 'The witness must be a nurse or a physician.', [
      { path: 'witness', message: 'Not a clinician' },
    ]);
  }
  return { userId: row.id, printedName: formatPrintedName(row) };
}

export function wasteWitness(
  context: ServiceContext,
  body: SessionEntryBody,
  witness: { username: string; password: string } | undefined,
) {
  const wasted = body.kind === 'event' && body.content.wasteMg !== null && !toDecimal(body.content.wasteMg).isZero();
  return wasted ? witnessFor(context, witness) : null;
}
