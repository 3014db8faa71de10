import type { FieldIssue } from '../../../contract/errors';
import type { ContainerView, InventoryInput } from '../../../domain/register';
import { inventoryInputSchema, inventoryKinds } from '../../../domain/register';
import type { OccurredAtValues } from '../sessions/occurred-at';
import { parseOccurredAt } from '../sessions/occurred-at';
import type { SecondPersonValues } from './register-form';
import { noSecondPerson, schemaIssues, secondPersonIssues } from './register-form';

/** The count as typed: one counted volume per container on hand, in the order shown. */
export interface InventoryValues {
  kind: string;
  countedAt: OccurredAtValues;
  notes: string;
  /** Empty: not counted (allowed only in an ad hoc count). */
  countedMl: string[];
  secondCounter: SecondPersonValues;
}

export const inventoryFields = ['kind', 'countedAt', 'notes', 'countedMl', 'counts', 'secondCounter'] as const;

/** No count is filled in for the counters: they type what they find, never the expected figure. */
export function emptyInventory(containers: readonly ContainerView[], countedAt: OccurredAtValues): InventoryValues {
  return { kind: '', countedAt, notes: '', countedMl: containers.map(() => ''), secondCounter: noSecondPerson };
}

/**
 * The inventory to send, or the problems with what was typed. An initial or biennial
 * inventory counts every container on hand; an ad hoc count may leave some out.
 */
export function inventoryFrom(
  values: InventoryValues,
  containers: readonly ContainerView[],
  zone: string,
  nowMs: number,
): { input: InventoryInput; issues: [] } | { input: null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const kind = inventoryKinds.find((candidate) => candidate === values.kind);
  if (kind === undefined) issues.push({ path: 'kind', message: 'Choose the kind of inventory' });
  const countedAt = parseOccurredAt(values.countedAt, zone, 'countedAt', issues, nowMs);
  const counts: { containerId: number; countedMl: string }[] = [];
  containers.forEach((container, index) => {
    const typed = (values.countedMl[index] ?? '').trim();
    if (typed === '') {
      if (kind !== 'ad-hoc') {
        issues.push({ path: `countedMl.${index}`, message: `Enter what ${container.label} holds (mL); 0 if empty` });
      }
      return;
    }
    if (!/^\d+(\.\d+)?$/.test(typed)) {
      issues.push({ path: `countedMl.${index}`, message: 'Enter the volume in mL with a leading zero, e.g. 0.5' });
      return;
    }
    counts.push({ containerId: container.id, countedMl: typed });
  });
  if (counts.length === 0 && kind === 'ad-hoc' && issues.length === 0) {
    issues.push({ path: 'countedMl.0', message: 'Count at least one container' });
  }
  issues.push(...secondPersonIssues(values.secondCounter, 'secondCounter', 'second counter'));
  const parsed = inventoryInputSchema.safeParse({
    kind,
    countedAt,
    notes: values.notes,
    counts,
    secondCounter: values.secondCounter,
  });
  if (!parsed.success) issues.push(...schemaIssues(parsed.error, issues).filter((issue) => issue.path !== 'countedAt'));
  if (issues.length > 0 || !parsed.success) return { input: null, issues };
  return { input: parsed.data, issues: [] };
}
