import type { ExamContent } from '../../../domain/exam';
import { resultLabel } from '../../../domain/pretreatment-results';
import { pretreatmentValueText, resultSourceText, takenOnText } from '../../../domain/pretreatment-text';

/**
 * The exam's pre-treatment results as signed, and the physician's reason for signing without
 * a required one, with the gaps it answered. Nothing for an exam recorded before results were.
 */
export function PretreatmentView({ content, uid }: { content: ExamContent; uid: string }) {
  const pretreatment = content.pretreatment;
  if (pretreatment === undefined) return null;
  const { results, acknowledgement } = pretreatment;
  return (
    <section className="card" aria-labelledby={`${uid}-pretreatment`}>
      <h2 id={`${uid}-pretreatment`}>Pre-treatment results</h2>
      {results.length === 0 ? (
        <p className="value-unknown">No results recorded</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Result</th>
              <th scope="col">Taken on</th>
              <th scope="col">Value</th>
              <th scope="col">Source</th>
              <th scope="col">Entered by</th>
            </tr>
          </thead>
          <tbody>
            {results.map((result) => (
              <tr key={result.id}>
                <th scope="row" dir="auto">
                  {resultLabel(result.value)}
                </th>
                <td>{takenOnText(result)}</td>
                <td dir="auto">
                  {pretreatmentValueText(result.value)}
                  {result.note.trim() === '' ? '' : ` — ${result.note.trim()}`}
                </td>
                <td dir="auto">{resultSourceText(result)}</td>
                <td>{result.recordedBy?.printedName ?? 'Not known'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {acknowledgement !== undefined && (
        <div className="pretreatment-acknowledgement">
          {acknowledgement.problems.length > 0 && (
            <ul>
              {acknowledgement.problems.map((problem) => (
                <li key={problem}>
                  <span className="status status-attention">Required by the clinic</span> {problem}
                </li>
              ))}
            </ul>
          )}
          <p>
            <span className="label">Reason given for signing</span>{' '}
            <span className="value" dir="auto">
              {acknowledgement.reason}
            </span>
          </p>
        </div>
      )}
    </section>
  );
}
