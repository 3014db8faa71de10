import type { JsonValue } from '../domain/canonical-json';
import { formatQuantity } from '../domain/quantity';
import type { Balance, RegisterEntryKind } from '../domain/register-balance';
import { applyDelta, isNegative, mgOf, mlOf, negate, zeroBalance } from '../domain/register-balance';
import { formatPrintedName } from '../domain/user';
import { keyedRowFields } from '../db/keyed-tables';
import type { ContainerRow, RegisterEntryRow } from '../db/register-repo';
import { containerBalance, getContainer, insertRegisterEntry } from '../db/register-repo';
import type { ServiceContext } from './context';
import { requireUser } from './context';
import { ServiceError } from './service-error';

/** The container named by an input, or NOT_FOUND. */
export function requireContainer(context: ServiceContext, containerId: number): ContainerRow {
  const container = getContainer(context.ledger.db, containerId);
  if (container === undefined) {
    throw new ServiceError('NOT_FOUND', `There is no container ${containerId} in the register.`, [
      { path: 'containerId', message: 'No such container' },
    ]);
  }
  return container;
}

/** "R4-2": receipt 4's second container, as written on the vial. */
export function containerLabel(container: Pick<ContainerRow, 'receiptId' | 'numberInReceipt'>): string {
  return `R${container.receiptId}-${container.numberInReceipt}`;
}

/** A quantity entered in mL, with its mg at the container's concentration. */
export function fromMl(container: ContainerRow, volumeMl: string): Balance {
  return { ml: volumeMl, mg: mgOf(volumeMl, container.concentrationMgPerMl) };
}

/** A quantity entered in mg, with its mL; refused when the mL would not be exact. */
export function fromMg(container: ContainerRow, doseMg: string, path: string): Balance {
  const ml = mlOf(doseMg, container.concentrationMgPerMl);
  if (ml === null) {
    throw new ServiceError(
      'INVALID_INPUT',
      `${formatQuantity(doseMg, 'mg')} at ${formatQuantity(container.concentrationMgPerMl, 'mg/mL')} is not an exact volume: enter it in mL.`,
      [{ path, message: 'Not an exact volume at this concentration' }],
    );
  }
  return { ml, mg: doseMg };
}

export interface Move {
  kind: RegisterEntryKind;
  /** Signed: what the entry adds to the container's balance (negative to take out). */
  delta: Balance;
  occurredAt: string;
  witness?: { userId: number; printedName: string } | null;
  sessionId?: number | null;
  sessionEntryId?: number | null;
  inventoryId?: number | null;
  refersToEntryId?: number | null;
  reason?: string | null;
  details?: Record<string, JsonValue>;
  /** The audit action: a container's first entry rides on its own audit entry. */
  action?: 'register.entry-added' | 'register.container-received';
  /** Extra audit details (the container's own digest on its first entry). */
  auditDetails?: Record<string, JsonValue>;
}

/**
 * Appends one entry to a container's history, audited in the same transaction. A move that
 * would leave less than nothing in the container is refused: nothing is written.
 */
export function addMove(context: ServiceContext, container: ContainerRow, move: Move): RegisterEntryRow {
  const user = requireUser(context);
  const before = containerBalance(context.ledger.db, container.id);
  const after = applyDelta(before, move.delta);
  if (isNegative(after)) {
    throw new ServiceError(
      'INVALID_INPUT',
      `Container ${containerLabel(container)} holds ${formatQuantity(before.ml, 'mL')} (${formatQuantity(before.mg, 'mg')}), less than the ${formatQuantity(negate(move.delta).ml, 'mL')} entered: nothing was recorded. Check the amount, or count the container and explain the difference.`,
      [{ path: 'volumeMl', message: 'More than the container holds' }],
    );
  }
  const entry = insertRegisterEntry(context.ledger.db, {
    containerId: container.id,
    kind: move.kind,
    deltaMl: move.delta.ml,
    deltaMg: move.delta.mg,
    occurredAt: move.occurredAt,
    recordedAt: context.nowIso,
    userId: user.id,
    printedName: formatPrintedName(user),
    witnessUserId: move.witness?.userId ?? null,
    witnessPrintedName: move.witness?.printedName ?? null,
    sessionId: move.sessionId ?? null,
    sessionEntryId: move.sessionEntryId ?? null,
    inventoryId: move.inventoryId ?? null,
    refersToEntryId: move.refersToEntryId ?? null,
    reason: move.reason ?? null,
    details: move.details ?? {},
  });
  context.audit(move.action ?? 'register.entry-added', 'register-container', container.id, {
    ...(move.auditDetails ?? {}),
    ...keyedRowFields(context.ledger.raw, 'register_entries', entry.id),
    kind: move.kind,
    deltaMl: move.delta.ml,
    deltaMg: move.delta.mg,
    balanceMl: entry.balanceMl,
    balanceMg: entry.balanceMg,
    ...(move.sessionId == null ? {} : { sessionId: move.sessionId }),
    ...(move.witness == null ? {} : { witnessUserId: move.witness.userId }),
    ...(move.refersToEntryId == null ? {} : { refersToEntryId: move.refersToEntryId }),
    ...(move.reason == null ? {} : { reason: move.reason }),
  });
  return entry;
}

/** A delta that moves nothing, for entries that only record (opened, counted, explained…). */
export const noChange: Balance = zeroBalance;
