import { useEffect, useState } from 'react';
import type { SetupRestoreJob } from '../../../domain/setup-restore';
import { useApi } from '../../app/sign-in-context';
import { releaseSetupScreen } from './restore-hold';

const pollMs = 300;

/**
 * Follows a restore started on the set-up screen until it finishes. While the restored clinic
 * is being copied in, the ledger answers CONFLICT for a moment: that is not a failure, so the
 * poll goes on.
 */
export function useRestoreJob() {
  const api = useApi();
  const [job, setJob] = useState<SetupRestoreJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [polls, setPolls] = useState(0);

  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(() => {
      void api.call('setup.restoreJob', { jobId: job.id }).then((result) => {
        if (result.ok) {
          // A failed restore leaves the ledger empty: nothing to hold the set-up screen for.
          if (result.value.state === 'failed') releaseSetupScreen();
          setJob(result.value);
        } else if (result.error.code === 'CONFLICT') setPolls((count) => count + 1);
        else setError(result.error.message);
      });
    }, pollMs);
    return () => clearTimeout(timer);
  }, [api, job, polls]);

  return {
    job,
    error,
    follow: (started: SetupRestoreJob) => {
      setError(null);
      setJob(started);
    },
  };
}
