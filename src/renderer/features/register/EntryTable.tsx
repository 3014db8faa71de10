import { Link } from 'react-router';
import type { DiscrepancyCategory, RegisterEntryView } from '../../../domain/register';
import { formatQuantity } from '../../../domain/quantity';
import { JumpButton } from './JumpButton';
import { WhenText } from './WhenText';
import { writeOffCategoryOf } from './register-report-form';
import { correctableKinds, entryDetailLines, entryKindLabels, signedQuantity } from './register-words';

/** Every entry of a container in order: what, when (clinic time), who, the change and the running balance. */
export function EntryTable({
  entries,
  clinicTimeZone,
  onCorrect,
  onLossReport,
}: {
  entries: readonly RegisterEntryView[];
  clinicTimeZone: string;
  /** Offered on correctable entries when the role may correct. */
  onCorrect?: ((entry: RegisterEntryView) => void) | undefined;
  /** Offered on an explanation that wrote drug off, to whoever may produce the Form 106 information. */
  onLossReport?: ((explanation: RegisterEntryView, category: DiscrepancyCategory) => void) | undefined;
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
            const writeOff = writeOffCategoryOf(entry);
            return (
              <tr key={entry.id} id={`entry-${entry.id}`} tabIndex={-1}>
                <th scope="row">
                  {entryKindLabels[entry.kind]}
                  <div className="hint">Entry {entry.id}</div>
                </th>
                <td>
                  <div>
                    <WhenText instant={entry.occurredAt} clinicTimeZone={clinicTimeZone} />
                  </div>
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
                      <JumpButton targetId={`entry-${entry.refersToEntryId}`}>entry {entry.refersToEntryId}</JumpButton>
                    </p>
                  )}
                  {corrections.length > 0 && (
                    <p className="register-corrected">
                      Corrected by {corrections.map((id) => `entry ${id}`).join(', ')}
                    </p>
                  )}
                  {entry.sessionId !== null && (
                    <p>
                      {entry.sessionPatientId === null ? (
                        `Infusion session ${entry.sessionId}`
                      ) : (
                        <Link to={`/patients/${entry.sessionPatientId}/sessions/${entry.sessionId}`}>
                          Infusion session {entry.sessionId}
                        </Link>
                      )}
                    </p>
                  )}
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
                  {onLossReport !== undefined && writeOff !== null && (
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => onLossReport(entry, writeOff)}
                    >
                      Form 106 information (PDF)<span className="visually-hidden"> for entry {entry.id}</span>
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
