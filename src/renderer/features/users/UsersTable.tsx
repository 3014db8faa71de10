import { roleLabels } from '../../../domain/roles';
import type { User } from '../../../domain/user';
import { formatPrintedName } from '../../../domain/user';
import { serverNow } from '../../lib/server-clock';
import { userStatus } from './user-status';

export interface UsersTableProps {
  users: readonly User[];
  currentUserId: number;
  clinicTimeZone: string;
  busyUserId: number | null;
  onSetActive: (user: User, active: boolean) => void;
  onResetPassword: (user: User) => void;
}

export function UsersTable({
  users,
  currentUserId,
  clinicTimeZone,
  busyUserId,
  onSetActive,
  onResetPassword,
}: UsersTableProps) {
  const now = serverNow();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">User accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Username</th>
            <th scope="col">Role</th>
            <th scope="col">Status</th>
            <th scope="col">Password</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => {
            const status = userStatus(user, now, clinicTimeZone);
            return (
              <tr key={user.id} className={user.active ? undefined : 'row-inactive'}>
                <th scope="row" className="cell-name">
                  <span dir="auto">{formatPrintedName(user)}</span>
                </th>
                <td className="mono">{user.username}</td>
                <td>{roleLabels[user.role]}</td>
                <td>
                  <span className={`status status-${status === 'Active' ? 'ok' : 'attention'}`}>{status}</span>
                </td>
                <td>{user.mustChangePassword ? 'Must change at next sign-in' : 'Chosen by the user'}</td>
                <td className="cell-actions">
                  {user.id !== currentUserId && (
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      disabled={busyUserId === user.id}
                      onClick={() => onSetActive(user, !user.active)}
                    >
                      {user.active ? 'Deactivate' : 'Reactivate'}
                      <span className="visually-hidden"> {user.username}</span>
                    </button>
                  )}
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    onClick={() => onResetPassword(user)}
                  >
                    Reset password<span className="visually-hidden"> of {user.username}</span>
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
