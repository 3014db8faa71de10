import type { AuditEntry } from '../../../domain/audit';
import { formatDateTime } from '../../../domain/time';

function actor(entry: AuditEntry & { actorName?: string | null }): string {
  if (entry.actorUserId === null) return 'No user';
  // The printed name when the log was read with it (`audit.list` gives it), and the ID the filter matches.
  return entry.actorName == null ? `User ${entry.actorUserId}` : `${entry.actorName} (user ${entry.actorUserId})`;
}

function entity(entry: AuditEntry): string {
  return entry.entityId === null ? entry.entityType : `${entry.entityType} ${entry.entityId}`;
}

/** Newest first. Times in the clinic's zone with their UTC offset; details as compact JSON. */
export function AuditTable({
  entries,
  clinicTimeZone,
}: {
  entries: readonly (AuditEntry & { actorName?: string | null })[];
  clinicTimeZone: string;
}) {
  return (
    <div className="table-wrap">
      <table className="table table-audit">
        <caption className="visually-hidden">Audit log entries, newest first</caption>
        <thead>
          <tr>
            <th scope="col" className="cell-number">
              Seq
            </th>
            <th scope="col">Time</th>
            <th scope="col">Actor</th>
            <th scope="col">Action</th>
            <th scope="col">Entity</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.seq}>
              <th scope="row" className="cell-number">
                {entry.seq}
              </th>
              <td className="nowrap">{formatDateTime(entry.at, clinicTimeZone)}</td>
              <td className="nowrap">{actor(entry)}</td>
              <td className="mono">{entry.action}</td>
              <td className="nowrap">{entity(entry)}</td>
              <td className="mono details">
                <span dir="auto">{JSON.stringify(entry.details)}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
