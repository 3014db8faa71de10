import type { SessionEntryBody } from '../domain/infusion-session';
import { toDecimal } from '../domain/quantity';
import type { ServiceContext } from './context';
import { secondClinician } from './second-person';
import { ServiceError } from './service-error';

/** Checks a witness: another active clinician, who proves it is them with their password. */
function witnessFor(
  context: ServiceContext,
  witness: { username: string; password: string } | undefined,
): { userId: number; printedName: string } {
  if (witness === undefined) {
    throw new ServiceError(
      'INVALID_INPUT',
      'Discarded drug must be witnessed: the witness enters their user ID and password.',
      [{ path: 'witness', message: 'A witness is required' }],
    );
  }
  return secondClinician(context, witness, 'witness');
}

export function wasteWitness(
  context: ServiceContext,
  body: SessionEntryBody,
  witness: { username: string; password: string } | undefined,
) {
  const wasted = body.kind === 'event' && body.content.wasteMg !== null && !toDecimal(body.content.wasteMg).isZero();
  return wasted ? witnessFor(context, witness) : null;
}
