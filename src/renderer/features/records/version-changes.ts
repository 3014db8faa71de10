import type { JsonValue } from '../../../domain/canonical-json';
import type { FieldChange } from '../../../domain/record-diff';
import { diffRecords } from '../../../domain/record-diff';
import type { RecordVersionView } from '../../../domain/record-view';

/**
 * What changed from one version to the next, field by field: the content as written, and
 * for plans the figures the app worked out when each was signed.
 */
export function versionChanges(before: RecordVersionView, after: RecordVersionView): FieldChange[] {
  const side = (version: RecordVersionView): JsonValue => {
    const content = version.content as unknown as Record<string, JsonValue>;
    if (version.recordType !== 'plan' || version.computed === null) return content;
    return { ...content, computed: version.computed.derived };
  };
  const empty = (value: JsonValue | undefined) =>
    value === undefined || value === null || (typeof value === 'object' && Object.keys(value).length === 0);
  return (
    diffRecords(side(before), side(after))
      // "No reasons" written as {} on one side and as nothing on the other is not a change.
      .filter((change) => !(empty(change.before) && empty(change.after)))
      // What the physician changed first, then the figures the app worked out from it.
      .sort((a, b) => Number(a.path.startsWith('computed.')) - Number(b.path.startsWith('computed.')))
  );
}
