import type { BackupJob } from '../../../domain/backups';
import { useApi } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { BackupProgress } from './BackupProgress';
import { useBackupJob } from './use-backup-job';

/**
 * "Back up now", with a progress bar, what is being done, an estimate of the time left and
 * Cancel, then the result in words.
 */
export function BackUpNow({ ready, onFinished }: { ready: boolean; onFinished: (job: BackupJob) => void }) {
  const api = useApi();
  const { job, error, elapsedMs, follow, update, fail } = useBackupJob(onFinished);
  const running = job?.state === 'running';

  const start = async () => {
    const result = await api.call('backups.run', {});
    if (result.ok) follow(result.value);
    else fail(result.error.message);
  };

  const cancel = async () => {
    if (job === null) return;
    const result = await api.call('backups.cancel', { jobId: job.id });
    if (result.ok) update(result.value);
    else fail(result.error.message);
  };

  return (
    <section className="card" aria-labelledby="backup-now-title">
      <h2 id="backup-now-title">Back up now</h2>
      {!ready && <p>Save the settings first: the backup needs a folder and a passphrase.</p>}
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={!ready || running}
          onClick={() => void start()}
        >
          {running ? 'Backing up…' : 'Back up now'}
        </button>
      </div>
      {running && <BackupProgress job={job} elapsedMs={elapsedMs} onCancel={() => void cancel()} />}
      <div aria-live="polite">
        {job?.state === 'done' && (
          <Notice tone="success" title="Backup written">
            <p>
              <code>{job.fileName}</code>. {job.message}
            </p>
          </Notice>
        )}
        {job?.state === 'cancelled' && (
          <Notice tone="info" title="Backup cancelled">
            <p>{job.message}</p>
          </Notice>
        )}
        {job?.state === 'failed' && (
          <Notice tone="error" title="Backup failed">
            <p>{job.message}</p>
          </Notice>
        )}
        {error !== null && <Notice tone="error">{error}</Notice>}
      </div>
    </section>
  );
}
