import type { JsonValue } from '../domain/canonical-json';
import { discrepancyCategoryLabels, writeOffCategories } from '../domain/register';
import type { DiscrepancyCategory } from '../domain/register';
import { getRegisterEntry, listEntriesReferringTo } from '../db/register-repo';
import { renderLossReportSync } from '../pdf/register-loss-report';
import type { RegisterLossContent } from '../pdf/register-report-input';
import type { ServiceContext } from './context';
import { requireClinic } from './context';
import { containerLabel, requireContainer } from './register-moves';
import { signRegisterDocument } from './register-report-signing';
import { currentRegisterSettings } from './register-settings';
import { ServiceError } from './service-error';
import type { CommittedRefusal } from './service-error';

interface CountDetails {
  countedMl?: string;
  countedMg?: string;
  expectedMl?: string;
  expectedMg?: string;
  discrepancyMl?: string;
  discrepancyMg?: string;
}

/**
 * The information for DEA Form 106 about one discrepancy that was explained as theft, loss or
 * spillage (and so written off): what the register knows of it, signed by whoever produces it.
 */
export function lossReport(
  context: ServiceContext,
  input: { countEntryId: number; username?: string | undefined; password: string },
): { pdf: Buffer | CommittedRefusal; containerLabel: string } {
  const count = getRegisterEntry(context.ledger.db, input.countEntryId);
  const explained =
    count?.kind === 'counted'
      ? listEntriesReferringTo(context.ledger.db, [count.id]).find((entry) => entry.kind === 'explained')
      : undefined;
  const category =
    explained === undefined ? undefined : (JSON.parse(explained.details) as { category?: string }).category;
  if (count === undefined || explained === undefined || !writeOffCategories.has(category as DiscrepancyCategory)) {
    throw new ServiceError(
      'INVALID_INPUT',
      'Only a count whose discrepancy was explained as theft, loss or spillage has a theft-or-loss report.',
      [{ path: 'countEntryId', message: 'Not a discrepancy written off as theft, loss or spillage' }],
    );
  }
  const reviewed = listEntriesReferringTo(context.ledger.db, [count.id]).find((entry) => entry.kind === 'reviewed');
  const container = requireContainer(context, count.containerId);
  const details = JSON.parse(count.details) as CountDetails;
  const clinic = requireClinic(context);
  const { settings } = currentRegisterSettings(context);
  const content: RegisterLossContent = {
    document: 'controlled-substance-loss',
    clinic: { name: clinic.name, address: clinic.address, timeZone: clinic.timeZone },
    registration: { registrantName: settings.registrantName, registrationNumber: settings.registrationNumber },
    countEntryId: count.id,
    containerLabel: containerLabel(container),
    drugName: container.drugName,
    concentrationMgPerMl: container.concentrationMgPerMl,
    containerVolumeMl: container.volumeMl,
    lotNumber: container.lotNumber,
    lotExpiry: container.lotExpiry,
    categoryLabel: discrepancyCategoryLabels[category as DiscrepancyCategory],
    discoveredAt: count.occurredAt,
    missing: { ml: details.discrepancyMl ?? '0', mg: details.discrepancyMg ?? '0' },
    expected: { ml: details.expectedMl ?? '0', mg: details.expectedMg ?? '0' },
    counted: { ml: details.countedMl ?? '0', mg: details.countedMg ?? '0' },
    countedBy: count.printedName,
    secondCounter: count.witnessPrintedName ?? 'Not known',
    explanation: explained.reason ?? '',
    explainedBy: explained.printedName,
    explainedAt: explained.occurredAt,
    review: reviewed === undefined ? null : `${reviewed.printedName}: ${reviewed.reason ?? ''}`,
  };
  const pdf = signRegisterDocument(
    context,
    input,
    (signing) => renderLossReportSync(content, signing),
    JSON.parse(JSON.stringify(content)) as JsonValue,
  );
  return { pdf, containerLabel: content.containerLabel };
}
