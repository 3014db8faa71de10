import type { z } from 'zod';
import type {
  correctionInputSchema,
  destroyInputSchema,
  drawInputSchema,
  openInputSchema,
  returnInputSchema,
  wasteInputSchema,
} from '../domain/register';
import { formatQuantity } from '../domain/quantity';
import type { Balance } from '../domain/register-balance';
import { applyDelta, difference, isNegative, negate, zeroBalance } from '../domain/register-balance';
import type { ContainerRow, RegisterEntryRow } from '../db/register-repo';
import { getRegisterEntry, listContainerEntries, listSessionRegisterEntries } from '../db/register-repo';
import { getSession } from '../db/sessions-repo';
import type { ServiceContext } from './context';
import { addMove, containerLabel, fromMg, fromMl, noChange, requireContainer } from './register-moves';
import { requireRegisterDuty } from './register-settings';
import { secondClinician } from './second-person';
import { ServiceError } from './service-error';

type Input<S extends z.ZodType> = z.output<S>;

function requireSession(context: ServiceContext, sessionId: number) {
  const session = getSession(context.ledger.db, sessionId);
  if (session === undefined) {
    throw new ServiceError('NOT_FOUND', `There is no infusion session ${sessionId}.`, [
      { path: 'sessionId', message: 'No such session' },
    ]);
  }
  return session;
}

function openedEntry(context: ServiceContext, containerId: number): RegisterEntryRow | undefined {
  return listContainerEntries(context.ledger.db, containerId).find((entry) => entry.kind === 'opened');
}

/** Records when a vial was first punctured (once: a second opening is refused). */
export function openContainer(context: ServiceContext, input: Input<typeof openInputSchema>): RegisterEntryRow {
  const container = requireContainer(context, input.containerId);
  if (openedEntry(context, container.id) !== undefined) {
    throw new ServiceError('CONFLICT', `Container ${containerLabel(container)} is already recorded as opened.`);
  }
  return addMove(context, container, { kind: 'opened', delta: noChange, occurredAt: input.occurredAt });
}

/** Drug drawn from a container for a session; the first draw from a vial also records its opening. */
export function draw(
  context: ServiceContext,
  input: Input<typeof drawInputSchema>,
  sessionEntryId: number | null = null,
): RegisterEntryRow {
  const container = requireContainer(context, input.containerId);
  const session = requireSession(context, input.sessionId);
  if (openedEntry(context, container.id) === undefined) {
    addMove(context, container, { kind: 'opened', delta: noChange, occurredAt: input.occurredAt });
  }
  return addMove(context, container, {
    kind: 'drawn',
    delta: negate(fromMl(container, input.volumeMl)),
    occurredAt: input.occurredAt,
    sessionId: session.id,
    sessionEntryId,
  });
}

/** What a session drew from, and wasted of, one container (corrections included). */
export function sessionUse(
  entries: readonly RegisterEntryRow[],
  containerId: number,
): { drawn: Balance; wasted: Balance } {
  let drawn: Balance = zeroBalance;
  let wasted: Balance = zeroBalance;
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  for (const entry of entries) {
    if (entry.containerId !== containerId) continue;
    const corrected = entry.refersToEntryId === null ? undefined : byId.get(entry.refersToEntryId);
    const kind = entry.kind === 'correction' ? corrected?.kind : entry.kind;
    if (kind === 'drawn') drawn = difference(drawn, { ml: entry.deltaMl, mg: entry.deltaMg });
    if (kind === 'wasted') {
      const details = JSON.parse(entry.details) as { wastedMl?: string; wastedMg?: string };
      wasted = applyDelta(wasted, { ml: details.wastedMl ?? '0', mg: details.wastedMg ?? '0' });
    }
  }
  return { drawn, wasted };
}

/**
 * Drug a session drew but did not give, discarded before a witness. It moves nothing in the
 * container (the draw already took it out); it splits what was drawn into given and wasted.
 */
export function waste(context: ServiceContext, input: Input<typeof wasteInputSchema>): RegisterEntryRow {
  const container = requireContainer(context, input.containerId);
  const session = requireSession(context, input.sessionId);
  const amount = fromMg(container, input.doseMg, 'doseMg');
  const left = undrawnLeft(context, session.id, container.id);
  if (isNegative(difference(left, amount))) {
    throw new ServiceError(
      'INVALID_INPUT',
      `Session ${session.id} drew ${formatQuantity(left.mg, 'mg')} from container ${containerLabel(container)} that is not yet accounted for: it cannot waste ${formatQuantity(amount.mg, 'mg')}.`,
      [{ path: 'doseMg', message: 'More than was drawn' }],
    );
  }
  const witness = secondClinician(context, input.witness, 'witness');
  return recordWaste(context, container, { sessionId: session.id, amount, witness, occurredAt: input.occurredAt });
}

/** What a session drew from a container and has not yet wasted. */
export function undrawnLeft(context: ServiceContext, sessionId: number, containerId: number): Balance {
  const use = sessionUse(listSessionRegisterEntries(context.ledger.db, sessionId), containerId);
  return difference(use.drawn, use.wasted);
}

/** A waste entry, its amount already checked against what the session drew and its witness against their password. */
export function recordWaste(
  context: ServiceContext,
  container: ContainerRow,
  waste: {
    sessionId: number;
    amount: Balance;
    witness: { userId: number; printedName: string };
    occurredAt: string;
    sessionEntryId?: number;
  },
): RegisterEntryRow {
  return addMove(context, container, {
    kind: 'wasted',
    delta: noChange,
    occurredAt: waste.occurredAt,
    sessionId: waste.sessionId,
    sessionEntryId: waste.sessionEntryId ?? null,
    witness: waste.witness,
    details: { wastedMl: waste.amount.ml, wastedMg: waste.amount.mg },
  });
}

export function returnToSupplier(context: ServiceContext, input: Input<typeof returnInputSchema>): RegisterEntryRow {
  requireRegisterDuty(context, 'destruction');
  const container = requireContainer(context, input.containerId);
  return addMove(context, container, {
    kind: 'returned',
    delta: negate(fromMl(container, input.volumeMl)),
    occurredAt: input.occurredAt,
    reason: input.reason,
  });
}

export function destroy(context: ServiceContext, input: Input<typeof destroyInputSchema>): RegisterEntryRow {
  requireRegisterDuty(context, 'destruction');
  const container = requireContainer(context, input.containerId);
  const witness = secondClinician(context, input.witness, 'witness');
  return addMove(context, container, {
    kind: 'destroyed',
    delta: negate(fromMl(container, input.volumeMl)),
    occurredAt: input.occurredAt,
    witness,
    reason: input.reason,
    details: { method: input.method },
  });
}

/** Which way each correctable kind moves the container: a receipt adds, the others take out. */
const correctableSign: Partial<Record<RegisterEntryRow['kind'], 1 | -1 | 0>> = {
  received: 1,
  drawn: -1,
  wasted: 0,
  returned: -1,
  destroyed: -1,
  lost: -1,
};

/**
 * A correction names the entry it corrects and why; the original stays as it was. It moves the
 * balance as the corrected amount would have, and for a waste (which moved nothing in the
 * container) the session's share of waste. A session never wastes more than it drew.
 */
export function correct(context: ServiceContext, input: Input<typeof correctionInputSchema>): RegisterEntryRow {
  const original = getRegisterEntry(context.ledger.db, input.entryId);
  const sign = original === undefined ? undefined : correctableSign[original.kind];
  if (original === undefined || sign === undefined) {
    throw new ServiceError(
      'INVALID_INPUT',
      'Only a receipt, draw, waste, return, destruction or loss can be corrected.',
      [{ path: 'entryId', message: 'Not a correctable entry' }],
    );
  }
  const container = requireContainer(context, original.containerId);
  const amount = fromMl(container, input.volumeMl);
  const change = input.direction === 'more' ? amount : negate(amount);
  const delta = sign === 1 ? change : sign === -1 ? negate(change) : noChange;
  const details: Record<string, string> = sign === 0 ? { wastedMl: change.ml, wastedMg: change.mg } : {};
  if (original.sessionId !== null && sign !== 1) {
    const entries = listSessionRegisterEntries(context.ledger.db, original.sessionId);
    const preview: RegisterEntryRow = {
      ...original,
      id: Number.MAX_SAFE_INTEGER,
      kind: 'correction',
      deltaMl: delta.ml,
      deltaMg: delta.mg,
      refersToEntryId: original.id,
      details: JSON.stringify(details),
    };
    const use = sessionUse([...entries, preview], container.id);
    if (isNegative(difference(use.drawn, use.wasted)) || isNegative(use.wasted)) {
      throw new ServiceError(
        'INVALID_INPUT',
        `After this correction session ${original.sessionId} would have wasted more from container ${containerLabel(container)} than it drew: correct the waste first.`,
        [{ path: 'volumeMl', message: 'Waste would exceed what was drawn' }],
      );
    }
  }
  return addMove(context, container, {
    kind: 'correction',
    delta,
    occurredAt: input.occurredAt,
    sessionId: original.sessionId,
    refersToEntryId: original.id,
    reason: input.reason,
    details,
  });
}
