import type { JsonValue } from '../domain/canonical-json';
import type { SessionEntryBody } from '../domain/infusion-session';
import { formatPrintedName } from '../domain/user';
import type { EntryRow, SessionRow } from '../db/sessions-repo';
import { insertEntry } from '../db/sessions-repo';
import { keyedRowFields } from '../db/keyed-tables';
import type { ServiceContext } from './context';
import { requireUser } from './context';

export function append(
  context: ServiceContext,
  session: SessionRow,
  occurredAt: string,
  body: SessionEntryBody,
  extra: {
    correctsEntryId: number | null;
    correctionReason: string | null;
    witness: { userId: number; printedName: string } | null;
  },
): EntryRow {
  const user = requireUser(context);
  const entry = insertEntry(context.ledger.db, {
    sessionId: session.id,
    kind: body.kind,
    occurredAt,
    recordedAt: context.nowIso,
    userId: user.id,
    printedName: formatPrintedName(user),
    content: body.content,
    correctsEntryId: extra.correctsEntryId,
    correctionReason: extra.correctionReason,
    witnessUserId: extra.witness?.userId ?? null,
    witnessPrintedName: extra.witness?.printedName ?? null,
  });
  context.audit(
    extra.correctsEntryId === null ? 'session.entry-added' : 'session.entry-corrected',
    'session',
    session.id,
    {
      ...keyedRowFields(context.ledger.raw, 'session_entries', entry.id),
      kind: body.kind,
      occurredAt,
      content: body.content as unknown as JsonValue,
      ...(extra.correctsEntryId === null
        ? {}
        : { correctsEntryId: extra.correctsEntryId, reason: extra.correctionReason }),
      ...(extra.witness === null ? {} : { witnessUserId: extra.witness.userId }),
    },
  );
  return entry;
}
