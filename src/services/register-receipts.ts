import type { ReceiptInput } from '../domain/register';
import { localDate } from '../domain/time';
import { formatPrintedName } from '../domain/user';
import { currentFormulary } from '../db/formulary-repo';
import { keyedRowFields } from '../db/keyed-tables';
import type { ContainerRow, ReceiptRow } from '../db/register-repo';
import { insertContainer, insertReceipt } from '../db/register-repo';
import type { ServiceContext } from './context';
import { requireClinic, requireUser } from './context';
import { addMove, fromMl } from './register-moves';
import { requireRegisterDuty } from './register-settings';
import { secondClinician } from './second-person';
import { ServiceError } from './service-error';

/** The drug of a receipt, as the formulary in force names it, at one of its concentrations. */
function formularyDrug(context: ServiceContext, input: ReceiptInput) {
  const drug = currentFormulary(context.ledger.db).content.drugs.find((candidate) => candidate.id === input.drugId);
  if (drug === undefined) {
    throw new ServiceError('INVALID_INPUT', 'Choose a drug from the formulary.', [
      { path: 'drugId', message: 'Not in the formulary' },
    ]);
  }
  if (!drug.concentrationsMgPerMl.includes(input.concentrationMgPerMl)) {
    throw new ServiceError(
      'INVALID_INPUT',
      `${drug.name} is not in the formulary at ${input.concentrationMgPerMl} mg/mL: choose one of its concentrations.`,
      [{ path: 'concentrationMgPerMl', message: 'Not a formulary concentration' }],
    );
  }
  return drug;
}

/**
 * Records a delivery: the receipt, one container per vial (each with its own identity), and
 * each container's 'received' entry; checked by a second person, all in one transaction.
 */
export function receive(
  context: ServiceContext,
  input: ReceiptInput,
): { receipt: ReceiptRow; containers: ContainerRow[] } {
  requireRegisterDuty(context, 'receipt');
  const user = requireUser(context);
  const drug = formularyDrug(context, input);
  const today = localDate(context.now, requireClinic(context).timeZone);
  if (input.receivedOn > today) {
    throw new ServiceError('INVALID_INPUT', 'The date received cannot be in the future.', [
      { path: 'receivedOn', message: 'In the future' },
    ]);
  }
  const checker = secondClinician(context, input.checker, 'checker');
  const receipt = insertReceipt(context.ledger.db, {
    drugId: drug.id,
    drugName: drug.name,
    concentrationMgPerMl: input.concentrationMgPerMl,
    containerVolumeMl: input.containerVolumeMl,
    containerCount: input.containerCount,
    lotNumber: input.lotNumber,
    lotExpiry: input.lotExpiry,
    supplierName: input.supplierName,
    supplierAddress: input.supplierAddress,
    supplierRegistration: input.supplierRegistration,
    invoiceNumber: input.invoiceNumber,
    receivedOn: input.receivedOn,
    receivedByUserId: user.id,
    receivedByName: formatPrintedName(user),
    checkedByUserId: checker.userId,
    checkedByName: checker.printedName,
    recordedAt: context.nowIso,
  });
  context.audit('register.received', 'register-receipt', receipt.id, {
    ...keyedRowFields(context.ledger.raw, 'register_receipts', receipt.id),
    drugId: drug.id,
    lotNumber: input.lotNumber,
    containerCount: input.containerCount,
    checkedByUserId: checker.userId,
  });
  const containers: ContainerRow[] = [];
  for (let number = 1; number <= input.containerCount; number += 1) {
    const container = insertContainer(context.ledger.db, {
      receiptId: receipt.id,
      numberInReceipt: number,
      drugId: drug.id,
      drugName: drug.name,
      concentrationMgPerMl: input.concentrationMgPerMl,
      volumeMl: input.containerVolumeMl,
      lotNumber: input.lotNumber,
      lotExpiry: input.lotExpiry,
      createdAt: context.nowIso,
    });
    addMove(context, container, {
      kind: 'received',
      delta: fromMl(container, input.containerVolumeMl),
      occurredAt: context.nowIso,
      witness: checker,
      details: { receiptId: receipt.id },
      action: 'register.container-received',
      auditDetails: keyedRowFields(context.ledger.raw, 'register_containers', container.id),
    });
    containers.push(container);
  }
  return { receipt, containers };
}
