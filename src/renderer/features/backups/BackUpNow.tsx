import type { BackupJob } from '../../../domain/backups';
import { useApi } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { useBackupJob } from './use-backup-job';

/** "Back up now", with a progress bar and what is being done, then the result in words. */
export function BackUpNow({ ready, onFinished }: { ready: boolean; onFinished: (job: BackupJob) => void }) {
  const api = useApi();
  const { job, error, follow, fail } = useBackupJob(onFinished);
  const running = job?.state === 'running';

  const start = async () => {
    const result = await api.call('backups.run', {});
    if (result.ok) follow(result.value);
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
      {running && (
        <div className="backup-progress">
          <label htmlFor="backup-progress-bar">{job.what}…</label>
          <progress id="backup-progress-bar" max={100} value={Math.round(job.fraction * 100)} />
        </div>
      )}
      <div aria-live="polite">
        {job?.state === 'done' && (
          <Notice tone="success" title="Backup written">
            <p>
              <code>{job.fileName}</code>. {job.message}
            </p>
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
