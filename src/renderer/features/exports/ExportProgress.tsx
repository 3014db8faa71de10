import type { MethodOutput } from '../../../contract/methods';
import { timeLeftText } from '../../../domain/time-left';
import { Notice } from '../../components/Notice';

type Job = MethodOutput<'exports.status'>;

/**
 * Where an export stands, in words and as a progress bar screen readers can read: which file is
 * being written and, once it has run long enough to tell, about how long is left.
 * `elapsedMs` is how long the export has been running when `job` was read.
 */
export function ExportProgress({ job, elapsedMs, onCancel }: { job: Job; elapsedMs: number; onCancel: () => void }) {
  if (job.state === 'writing') {
    const left = timeLeftText(elapsedMs, job.total === 0 ? 0 : job.done / job.total);
    return (
      <div className="export-progress">
        <label htmlFor="export-progress-bar">
          Writing file {Math.min(job.done + 1, job.total)} of {job.total}
          {left === null ? '' : ` (${left})`}
        </label>
        <progress id="export-progress-bar" max={job.total} value={job.done} />
        {job.what !== '' && (
          <p className="hint export-progress-file">
            Now writing <code>{job.what}</code>
          </p>
        )}
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={onCancel}>
            Cancel export
          </button>
        </div>
      </div>
    );
  }
  if (job.state === 'done') {
    return (
      <Notice tone="success" title="Export complete">
        <p>
          {job.total} files written to <code>{job.outPath}</code> on the computer that holds the ledger. Every file is
          listed with its SHA-256 in manifest.json.
        </p>
      </Notice>
    );
  }
  return (
    <Notice tone="error" title={job.state === 'cancelled' ? 'Export cancelled' : 'Export failed'}>
      <p>{job.message}</p>
    </Notice>
  );
}
