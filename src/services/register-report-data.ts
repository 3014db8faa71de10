import { formatPatientName } from '../domain/patient';
import { formatQuantity } from '../domain/quantity';
import type { Balance } from '../domain/register-balance';
import { applyDelta, difference, negate, sumOf, zeroBalance } from '../domain/register-balance';
import { discrepancyCategoryLabels, inventoryKindLabels } from '../domain/register';
import type { DiscrepancyCategory } from '../domain/register';
import { currentFormulary } from '../db/formulary-repo';
import { getPatient } from '../db/patients-repo';
import { listContainersWithLastEntry, listInventories } from '../db/register-repo';
import { registerEntries, registerReceipts } from '../db/schema/register';
import { getSession } from '../db/sessions-repo';
import type { RegisterEntryRecord, RegisterSnapshot } from '../export/register-snapshot';
import type {
  RegisterContainerSection,
  RegisterDrugSummary,
  RegisterInventorySection,
  RegisterReportLine,
  RegisterSessionUse,
} from '../pdf/register-report-input';
import type { ServiceContext } from './context';
import { containerLabel } from './register-moves';

/** The whole register as plain rows (a clinic holds hundreds of containers, not millions). */
export function registerRecords(context: ServiceContext): RegisterSnapshot {
  const db = context.ledger.db;
  const rxNorm = new Map(currentFormulary(db).content.drugs.map((drug) => [drug.id, drug.rxNormCode ?? null]));
  const containers = listContainersWithLastEntry(db).map(({ container }) => ({
    id: container.id,
    label: containerLabel(container),
    receiptId: container.receiptId,
    drugId: container.drugId,
    drugName: container.drugName,
    concentrationMgPerMl: container.concentrationMgPerMl,
    volumeMl: container.volumeMl,
    lotNumber: container.lotNumber,
    lotExpiry: container.lotExpiry,
    rxNormCode: rxNorm.get(container.drugId) ?? null,
    createdAt: container.createdAt,
  }));
  const byId = new Map(containers.map((container) => [container.id, container]));
  const mrns = new Map<number, string | null>();
  const mrnOf = (sessionId: number | null) => {
    if (sessionId === null) return null;
    if (!mrns.has(sessionId)) {
      const session = getSession(db, sessionId);
      mrns.set(sessionId, session === undefined ? null : (getPatient(db, session.patientId)?.mrn ?? null));
    }
    return mrns.get(sessionId) ?? null;
  };
  const entries = db
    .select()
    .from(registerEntries)
    .orderBy(registerEntries.id)
    .all()
    .map((row): RegisterEntryRecord => {
      const container = byId.get(row.containerId);
      if (container === undefined) throw new Error(`register entry ${row.id} names no container`);
      return {
        id: row.id,
        containerId: row.containerId,
        containerLabel: container.label,
        drugId: container.drugId,
        drugName: container.drugName,
        concentrationMgPerMl: container.concentrationMgPerMl,
        lotNumber: container.lotNumber,
        lotExpiry: container.lotExpiry,
        kind: row.kind,
        deltaMl: row.deltaMl,
        deltaMg: row.deltaMg,
        balanceMl: row.balanceMl,
        balanceMg: row.balanceMg,
        occurredAt: row.occurredAt,
        recordedAt: row.recordedAt,
        printedName: row.printedName,
        witnessPrintedName: row.witnessPrintedName,
        sessionId: row.sessionId,
        patientMrn: mrnOf(row.sessionId),
        inventoryId: row.inventoryId,
        refersToEntryId: row.refersToEntryId,
        reason: row.reason,
        details: row.details,
      };
    });
  const receipts = db
    .select()
    .from(registerReceipts)
    .orderBy(registerReceipts.id)
    .all()
    .map(({ receivedByUserId: _by, checkedByUserId: _checker, ...receipt }) => receipt);
  const inventories = listInventories(db)
    .reverse()
    .map(({ id, kind, countedAt, printedName, secondCounterName, notes, recordedAt }) => ({
      id,
      kind,
      countedAt,
      printedName,
      secondCounterName,
      notes,
      recordedAt,
    }));
  return { receipts, containers, entries, inventories };
}

const deltaOf = (entry: RegisterEntryRecord): Balance => ({ ml: entry.deltaMl, mg: entry.deltaMg });
const detailsOf = (entry: RegisterEntryRecord) => JSON.parse(entry.details) as Record<string, string | undefined>;
const wastedOf = (entry: RegisterEntryRecord): Balance => {
  const details = detailsOf(entry);
  return { ml: details.wastedMl ?? '0', mg: details.wastedMg ?? '0' };
};
const both = (balance: Balance) => `${formatQuantity(balance.ml, 'mL')} (${formatQuantity(balance.mg, 'mg')})`;

/** The kind an entry counts as: a correction counts as the kind of the entry it corrects. */
function effectiveKind(entry: RegisterEntryRecord, byId: ReadonlyMap<number, RegisterEntryRecord>): string {
  return entry.kind === 'correction' ? (byId.get(entry.refersToEntryId ?? -1)?.kind ?? 'correction') : entry.kind;
}

function sessionName(context: ServiceContext, sessionId: number): string {
  const session = getSession(context.ledger.db, sessionId);
  const patient = session === undefined ? undefined : getPatient(context.ledger.db, session.patientId);
  return patient === undefined
    ? `Session ${sessionId}`
    : `Session ${sessionId} · ${formatPatientName(patient)} · MRN ${patient.mrn}`;
}

function noteOf(entry: RegisterEntryRecord): string {
  const details = detailsOf(entry);
  const parts: string[] = [];
  if (entry.kind === 'wasted') parts.push(`wasted ${both(wastedOf(entry))} of what the session drew`);
  if (entry.kind === 'counted') {
    parts.push(
      `counted ${both({ ml: details.countedMl ?? '0', mg: details.countedMg ?? '0' })}, expected ${both({ ml: details.expectedMl ?? '0', mg: details.expectedMg ?? '0' })}`,
    );
  }
  if (details.method !== undefined) parts.push(`method: ${details.method}`);
  if (details.category !== undefined) {
    parts.push(discrepancyCategoryLabels[details.category as DiscrepancyCategory] ?? details.category);
  }
  if (entry.refersToEntryId !== null) parts.push(`refers to #${entry.refersToEntryId}`);
  if (entry.reason !== null && entry.reason !== '') parts.push(entry.reason);
  return parts.join('; ');
}

export interface RegisterReportParts {
  drugs: RegisterDrugSummary[];
  containers: RegisterContainerSection[];
  inventories: RegisterInventorySection[];
  /** The entries in the range, for the CSV. */
  entries: RegisterEntryRecord[];
}

/**
 * The register between two instants: per drug, opening + movements = closing (checked here,
 * exactly, before anything is printed), per container its entries, and the inventories.
 */
export function registerReportParts(context: ServiceContext, fromIso: string, toIso: string): RegisterReportParts {
  const records = registerRecords(context);
  const byId = new Map(records.entries.map((entry) => [entry.id, entry]));
  const inRange = (entry: { occurredAt: string }) => entry.occurredAt >= fromIso && entry.occurredAt < toIso;
  const rangeEntries = records.entries
    .filter(inRange)
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id - b.id));
  const sessionNames = new Map<number, string>();
  const nameOf = (id: number) => sessionNames.get(id) ?? sessionNames.set(id, sessionName(context, id)).get(id) ?? '';

  const containers: RegisterContainerSection[] = [];
  const drugs = new Map<string, RegisterDrugSummary>();
  for (const container of records.containers) {
    const own = records.entries.filter((entry) => entry.containerId === container.id);
    const opening = sumOf(own.filter((entry) => entry.occurredAt < fromIso).map(deltaOf));
    const closing = sumOf(own.filter((entry) => entry.occurredAt < toIso).map(deltaOf));
    const lines = rangeEntries.filter((entry) => entry.containerId === container.id);
    if (lines.length === 0 && opening.ml === '0' && opening.mg === '0') continue;
    containers.push({
      label: container.label,
      drugName: container.drugName,
      concentrationMgPerMl: container.concentrationMgPerMl,
      lotNumber: container.lotNumber,
      lotExpiry: container.lotExpiry,
      opening,
      closing,
      lines: lines.map((entry): RegisterReportLine => ({
        id: entry.id,
        kind: entry.kind,
        occurredAt: entry.occurredAt,
        delta: deltaOf(entry),
        balance: { ml: entry.balanceMl, mg: entry.balanceMg },
        printedName: entry.printedName,
        witnessPrintedName: entry.witnessPrintedName,
        session: entry.sessionId === null ? null : nameOf(entry.sessionId),
        note: noteOf(entry),
      })),
    });
    const key = `${container.drugId}\u0000${container.concentrationMgPerMl}`;
    const drug = drugs.get(key) ?? {
      drugName: container.drugName,
      concentrationMgPerMl: container.concentrationMgPerMl,
      opening: zeroBalance,
      received: zeroBalance,
      drawn: zeroBalance,
      administered: zeroBalance,
      wasted: zeroBalance,
      returned: zeroBalance,
      destroyed: zeroBalance,
      lost: zeroBalance,
      closing: zeroBalance,
      sessions: [],
    };
    drug.opening = applyDelta(drug.opening, opening);
    drug.closing = applyDelta(drug.closing, closing);
    const uses = new Map<number, RegisterSessionUse>();
    for (const entry of lines) {
      const kind = effectiveKind(entry, byId);
      const delta = deltaOf(entry);
      if (kind === 'received') drug.received = applyDelta(drug.received, delta);
      if (kind === 'returned') drug.returned = difference(drug.returned, delta);
      if (kind === 'destroyed') drug.destroyed = difference(drug.destroyed, delta);
      if (kind === 'lost') drug.lost = difference(drug.lost, delta);
      if ((kind !== 'drawn' && kind !== 'wasted') || entry.sessionId === null) continue;
      const use = uses.get(entry.sessionId) ?? {
        session: nameOf(entry.sessionId),
        containerLabel: container.label,
        drawn: zeroBalance,
        wasted: zeroBalance,
        administered: zeroBalance,
        wasteWitnesses: '',
      };
      if (kind === 'drawn') use.drawn = difference(use.drawn, delta);
      if (kind === 'wasted') {
        use.wasted = applyDelta(use.wasted, wastedOf(entry));
        const witness = entry.witnessPrintedName ?? '';
        if (witness !== '' && !use.wasteWitnesses.split(', ').includes(witness)) {
          use.wasteWitnesses = use.wasteWitnesses === '' ? witness : `${use.wasteWitnesses}, ${witness}`;
        }
      }
      use.administered = difference(use.drawn, use.wasted);
      uses.set(entry.sessionId, use);
    }
    for (const use of uses.values()) {
      drug.drawn = applyDelta(drug.drawn, use.drawn);
      drug.wasted = applyDelta(drug.wasted, use.wasted);
      drug.administered = applyDelta(drug.administered, use.administered);
      drug.sessions.push(use);
    }
    drugs.set(key, drug);
  }
  for (const drug of drugs.values()) {
    const moved = sumOf([drug.received, ...[drug.drawn, drug.returned, drug.destroyed, drug.lost].map(negate)]);
    const expected = applyDelta(drug.opening, moved);
    if (difference(expected, drug.closing).ml !== '0' || difference(expected, drug.closing).mg !== '0') {
      // Never print a register whose columns do not add up: that would be a defect, not a report.
      throw new Error(`the register's movements of ${drug.drugName} do not add up to its closing balance`);
    }
  }
  return {
    drugs: [...drugs.values()],
    containers,
    inventories: inventorySections(records, inRange),
    entries: rangeEntries,
  };
}

function inventorySections(
  records: RegisterSnapshot,
  inRange: (item: { occurredAt: string }) => boolean,
): RegisterInventorySection[] {
  return records.inventories
    .filter((inventory) => inRange({ occurredAt: inventory.countedAt }))
    .map((inventory) => ({
      id: inventory.id,
      kindLabel: inventoryKindLabels[inventory.kind as keyof typeof inventoryKindLabels] ?? inventory.kind,
      countedAt: inventory.countedAt,
      printedName: inventory.printedName,
      secondCounterName: inventory.secondCounterName,
      notes: inventory.notes,
      counts: records.entries
        .filter((entry) => entry.kind === 'counted' && entry.inventoryId === inventory.id)
        .map((count) => {
          const details = detailsOf(count);
          const about = records.entries.filter((entry) => entry.refersToEntryId === count.id);
          const explained = about.find((entry) => entry.kind === 'explained');
          const reviewed = about.find((entry) => entry.kind === 'reviewed');
          const category = explained === undefined ? undefined : detailsOf(explained).category;
          return {
            containerLabel: count.containerLabel,
            expected: { ml: details.expectedMl ?? '0', mg: details.expectedMg ?? '0' },
            counted: { ml: details.countedMl ?? '0', mg: details.countedMg ?? '0' },
            discrepancy: { ml: details.discrepancyMl ?? '0', mg: details.discrepancyMg ?? '0' },
            explanation:
              explained === undefined
                ? null
                : `${discrepancyCategoryLabels[category as DiscrepancyCategory] ?? category ?? ''}: ${explained.reason ?? ''} (${explained.printedName})`,
            review: reviewed === undefined ? null : `Reviewed by ${reviewed.printedName}: ${reviewed.reason ?? ''}`,
          };
        }),
    }));
}
