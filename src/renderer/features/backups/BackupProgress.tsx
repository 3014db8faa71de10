import type { BackupJob } from '../../../domain/backups';
import { timeLeftText } from '../../../domain/time-left';

/**
 * A running backup or test restore: what is being done, a bar screen readers can read, about how
 * long is left once it has run long enough to tell, and Cancel (which leaves no file behind).
 * `elapsedMs` is how long the job had been running when `job` was read.
 */
export function BackupProgress({
  job,
  elapsedMs,
  onCancel,
  cancelLabel = 'Cancel backup',
}: {
  job: BackupJob;
  elapsedMs: number;
  onCancel: () => void;
  cancelLabel?: string;
}) {
  const cancelling = job.what === 'Cancelling';
  const left = cancelling ? null : timeLeftText(elapsedMs, job.fraction);
  return (
    <div className="backup-progress">
      <label htmlFor="backup-progress-bar">
        {job.what}…{left === null ? '' : ` (${left})`}
      </label>
      <progress id="backup-progress-bar" max={100} value={Math.round(job.fraction * 100)} />
      <div className="actions">
        <button type="button" className="button button-secondary" disabled={cancelling} onClick={onCancel}>
          {cancelling ? 'Cancelling…' : cancelLabel}
        </button>
      </div>
    </div>
  );
}
