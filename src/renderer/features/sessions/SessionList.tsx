import { Link } from 'react-router';
import { formatQuantity } from '../../../domain/quantity';
import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { dayText } from './entry-time';
import { sessionLabel } from './session-label';
import { SessionStatusWord } from './SessionStatusWord';

/** What a row shows: a row of `sessions.course` without its dose (the course page) or of `sessions.page` (the chart). */
type SessionRowFields = Pick<
  SessionView,
  'id' | 'seriesNumber' | 'seriesTotal' | 'startedAt' | 'createdAt' | 'status' | 'createdByPrintedName'
> & {
  /** The drug given, when the list was read with it (`sessions.page`): a column of its own. */
  doseGivenMg?: string | null;
};

/** Sessions as a table: series position (a link), date, status in words, drug given when known, nurse. */
export function SessionList({ patientId, sessions }: { patientId: number; sessions: readonly SessionRowFields[] }) {
  const { clinic } = useSignedIn();
  const withDose = sessions.some((session) => session.doseGivenMg !== undefined);
  return (
    <div className="table-wrap">
      <table className="table session-list">
        <thead>
          <tr>
            <th scope="col">Infusion</th>
            <th scope="col">Date</th>
            <th scope="col">Status</th>
            {withDose && <th scope="col">Drug given</th>}
            <th scope="col">Nurse</th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((session) => (
            <tr key={session.id}>
              <th scope="row">
                <Link to={`/patients/${patientId}/sessions/${session.id}`}>{sessionLabel(session)}</Link>
              </th>
              <td className="nowrap">{dayText(session.startedAt ?? session.createdAt, clinic.timeZone)}</td>
              <td>
                <SessionStatusWord status={session.status} />
              </td>
              {withDose && (
                <td className="nowrap">
                  {session.doseGivenMg === null || session.doseGivenMg === undefined ? (
                    <span className="value-unknown">Not charted</span>
                  ) : (
                    formatQuantity(session.doseGivenMg, 'mg')
                  )}
                </td>
              )}
              <td dir="auto">{session.createdByPrintedName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
