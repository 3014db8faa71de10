import { Link } from 'react-router';
import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { dayText } from './entry-time';
import { sessionLabel } from './session-label';
import { SessionStatusWord } from './SessionStatusWord';

/** Sessions as a table: series position (a link), date, status in words, nurse. */
export function SessionList({ patientId, sessions }: { patientId: number; sessions: readonly SessionView[] }) {
  const { clinic } = useSignedIn();
  return (
    <div className="table-wrap">
      <table className="table session-list">
        <thead>
          <tr>
            <th scope="col">Infusion</th>
            <th scope="col">Date</th>
            <th scope="col">Status</th>
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
              <td dir="auto">{session.createdByPrintedName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
