import { useEffect, useRef, useState } from 'react';
import type { BackupJob } from '../../../domain/backups';
import { useApi } from '../../app/sign-in-context';

const pollMs = 300;

/**
 * Follows a backup job from the moment it starts until it finishes, re-reading it a few times a
 * second; `onFinished` runs once when it does (e.g. to reload the list).
 */
export function useBackupJob(onFinished: (job: BackupJob) => void) {
  const api = useApi();
  const [job, setJob] = useState<BackupJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The latest callback, without restarting the poll when the caller renders a new one.
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(() => {
      void api.call('backups.job', { jobId: job.id }).then((result) => {
        if (!result.ok) {
          setError(result.error.message);
          return;
        }
        setJob(result.value);
        if (result.value.state !== 'running') finished.current(result.value);
      });
    }, pollMs);
    return () => clearTimeout(timer);
  }, [api, job]);

  return {
    job,
    error,
    follow: (started: BackupJob) => {
      setError(null);
      setJob(started);
    },
    fail: (message: string) => {
      setJob(null);
      setError(message);
    },
  };
}
