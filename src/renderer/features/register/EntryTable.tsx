import type { RegisterEntryView } from '../../../domain/register';
import { formatDateTime } from '../../../domain/time';
import { formatQuantity } from '../../../domain/quantity';
import { correctableKinds, entryDetailLines, entryKindLabels, signedQuantity } from './register-words';

/** Every entry of a container in order: what, when (clinic time), who, the change and the running balance. */
export function EntryTable({
  entries,
  clinicTimeZone,
  onCorrect,
}: {
  entries: readonly RegisterEntryView[];
  clinicTimeZone: string;
  /** Offered on correctable entries when the role may correct. */
  onCorrect?: ((entry: RegisterEntryView) => void) | undefined;
}) {
  const correctedBy = new Map<number, number[]>();
  for (const entry of entries) {
    if (entry.kind === 'correction' && entry.refersToEntryId !== null) {
      correctedBy.set(entry.refersToEntryId, [...(correctedBy.get(entry.refersToEntryId) ?? []), entry.id]);
    }
  }
  return (
    <div className="table-wrap">
      <table className="table register-entries">
        <caption className="visually-hidden">Entries, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Entry</th>
            <th scope="col">When and who</th>
            <th scope="col" className="cell-number">
              Change
            </th>
            <th scope="col" className="cell-number">
              Balance
            </th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => {
            const corrections = correctedBy.get(entry.id) ?? [];
            return (
              <tr key={entry.id} id={`entry-${entry.id}`}>
                <th scope="row">
                  {entryKindLabels[entry.kind]}
                  <div className="hint">Entry {entry.id}</div>
                </th>
                <td>
                  <span className="register-nowrap">{formatDateTime(entry.occurredAt, clinicTimeZone)}</span>
                  <div>{entry.printedName}</div>
                  {entry.witnessPrintedName !== null && (
                    <div className="hint">
                      {entry.kind === 'received'
                        ? 'Checked by'
                        : entry.kind === 'counted'
                          ? 'Second counter'
                          : 'Witness'}{' '}
                      {entry.witnessPrintedName}
                    </div>
                  )}
                </td>
                <td className="cell-number register-figure">
                  {signedQuantity(entry.delta.ml, 'mL')}
                  <div className="hint">{signedQuantity(entry.delta.mg, 'mg')}</div>
                </td>
                <td className="cell-number register-figure">
                  {formatQuantity(entry.balance.ml, 'mL')}
                  <div className="hint">{formatQuantity(entry.balance.mg, 'mg')}</div>
                </td>
                <td>
                  {entry.refersToEntryId !== null && (
                    <p>
                      {entry.kind === 'correction' ? 'Corrects' : 'About'}{' '}
                      <a href={`#entry-${entry.refersToEntryId}`}>entry {entry.refersToEntryId}</a>
                    </p>
                  )}
                  {corrections.length > 0 && (
                    <p className="register-corrected">
                      Corrected by {corrections.map((id) => `entry ${id}`).join(', ')}
                    </p>
                  )}
                  {entry.sessionId !== null && <p>Infusion session {entry.sessionId}</p>}
                  {entry.reason !== null && (
                    <p dir="auto" className="register-reason">
                      {entry.reason}
                    </p>
                  )}
                  {entryDetailLines(entry).map((line) => (
                    <p key={line}>{line}</p>
                  ))}
                  {onCorrect !== undefined && correctableKinds.has(entry.kind) && (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => onCorrect(entry)}
                    >
                      Correct<span className="visually-hidden"> entry {entry.id}</span>
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
