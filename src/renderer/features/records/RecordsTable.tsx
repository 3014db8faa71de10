import { Link } from 'react-router';
import type { RecordView } from '../../../domain/record-view';
import { formatDateTime } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { StatusWord } from '../../components/StatusWord';
import { recordSummary } from './record-summary';
import { recordTitle, shownVersion } from './record-words';

/** The patient's exams and plans, newest first, each with its state in words. */
export function RecordsTable({
  records,
  patientId,
  drugName,
}: {
  records: readonly RecordView[];
  patientId: number;
  drugName: (drugId: string | null) => string;
}) {
  const { clinic } = useSignedIn();
  return (
    <div className="table-wrap">
      <table className="table records-table">
        <caption className="visually-hidden">Exams, infusion plans and course reviews, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Record</th>
            <th scope="col">Status</th>
            <th scope="col" className="cell-number">
              Version
            </th>
            <th scope="col">Signed or written by</th>
            <th scope="col">When</th>
          </tr>
        </thead>
        <tbody>
          {records.map((record) => {
            const shown = shownVersion(record);
            const latest = record.versions.at(-1);
            if (shown === undefined || latest === undefined) return null;
            const signature = shown.signatures[0];
            const summary = recordSummary(shown);
            return (
              <tr key={record.id}>
                <th scope="row">
                  <Link to={`/patients/${patientId}/records/${record.id}`}>{recordTitle(shown, drugName)}</Link>
                  {summary !== '' && (
                    <span className="record-summary" dir="auto">
                      {summary}
                    </span>
                  )}
                </th>
                <td>
                  <StatusWord status={record.discontinued === null ? shown.displayStatus : 'Discontinued'} />
                  {latest.id !== shown.id && <span className="record-draft-note">Amendment draft open</span>}
                </td>
                <td className="cell-number">{shown.version}</td>
                <td>
                  <span dir="auto">{signature?.printedName ?? shown.authorPrintedName}</span>
                </td>
                <td className="nowrap">
                  {shown.signedAt === null
                    ? `Saved ${formatDateTime(shown.updatedAt, clinic.timeZone, { offset: false })}`
                    : `Signed ${formatDateTime(shown.signedAt, clinic.timeZone, { offset: false })}`}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
