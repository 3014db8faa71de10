import { useEffect, useRef, useState } from 'react';
import type { BackupJob } from '../../../domain/backups';
import { useApi } from '../../app/sign-in-context';

const pollMs = 300;

/**
 * Follows a backup job from the moment it starts until it finishes, re-reading it a few times a
 * second; `onFinished` runs once when it does (e.g. to reload the list). `elapsedMs` is how long
 * it had been running at the latest reading, for the estimate of the time left.
 */
export function useBackupJob(onFinished: (job: BackupJob) => void) {
  const api = useApi();
  const [job, setJob] = useState<BackupJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [startedAtMs, setStartedAtMs] = useState(0);
  const [elapsedMs, setElapsedMs] = useState(0);
  // The latest callback, without restarting the poll when the caller renders a new one.
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  }, [onFinished]);

  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(() => {
      void api.call('backups.job', { jobId: job.id }).then((result) => {
        setElapsedMs(Date.now() - startedAtMs);
        if (!result.ok) {
          setError(result.error.message);
          return;
        }
        setJob(result.value);
        if (result.value.state !== 'running') finished.current(result.value);
      });
    }, pollMs);
    return () => clearTimeout(timer);
  }, [api, job, startedAtMs]);

  return {
    job,
    error,
    elapsedMs,
    follow: (started: BackupJob) => {
      setError(null);
      setStartedAtMs(Date.now());
      setElapsedMs(0);
      setJob(started);
    },
    /** Shows the job as the latest call returned it (e.g. the answer to a cancel), still followed. */
    update: (latest: BackupJob) => {
      setJob(latest);
      if (latest.state !== 'running') finished.current(latest);
    },
    fail: (message: string) => {
      setJob(null);
      setError(message);
    },
  };
}
