import { DateTime } from 'luxon';
import type { ContainerView, RegisterEntryView } from '../domain/register';
import { formatLotExpiry, lastUseDay } from '../domain/lot-expiry';
import type { Balance } from '../domain/register-balance';
import { applyDelta, isZero, zeroBalance } from '../domain/register-balance';
import { formatDate, localDate } from '../domain/time';
import type { ContainerRow, RegisterEntryRow } from '../db/register-repo';
import { getRegisterEntries, listContainerEntries, listContainersWithLastEntry } from '../db/register-repo';
import type { ServiceContext } from './context';
import { requireClinic } from './context';
import { containerLabel } from './register-moves';
import { currentRegisterSettings } from './register-settings';

/** The patients of the sessions these entries name, read once. */
function sessionPatients(context: ServiceContext, rows: readonly RegisterEntryRow[]): Map<number, number> {
  const ids = [...new Set(rows.flatMap((row) => (row.sessionId === null ? [] : [row.sessionId])))];
  if (ids.length === 0) return new Map();
  const found = context.ledger.raw
    .prepare(`SELECT id, patient_id AS patientId FROM infusion_sessions WHERE id IN (${ids.map(() => '?').join(',')})`)
    .all(...ids) as { id: number; patientId: number }[];
  return new Map(found.map((row) => [row.id, row.patientId]));
}

/** One entry as screens show it. */
export function registerEntryView(context: ServiceContext, row: RegisterEntryRow): RegisterEntryView {
  return entryView(row, sessionPatients(context, [row]));
}

/** Entries as screens show them, each with its session's patient. */
export function registerEntryViews(context: ServiceContext, rows: readonly RegisterEntryRow[]): RegisterEntryView[] {
  const patients = sessionPatients(context, rows);
  return rows.map((row) => entryView(row, patients));
}

function entryView(row: RegisterEntryRow, patients: ReadonlyMap<number, number>): RegisterEntryView {
  return {
    id: row.id,
    containerId: row.containerId,
    kind: row.kind,
    delta: { ml: row.deltaMl, mg: row.deltaMg },
    balance: { ml: row.balanceMl, mg: row.balanceMg },
    occurredAt: row.occurredAt,
    recordedAt: row.recordedAt,
    printedName: row.printedName,
    witnessPrintedName: row.witnessPrintedName,
    sessionId: row.sessionId,
    sessionPatientId: row.sessionId === null ? null : (patients.get(row.sessionId) ?? null),
    inventoryId: row.inventoryId,
    refersToEntryId: row.refersToEntryId,
    reason: row.reason,
    details: JSON.parse(row.details) as Record<string, unknown>,
  };
}

/**
 * A container as the Register page and the draw step show it: balance, state, and the warnings
 * a person must see before using it (expired lot, past the clinic's in-use limit after opening).
 */
function containerView(
  context: ServiceContext,
  container: ContainerRow,
  last: RegisterEntryRow | undefined,
  openedAt: string | null,
  inUseLimitDays: number | null,
): ContainerView {
  const zone = requireClinic(context).timeZone;
  const today = localDate(context.now, zone);
  const balance: Balance = last === undefined ? zeroBalance : { ml: last.balanceMl, mg: last.balanceMg };
  const inUseUntil =
    openedAt === null || inUseLimitDays === null
      ? null
      : (DateTime.fromISO(openedAt, { zone }).plus({ days: inUseLimitDays }).toISODate() ?? null);
  const warnings: string[] = [];
  const empty = isZero(balance);
  if (!empty && lastUseDay(container.lotExpiry) < today) {
    warnings.push(`Expired: lot ${container.lotNumber} expired ${formatLotExpiry(container.lotExpiry)}`);
  }
  if (!empty && inUseUntil !== null && inUseUntil < today) {
    warnings.push(
      `Past the in-use limit: opened more than ${inUseLimitDays} days ago (use by ${formatDate(inUseUntil)})`,
    );
  }
  return {
    id: container.id,
    label: containerLabel(container),
    receiptId: container.receiptId,
    drugId: container.drugId,
    drugName: container.drugName,
    concentrationMgPerMl: container.concentrationMgPerMl,
    volumeMl: container.volumeMl,
    lotNumber: container.lotNumber,
    lotExpiry: container.lotExpiry,
    balance,
    status: empty ? 'empty' : openedAt === null ? 'unopened' : 'open',
    openedAt,
    inUseUntil,
    warnings,
  };
}

/**
 * The containers that still hold drug, with their balances, oldest first; and every container's
 * label by ID (counts may name an emptied one). A decade's register holds a thousand emptied
 * vials: only those on hand get a full view (its dates worked out in the clinic's zone).
 */
export function onHandContainerViews(context: ServiceContext): {
  onHand: ContainerView[];
  labels: Map<number, string>;
} {
  const db = context.ledger.db;
  const rows = listContainersWithLastEntry(db);
  const lastEntries = new Map(
    getRegisterEntries(
      db,
      rows.flatMap((row) => (row.lastEntryId === null ? [] : [row.lastEntryId])),
    ).map((entry) => [entry.containerId, entry]),
  );
  const holding = rows.flatMap(({ container }) => {
    const last = lastEntries.get(container.id);
    return last === undefined || isZero({ ml: last.balanceMl, mg: last.balanceMg }) ? [] : [{ container, last }];
  });
  const opened = openedAtOf(
    context,
    holding.map(({ container }) => container.id),
  );
  const { inUseLimitDays } = currentRegisterSettings(context).settings;
  const onHand = holding.map(({ container, last }) =>
    containerView(context, container, last, opened.get(container.id) ?? null, inUseLimitDays),
  );
  return { onHand, labels: new Map(rows.map(({ container }) => [container.id, containerLabel(container)])) };
}

/** When each of these containers was first opened (those never opened are absent). */
function openedAtOf(context: ServiceContext, containerIds: readonly number[]): Map<number, string> {
  if (containerIds.length === 0) return new Map();
  const rows = context.ledger.raw
    .prepare(
      `SELECT container_id AS containerId, min(occurred_at) AS at FROM register_entries
       WHERE kind = 'opened' AND container_id IN (${containerIds.map(() => '?').join(',')}) GROUP BY container_id`,
    )
    .all(...containerIds) as { containerId: number; at: string }[];
  return new Map(rows.map((row) => [row.containerId, row.at]));
}

/** One container's whole history, with its balance re-added from the entries as a check. */
export function containerHistory(context: ServiceContext, container: ContainerRow) {
  const entries = listContainerEntries(context.ledger.db, container.id);
  const opened = entries.find((entry) => entry.kind === 'opened')?.occurredAt ?? null;
  const summed = entries.reduce<Balance>(
    (sum, entry) => applyDelta(sum, { ml: entry.deltaMl, mg: entry.deltaMg }),
    zeroBalance,
  );
  return {
    container: containerView(
      context,
      container,
      entries.at(-1),
      opened,
      currentRegisterSettings(context).settings.inUseLimitDays,
    ),
    entries: registerEntryViews(context, entries),
    /** False only if the stored running balances disagree with their deltas (never, short of tampering). */
    balanceConsistent:
      entries.length === 0 || (summed.ml === entries.at(-1)?.balanceMl && summed.mg === entries.at(-1)?.balanceMg),
  };
}
