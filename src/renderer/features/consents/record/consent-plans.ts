import type { RecordView } from '../../../../domain/record-view';
import { formatDateTime } from '../../../../domain/time';
import { recordSummary } from '../../records/record-summary';

/**
 * How a plan in force reads where a consent is chosen or shown for it: when it was signed, and
 * its dose and series as the chart lists them.
 */
export function planLabel(records: readonly RecordView[], planRecordId: number, zone: string): string {
  const record = records.find((candidate) => candidate.id === planRecordId);
  const version = record?.versions.filter((candidate) => candidate.status === 'signed').at(-1);
  if (version === undefined) return `Plan ${planRecordId}`;
  const signed = version.signedAt === null ? '' : `, signed ${formatDateTime(version.signedAt, zone)}`;
  const summary = recordSummary(version);
  return `Infusion plan ${planRecordId}${signed}${summary === '' ? '' : `: ${summary}`}`;
}
