import type { MethodOutput } from '../../../contract/methods';
import { timeLeftWords } from '../../../domain/time-left';

type Job = MethodOutput<'audit.verifyStatus'>;

/** "About 40 s left", "About 3 min left"; until the server can estimate, says it is estimating. */
export function timeLeftText(secondsLeft: number | null): string {
  if (secondsLeft === null) return 'Estimating the time left…';
  const words = timeLeftWords(secondsLeft * 1000);
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

/** A running verification: what is being checked, a progress bar screen readers can read, an estimate, Cancel. */
export function VerifyProgress({ job, onCancel }: { job: Job; onCancel: () => void }) {
  const percent = job.total === 0 ? 0 : Math.floor((job.done / job.total) * 100);
  return (
    <div className="export-progress">
      {job.start !== null && <p>{job.start.note}</p>}
      <label htmlFor="verify-progress-bar">
        {job.what}: {percent}% done
      </label>
      <progress id="verify-progress-bar" max={Math.max(job.total, 1)} value={Math.min(job.done, job.total)} />
      <p>{timeLeftText(job.secondsLeft)}. Other work on the ledger carries on meanwhile.</p>
      <div className="actions">
        <button type="button" className="button button-secondary" onClick={onCancel}>
          Cancel verification
        </button>
      </div>
    </div>
  );
}
