import type { RecordVersionView, RecordView } from '../../../domain/record-view';

export type PlanVersion = Extract<RecordVersionView, { recordType: 'plan' }>;

/** The plan version a session was started from. */
export function planVersionOf(records: readonly RecordView[], recordId: number, versionId: number): PlanVersion | null {
  const version = records
    .find((record) => record.id === recordId)
    ?.versions.find((candidate) => candidate.id === versionId);
  return version?.recordType === 'plan' ? version : null;
}

/**
 * The plan a new infusion starts from: the newest plan with a signed version that is not
 * discontinued, and its current signed version.
 */
export function currentSignedPlan(records: readonly RecordView[]): { record: RecordView; version: PlanVersion } | null {
  for (const record of [...records].sort((a, b) => b.id - a.id)) {
    if (record.type !== 'plan' || record.discontinued !== null) continue;
    const version = record.versions.filter((candidate) => candidate.status === 'signed').at(-1);
    if (version?.recordType === 'plan') return { record, version };
  }
  return null;
}
