import type { ContainerView } from '../domain/register';
import type { Balance } from '../domain/register-balance';
import { applyDelta, isZero, zeroBalance } from '../domain/register-balance';
import { lastUseDay } from '../domain/lot-expiry';
import { localDate } from '../domain/time';
import type { RegisterOverview } from '../contract/register-methods';
import {
  listCountEntries,
  listEntriesReferringTo,
  listInventories,
  listSessionRegisterEntries,
} from '../db/register-repo';
import type { Handlers, ServiceContext } from './context';
import { requireClinic } from './context';
import { recordInventory, explainDiscrepancy, reviewDiscrepancy } from './register-inventory';
import { requireContainer } from './register-moves';
import { receive } from './register-receipts';
import { currentRegisterSettings, mayDo, saveRegisterSettings } from './register-settings';
import { registerReportHandlers } from './register-report';
import { correct, destroy, draw, openContainer, returnToSupplier, sessionUse, waste } from './register-use';
import { containerHistory, onHandContainerViews, registerEntryView, registerEntryViews } from './register-views';

type RegisterMethod =
  | 'register.overview'
  | 'register.container'
  | 'register.sessionUse'
  | 'register.receive'
  | 'register.open'
  | 'register.draw'
  | 'register.waste'
  | 'register.return'
  | 'register.destroy'
  | 'register.correct'
  | 'register.inventory'
  | 'register.explain'
  | 'register.review'
  | 'register.settings.update'
  | 'register.report'
  | 'register.lossReport';

/** Stock per key (drug and concentration, or lot too), summed exactly. */
function stockBy(views: readonly ContainerView[], withLot: boolean): RegisterOverview['byDrug'] {
  const groups = new Map<string, { view: ContainerView; balance: Balance; containers: number }>();
  for (const view of views) {
    const key = [view.drugId, view.concentrationMgPerMl, withLot ? view.lotNumber : ''].join('\u0000');
    const group = groups.get(key) ?? { view, balance: zeroBalance, containers: 0 };
    groups.set(key, { view, balance: applyDelta(group.balance, view.balance), containers: group.containers + 1 });
  }
  return [...groups.values()].map(({ view, balance, containers }) => ({
    drugId: view.drugId,
    drugName: view.drugName,
    concentrationMgPerMl: view.concentrationMgPerMl,
    lotNumber: withLot ? view.lotNumber : null,
    balance,
    containers,
  }));
}

/** Counts that differ and still need an explanation, or (once explained) a physician's review. */
function openDiscrepancies(
  context: ServiceContext,
  labels: ReadonlyMap<number, string>,
): RegisterOverview['discrepancies'] {
  const db = context.ledger.db;
  const counts = listCountEntries(db).filter((count) => {
    const details = JSON.parse(count.details) as { discrepancyMl?: string; discrepancyMg?: string };
    return !isZero({ ml: details.discrepancyMl ?? '0', mg: details.discrepancyMg ?? '0' });
  });
  const referring = listEntriesReferringTo(
    db,
    counts.map((count) => count.id),
  );
  return counts
    .map((count) => {
      const about = referring.filter((entry) => entry.refersToEntryId === count.id);
      const explanation = about.find((entry) => entry.kind === 'explained');
      const review = about.find((entry) => entry.kind === 'reviewed');
      return {
        count: registerEntryView(context, count),
        containerLabel: labels.get(count.containerId) ?? `container ${count.containerId}`,
        explanation: explanation === undefined ? null : registerEntryView(context, explanation),
        review: review === undefined ? null : registerEntryView(context, review),
      };
    })
    .filter((discrepancy) => discrepancy.review === null);
}

function overview(context: ServiceContext): RegisterOverview {
  const { version, settings } = currentRegisterSettings(context);
  const { onHand, labels } = onHandContainerViews(context);
  const soon = localDate(new Date(context.now.getTime() + 60 * 86_400_000), requireClinic(context).timeZone);
  return {
    settingsVersion: version,
    settings,
    mayRecord: {
      receipt: mayDo(context, settings, 'receipt'),
      inventory: mayDo(context, settings, 'inventory'),
      destruction: mayDo(context, settings, 'destruction'),
    },
    onHand,
    byDrug: stockBy(onHand, false),
    byLot: stockBy(onHand, true),
    expiringSoon: onHand.filter((view) => lastUseDay(view.lotExpiry) <= soon),
    openVials: onHand.filter((view) => view.status === 'open'),
    discrepancies: openDiscrepancies(context, labels),
    inventories: listInventories(context.ledger.db)
      .slice(0, 20)
      .map(({ id, kind, countedAt, printedName, secondCounterName }) => ({
        id,
        kind,
        countedAt,
        printedName,
        secondCounterName,
      })),
  };
}

function sessionUseView(context: ServiceContext, sessionId: number) {
  const entries = listSessionRegisterEntries(context.ledger.db, sessionId);
  const containerIds = [...new Set(entries.map((entry) => entry.containerId))];
  return {
    containers: containerIds.map((containerId) => {
      const container = requireContainer(context, containerId);
      const history = containerHistory(context, container);
      return { container: history.container, ...sessionUse(entries, containerId) };
    }),
    entries: registerEntryViews(context, entries),
  };
}

export const registerHandlers: Handlers<RegisterMethod> = {
  'register.overview': (context) => overview(context),
  'register.container': (context, input) => containerHistory(context, requireContainer(context, input.containerId)),
  'register.sessionUse': (context, input) => sessionUseView(context, input.sessionId),
  'register.receive': (context, input) => {
    const { receipt, containers } = receive(context, input);
    return {
      receiptId: receipt.id,
      containers: containers.map((container) => containerHistory(context, container).container),
    };
  },
  'register.open': (context, input) => ({ entry: registerEntryView(context, openContainer(context, input)) }),
  'register.draw': (context, input) => ({ entry: registerEntryView(context, draw(context, input)) }),
  'register.waste': (context, input) => ({ entry: registerEntryView(context, waste(context, input)) }),
  'register.return': (context, input) => ({ entry: registerEntryView(context, returnToSupplier(context, input)) }),
  'register.destroy': (context, input) => ({ entry: registerEntryView(context, destroy(context, input)) }),
  'register.correct': (context, input) => ({ entry: registerEntryView(context, correct(context, input)) }),
  'register.inventory': (context, input) => {
    const { inventory, counts } = recordInventory(context, input);
    return { inventoryId: inventory.id, counts: registerEntryViews(context, counts) };
  },
  'register.explain': (context, input) => ({ entry: registerEntryView(context, explainDiscrepancy(context, input)) }),
  'register.review': (context, input) => ({ entry: registerEntryView(context, reviewDiscrepancy(context, input)) }),
  'register.settings.update': (context, input) => saveRegisterSettings(context, input.settings, input.expectedVersion),
  ...registerReportHandlers,
};
