import type { JsonValue } from '../../../domain/canonical-json';
import { formatNumber } from '../../../domain/quantity';
import { formatDate } from '../../../domain/time';
import { datePaths, isDecimalPath } from './field-labels';

const words: Readonly<Record<string, string>> = {
  yes: 'Yes',
  no: 'No',
  unknown: 'Not known',
  candidate: 'Candidate',
  'not-a-candidate': 'Not a candidate',
  deferred: 'Deferred',
  measured: 'Measured',
  stated: 'Stated by the patient',
  exam: 'The exam',
  entered: 'Entered for the plan',
  fixed: 'Fixed amount (mg)',
  'mg/kg': 'Per kg of body weight (mg/kg)',
};

/** A value of a changed field, in words: "Not recorded", "Yes", "0.5", "23-Nov-2026". */
export function diffValue(path: string, value: JsonValue | undefined): string {
  // Absent (a reason no longer asked for, a figure not worked out) differs from recorded as empty.
  if (value === undefined) return 'None';
  if (value === null) return 'Not recorded';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') {
    if (value === '') return 'Empty';
    if (isDecimalPath(path) && /^\d+(\.\d+)?$/.test(value)) return formatNumber(value);
    if (datePaths.has(path)) return formatDate(value);
    return words[value] ?? value;
  }
  if (Array.isArray(value) && value.length === 0) return 'None';
  if (!Array.isArray(value) && Object.keys(value).length === 0) return 'None';
  return JSON.stringify(value);
}
