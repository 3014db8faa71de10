import { listEntries } from '../db/sessions-repo';
import type { Handlers } from './context';
import { ServiceError } from './service-error';
import { append } from './sessions-append';
import { assertNotFuture, checkEntry } from './sessions-entry-rules';
import { existingSession, viewOf } from './sessions-view';
import { wasteWitness } from './sessions-witness';

export const sessionChartingHandlers: Handlers<'sessions.addEntry' | 'sessions.correct'> = {
  'sessions.addEntry': (context, input) => {
    const session = existingSession(context, input.sessionId);
    assertNotFuture(context, input.occurredAt);
    checkEntry(context, session, listEntries(context.ledger.db, [session.id]), input.entry, null, input.occurredAt);
    const witness = wasteWitness(context, input.entry, input.witness);
    append(context, session, input.occurredAt, input.entry, { correctsEntryId: null, correctionReason: null, witness });
    return viewOf(context, session);
  },

  'sessions.correct': (context, input) => {
    const session = existingSession(context, input.sessionId);
    const entries = listEntries(context.ledger.db, [session.id]);
    const original = entries.find((entry) => entry.id === input.entryId);
    if (original === undefined)
      throw new ServiceError('NOT_FOUND', `Entry ${input.entryId} is not part of this session.`);
    if (entries.some((entry) => entry.correctsEntryId === original.id)) {
      throw new ServiceError('CONFLICT', 'This entry was already corrected. Correct the latest correction instead.');
    }
    if (original.kind !== input.entry.kind)
      throw new ServiceError('INVALID_INPUT', 'A correction keeps the kind of entry it corrects.');
    assertNotFuture(context, input.occurredAt);
    checkEntry(context, session, entries, input.entry, original, input.occurredAt);
    const witness = wasteWitness(context, input.entry, input.witness);
    append(context, session, input.occurredAt, input.entry, {
      correctsEntryId: original.id,
      correctionReason: input.reason,
      witness,
    });
    return viewOf(context, session);
  },
};
