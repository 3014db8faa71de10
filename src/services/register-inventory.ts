import type { z } from 'zod';
import type { explainInputSchema, InventoryInput, reviewInputSchema } from '../domain/register';
import { discrepancyCategoryLabels, writeOffCategories } from '../domain/register';
import { Decimal, formatQuantity } from '../domain/quantity';
import { difference, isZero, mgOf, negate } from '../domain/register-balance';
import { formatPrintedName } from '../domain/user';
import { keyedRowFields } from '../db/keyed-tables';
import type { InventoryRow, RegisterEntryRow } from '../db/register-repo';
import {
  containerBalance,
  getRegisterEntry,
  insertInventory,
  listContainersWithLastEntry,
  listEntriesReferringTo,
} from '../db/register-repo';
import type { ServiceContext } from './context';
import { requireUser } from './context';
import { addMove, containerLabel, noChange, requireContainer } from './register-moves';
import { requireRegisterDuty } from './register-settings';
import { secondClinician } from './second-person';
import { ServiceError } from './service-error';

/**
 * An inventory: two people count, the app compares each count with the expected balance and
 * records both. An initial or biennial inventory counts every container that holds drug.
 */
export function recordInventory(
  context: ServiceContext,
  input: InventoryInput,
): { inventory: InventoryRow; counts: RegisterEntryRow[] } {
  requireRegisterDuty(context, 'inventory');
  const user = requireUser(context);
  const counted = new Set(input.counts.map((count) => count.containerId));
  if (counted.size !== input.counts.length) {
    throw new ServiceError('INVALID_INPUT', 'Each container is counted once in an inventory.', [
      { path: 'counts', message: 'A container is counted twice' },
    ]);
  }
  if (input.kind !== 'ad-hoc') {
    const missing = listContainersWithLastEntry(context.ledger.db)
      .filter(({ container }) => !counted.has(container.id))
      .filter(({ container }) => !isZero(containerBalance(context.ledger.db, container.id)));
    if (missing.length > 0) {
      throw new ServiceError(
        'INVALID_INPUT',
        `An ${input.kind} inventory counts every container on hand: ${missing.map(({ container }) => containerLabel(container)).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not counted.`,
        [{ path: 'counts', message: 'Containers on hand not counted' }],
      );
    }
  }
  const second = secondClinician(context, input.secondCounter, 'secondCounter');
  const inventory = insertInventory(context.ledger.db, {
    kind: input.kind,
    countedAt: input.countedAt,
    userId: user.id,
    printedName: formatPrintedName(user),
    secondCounterUserId: second.userId,
    secondCounterName: second.printedName,
    notes: input.notes,
    recordedAt: context.nowIso,
  });
  context.audit('register.inventory-recorded', 'register-inventory', inventory.id, {
    ...keyedRowFields(context.ledger.raw, 'register_inventories', inventory.id),
    kind: input.kind,
    containers: input.counts.length,
  });
  const counts = input.counts.map((count) => {
    const container = requireContainer(context, count.containerId);
    const expected = containerBalance(context.ledger.db, container.id);
    const found = { ml: count.countedMl, mg: mgOf(count.countedMl, container.concentrationMgPerMl) };
    const discrepancy = difference(expected, found);
    return addMove(context, container, {
      kind: 'counted',
      delta: noChange,
      occurredAt: input.countedAt,
      inventoryId: inventory.id,
      witness: second,
      details: {
        countedMl: found.ml,
        countedMg: found.mg,
        expectedMl: expected.ml,
        expectedMg: expected.mg,
        /** Expected minus counted: positive when drug is missing. */
        discrepancyMl: discrepancy.ml,
        discrepancyMg: discrepancy.mg,
      },
    });
  });
  return { inventory, counts };
}

interface CountDetails {
  countedMl: string;
  countedMg: string;
  discrepancyMl: string;
  discrepancyMg: string;
}

function requireDiscrepancy(context: ServiceContext, countEntryId: number) {
  const count = getRegisterEntry(context.ledger.db, countEntryId);
  const details = count?.kind === 'counted' ? (JSON.parse(count.details) as CountDetails) : undefined;
  if (
    count === undefined ||
    details === undefined ||
    isZero({ ml: details.discrepancyMl, mg: details.discrepancyMg })
  ) {
    throw new ServiceError('INVALID_INPUT', 'Only a count that differs from the expected balance needs this.', [
      { path: 'countEntryId', message: 'Not a discrepancy' },
    ]);
  }
  return { count, details };
}

/**
 * Explains a discrepancy. Drug that is gone (spilt, lost, stolen) is written off so the
 * balance equals the count; a recording error is corrected on the entry that was wrong.
 */
export function explainDiscrepancy(
  context: ServiceContext,
  input: z.output<typeof explainInputSchema>,
): RegisterEntryRow {
  const { count, details } = requireDiscrepancy(context, input.countEntryId);
  if (listEntriesReferringTo(context.ledger.db, [count.id]).some((entry) => entry.kind === 'explained')) {
    throw new ServiceError('CONFLICT', 'This discrepancy is already explained; a physician can add a review.');
  }
  const container = requireContainer(context, count.containerId);
  const surplus = new Decimal(details.discrepancyMl).isNegative();
  if (writeOffCategories.has(input.category) && surplus) {
    throw new ServiceError(
      'INVALID_INPUT',
      'More was counted than expected: that is not a loss. Explain it as a recording error or other.',
      [{ path: 'category', message: 'Not a loss: more was counted' }],
    );
  }
  const explained = addMove(context, container, {
    kind: 'explained',
    delta: noChange,
    occurredAt: context.nowIso,
    refersToEntryId: count.id,
    reason: input.explanation,
    details: { category: input.category },
  });
  if (writeOffCategories.has(input.category)) {
    const missing = { ml: details.discrepancyMl, mg: details.discrepancyMg };
    addMove(context, container, {
      kind: 'lost',
      delta: negate(missing),
      occurredAt: context.nowIso,
      refersToEntryId: count.id,
      reason: `${discrepancyCategoryLabels[input.category]}: ${input.explanation}`,
      details: { category: input.category },
    });
  }
  return explained;
}

/** A physician reviews a discrepancy (the flag on the Register page clears once reviewed). */
export function reviewDiscrepancy(
  context: ServiceContext,
  input: z.output<typeof reviewInputSchema>,
): RegisterEntryRow {
  const { count, details } = requireDiscrepancy(context, input.countEntryId);
  const container = requireContainer(context, count.containerId);
  return addMove(context, container, {
    kind: 'reviewed',
    delta: noChange,
    occurredAt: context.nowIso,
    refersToEntryId: count.id,
    reason: input.note,
    details: { discrepancy: formatQuantity(details.discrepancyMl, 'mL') },
  });
}
