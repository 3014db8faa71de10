import { useState } from 'react';
import type { BackupJob, BackupRun } from '../../../domain/backups';
import { useApi } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';
import { BackupProgress } from './BackupProgress';
import { useBackupJob } from './use-backup-job';

/**
 * The restore drill for one backup: asks the backup passphrase, restores into a temporary file
 * on the computer that holds the ledger, checks it, deletes it, and says how it went.
 */
export function TestRestoreDialog({
  run,
  onClose,
  onFinished,
}: {
  run: BackupRun;
  onClose: () => void;
  onFinished: (job: BackupJob) => void;
}) {
  const api = useApi();
  const [passphrase, setPassphrase] = useState('');
  const { job, error, elapsedMs, follow, update, fail } = useBackupJob(onFinished);
  const running = job?.state === 'running';

  const start = async () => {
    const result = await api.call('backups.testRestore', { fileName: run.fileName ?? '', passphrase });
    if (result.ok) follow(result.value);
    else fail(result.error.issues?.map((issue) => issue.message).join('; ') ?? result.error.message);
  };

  const cancel = async () => {
    if (job === null) return;
    const result = await api.call('backups.cancel', { jobId: job.id });
    if (result.ok) update(result.value);
    else fail(result.error.message);
  };

  return (
    <Dialog title="Test restore" onClose={onClose}>
      <p>
        Restores <code>{run.fileName}</code> into a temporary file, checks it (SQLite integrity, the audit chain, the
        chain head the backup recorded) and deletes it. The ledger in use is not touched.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void start();
        }}
        noValidate
      >
        <div className="field">
          <label htmlFor="test-restore-passphrase">Backup passphrase</label>
          <input
            id="test-restore-passphrase"
            className="input input-medium"
            type="password"
            autoComplete="off"
            value={passphrase}
            onChange={(event) => setPassphrase(event.target.value)}
          />
        </div>
        {running && (
          <BackupProgress
            job={job}
            elapsedMs={elapsedMs}
            onCancel={() => void cancel()}
            cancelLabel="Cancel test restore"
          />
        )}
        <div aria-live="polite">
          {job?.state === 'done' && (
            <Notice tone="success" title="Test restore passed">
              <p>{job.message}</p>
              <p>
                Chain head <code title={job.headHash ?? undefined}>{job.headHash}</code>
              </p>
            </Notice>
          )}
          {job?.state === 'cancelled' && (
            <Notice tone="info" title="Test restore cancelled">
              <p>{job.message}</p>
            </Notice>
          )}
          {job?.state === 'failed' && (
            <Notice tone="error" title="Test restore failed">
              <p>{job.message}</p>
            </Notice>
          )}
          {error !== null && <Notice tone="error">{error}</Notice>}
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={running || passphrase === ''}>
            {running ? 'Restoring…' : 'Start test restore'}
          </button>
          <button type="button" className="button button-secondary" onClick={onClose}>
            Close
          </button>
        </div>
      </form>
    </Dialog>
  );
}
