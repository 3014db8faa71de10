import type { JsonValue } from '../domain/canonical-json';
import { diffRecords, flattenRecord } from '../domain/record-diff';
import type { RecordRow, VersionRow } from '../db/records-repo';
import type { ServiceContext } from './context';
import { changedBy, changesOf, refuseStaleSave } from './stale-save';

/**
 * The fields changed since the screen loaded the draft: the stored content, with every save made
 * after that undone (newest first, from the `from` values its audit entry kept), compared with
 * the stored content by `diffRecords`. A field changed and changed back is not listed.
 */
function changedSince(stored: JsonValue, saves: ReturnType<typeof changesOf>): string[] {
  const now = flattenRecord(stored);
  const loaded = new Map(now);
  for (const save of saves) {
    const changes = Array.isArray(save.details.changes) ? save.details.changes : [];
    for (const change of changes) {
      if (change === null || typeof change !== 'object' || Array.isArray(change)) continue;
      if (typeof change.path === 'string') loaded.set(change.path, change.from ?? null);
    }
  }
  // Flat objects keyed by dotted path flatten to themselves, so diffRecords compares leaf by leaf.
  return diffRecords(Object.fromEntries(loaded), Object.fromEntries(now)).map((change) => change.path);
}

/**
 * Refuses (CONFLICT, nothing written) a save of a draft made from a screen that loaded it before
 * its last save: the same physician may have it open on two devices. `expectedUpdatedAt` is the
 * draft's `updatedAt` the screen holds; left out (scripts, the demo), nothing is checked.
 */
export function assertDraftCurrent(
  context: ServiceContext,
  record: RecordRow,
  version: VersionRow,
  expectedUpdatedAt: string | undefined,
  refused: 'Not saved' | 'Not signed' = 'Not saved',
): void {
  if (expectedUpdatedAt === undefined || expectedUpdatedAt === version.updatedAt) return;
  const saves = changesOf(
    context,
    { type: record.type, id: record.id },
    ['record.draft-saved'],
    expectedUpdatedAt,
  ).filter((save) => save.details.versionId === version.id);
  const paths = changedSince(JSON.parse(version.content) as JsonValue, saves);
  const last = saves[0];
  const count = paths.length === 1 ? 'one field' : `${paths.length} fields`;
  refuseStaleSave(context, {
    what: `this ${{ exam: 'exam', plan: 'plan', review: 'course review' }[record.type]} draft`,
    by: last === undefined ? 'you' : changedBy(context, { actorUserId: last.actorUserId, device: last.details.device }),
    at: last?.at ?? version.updatedAt,
    changed: paths.length === 0 ? [] : [count],
    paths: paths.map((path) => `content.${path}`),
    refused,
  });
}
