import type { BackupRun } from '../../../domain/backups';
import { cancelledBackupMessage, cancelledTestRestoreMessage } from '../../../domain/backups';
import { formatDateTime } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { formatByteSize } from '../exports/byte-size';

const kindWords: Record<BackupRun['kind'], string> = {
  manual: 'Backup (by hand)',
  daily: 'Daily backup',
  quit: 'Backup on quit',
  'test-restore': 'Test restore',
};

function checkWords(run: BackupRun): string {
  if (!run.ok) {
    return run.message === cancelledBackupMessage || run.message === cancelledTestRestoreMessage
      ? 'Cancelled'
      : 'Failed';
  }
  return run.kind === 'test-restore' ? 'Test restore passed' : 'Check passed';
}

function fileWords(run: BackupRun): string {
  if (run.fileInFolder === null) return run.kind === 'test-restore' ? (run.fileName ?? 'Not known') : 'No file';
  return run.fileInFolder ? 'In the folder' : 'No longer in the folder';
}

/** Backups and test restores, newest first: time, size, chain head, check result, the file. */
export function BackupList({
  runs,
  onTestRestore,
}: {
  runs: readonly BackupRun[];
  onTestRestore: (run: BackupRun) => void;
}) {
  const { clinic } = useSignedIn();
  if (runs.length === 0) return <p>No backups yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Backups and test restores, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">What</th>
            <th scope="col">Size</th>
            <th scope="col">Chain head</th>
            <th scope="col">Check</th>
            <th scope="col">File</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.id}>
              <td>{formatDateTime(run.finishedAt, clinic.timeZone)}</td>
              <td>
                {kindWords[run.kind]}
                {run.byName !== null && <div className="hint">by {run.byName}</div>}
              </td>
              <td>{run.sizeBytes === null ? 'Not known' : formatByteSize(run.sizeBytes)}</td>
              <td>
                {run.headHash === null ? (
                  'None'
                ) : (
                  <span title={`Entry ${run.headSeq ?? ''}: ${run.headHash}`}>
                    Entry {run.headSeq} <code>{run.headHash.slice(0, 12)}</code>
                  </span>
                )}
              </td>
              <td>
                <strong>{checkWords(run)}</strong>
                <div className="hint">{run.message}</div>
              </td>
              <td>{fileWords(run)}</td>
              <td>
                {run.ok && run.kind !== 'test-restore' && run.fileInFolder === true && (
                  <button type="button" className="button button-secondary" onClick={() => onTestRestore(run)}>
                    Test restore<span className="visually-hidden"> of {run.fileName}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
