import type { LedgerClient } from '../../../contract/client';
import type { CallResult } from '../../../contract/errors';
import type { SessionEntryBody } from '../../../domain/infusion-session';
import type { SessionView } from '../../../domain/session-view';
import type { EntryRequest } from './check-entry';
import type { SessionDrawInput } from './draw-form';

/** A new entry, or a correction of `correctsEntryId` that keeps the original readable. */
export function saveEntry(
  api: LedgerClient,
  sessionId: number,
  correctsEntryId: number | null,
  request: EntryRequest<SessionEntryBody>,
  draws: readonly SessionDrawInput[] = [],
): Promise<CallResult<SessionView>> {
  const witness = request.witness === undefined ? {} : { witness: request.witness };
  const drawn = draws.length === 0 ? {} : { draws: [...draws] };
  const timing = request.timingReason === undefined ? {} : { timingReason: request.timingReason };
  return correctsEntryId === null
    ? api.call('sessions.addEntry', {
        sessionId,
        occurredAt: request.occurredAt,
        entry: request.body,
        ...witness,
        ...drawn,
      })
    : api.call('sessions.correct', {
        sessionId,
        entryId: correctsEntryId,
        reason: request.reason,
        occurredAt: request.occurredAt,
        entry: request.body,
        ...witness,
        ...timing,
      });
}
