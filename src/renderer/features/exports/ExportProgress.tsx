import type { MethodOutput } from '../../../contract/methods';
import { Notice } from '../../components/Notice';

type Job = MethodOutput<'exports.status'>;

/** Where an export stands, in words and as a progress bar screen readers can read. */
export function ExportProgress({ job, onCancel }: { job: Job; onCancel: () => void }) {
  if (job.state === 'writing') {
    return (
      <div className="export-progress">
        <label htmlFor="export-progress-bar">
          Writing file {Math.min(job.done + 1, job.total)} of {job.total}
        </label>
        <progress id="export-progress-bar" max={job.total} value={job.done} />
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
