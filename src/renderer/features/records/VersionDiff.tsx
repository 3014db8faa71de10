import type { RecordVersionView } from '../../../domain/record-view';
import { diffValue } from './diff-value';
import { fieldLabel } from './field-labels';
import { versionChanges } from './version-changes';

/** A field-by-field table of what changed from the version before, in words. */
export function VersionDiff({ before, after }: { before: RecordVersionView; after: RecordVersionView }) {
  const changes = versionChanges(before, after);
  const screeningLabel = (index: number) => {
    const source = after.recordType === 'exam' ? after : before.recordType === 'exam' ? before : null;
    return source?.content.screening[index]?.label ?? `question ${index + 1}`;
  };
  if (changes.length === 0) {
    return <p className="value-unknown">No field changed from version {before.version}.</p>;
  }
  return (
    <div className="table-wrap">
      <table className="table diff-table">
        <caption className="diff-caption">
          Changes from version {before.version} to version {after.version}
        </caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Version {before.version}</th>
            <th scope="col">Version {after.version}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.path}>
              <th scope="row">{fieldLabel(after.recordType, change.path, screeningLabel)}</th>
              <td className="diff-before">
                <span className="visually-hidden">Before: </span>
                <span dir="auto">{diffValue(change.path, change.before)}</span>
              </td>
              <td className="diff-after">
                <span className="visually-hidden">After: </span>
                <span dir="auto">{diffValue(change.path, change.after)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
