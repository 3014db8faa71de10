import type { FieldIssue } from '../../../contract/errors';
import type { FormularyContent } from '../../../domain/formulary';
import type { ReceiptInput } from '../../../domain/register';
import { receiptInputSchema } from '../../../domain/register';
import { parseDate } from '../../lib/parse-fields';
import type { SecondPersonValues } from './register-form';
import { noSecondPerson, schemaIssues, secondPersonIssues } from './register-form';

/** The receipt form as typed: text everywhere, so nothing typed is lost when a save fails. */
export interface ReceiptValues {
  drugId: string;
  concentrationMgPerMl: string;
  containerVolumeMl: string;
  containerCount: string;
  lotNumber: string;
  lotExpiry: string;
  supplierName: string;
  supplierAddress: string;
  supplierRegistration: string;
  invoiceNumber: string;
  receivedOn: string;
  checker: SecondPersonValues;
}

export const receiptFields = [
  'drugId',
  'concentrationMgPerMl',
  'containerVolumeMl',
  'containerCount',
  'lotNumber',
  'lotExpiry',
  'supplierName',
  'supplierAddress',
  'supplierRegistration',
  'invoiceNumber',
  'receivedOn',
  'checker',
] as const;

/** Nothing chosen in advance: not the drug, not the amounts (a receipt is what arrived). */
export function emptyReceipt(receivedOn: string): ReceiptValues {
  return {
    drugId: '',
    concentrationMgPerMl: '',
    containerVolumeMl: '',
    containerCount: '',
    lotNumber: '',
    lotExpiry: '',
    supplierName: '',
    supplierAddress: '',
    supplierRegistration: '',
    invoiceNumber: '',
    receivedOn,
    checker: noSecondPerson,
  };
}

/** The formulary's concentrations of the chosen drug, for the concentration list. */
export function concentrationsOf(formulary: FormularyContent, drugId: string): readonly string[] {
  return formulary.drugs.find((drug) => drug.id === drugId)?.concentrationsMgPerMl ?? [];
}

/**
 * The receipt to send, or the problems with what was typed, each under its field. `today`
 * is the clinic's date: a delivery cannot have arrived tomorrow.
 */
export function receiptFrom(
  values: ReceiptValues,
  today: string,
): { input: ReceiptInput; issues: [] } | { input: null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  if (values.drugId === '') issues.push({ path: 'drugId', message: 'Choose the drug' });
  if (values.concentrationMgPerMl === '') {
    issues.push({ path: 'concentrationMgPerMl', message: 'Choose the concentration on the label' });
  }
  const count = values.containerCount.trim();
  if (count === '') issues.push({ path: 'containerCount', message: 'Enter how many containers arrived' });
  else if (!/^\d+$/.test(count)) {
    issues.push({ path: 'containerCount', message: 'Enter the number of containers as a whole number, e.g. 5' });
  }
  const receivedOn = parseDate(values.receivedOn, 'receivedOn', issues, 'Enter the date the delivery was received');
  if (receivedOn !== null && receivedOn > today) {
    issues.push({ path: 'receivedOn', message: 'The date received cannot be in the future' });
  }
  issues.push(...secondPersonIssues(values.checker, 'checker', 'checker'));
  const parsed = receiptInputSchema.safeParse({
    ...values,
    containerCount: /^\d+$/.test(count) ? Number(count) : 0,
    receivedOn: receivedOn ?? '',
    checker: { username: values.checker.username, password: values.checker.password },
  });
  if (!parsed.success) issues.push(...schemaIssues(parsed.error, issues));
  if (issues.length > 0 || !parsed.success) return { input: null, issues };
  return { input: parsed.data, issues: [] };
}
