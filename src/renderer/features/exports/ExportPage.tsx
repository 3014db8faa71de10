import { useEffect, useState } from 'react';
import type { MethodOutput } from '../../../contract/methods';
import { useApi } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { signInPollMs } from '../../lib/poll-interval';
import { ExportDownload } from './ExportDownload';
import { ExportProgress } from './ExportProgress';

type Job = MethodOutput<'exports.status'>;

/**
 * The auditor's export: signed PDFs, FHIR R4, CSV, the audit log with its chain head, the
 * clinic root certificate and a manifest. Runs in the background with progress; cancelling
 * leaves no partial files. Written beside the ledger, then offered as a download to this device.
 */
export function ExportPage() {
  const api = useApi();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [job, setJob] = useState<Job | null>(null);
  // When this page started the export, and how long it had run at the latest reading: the estimate.
  const [startedAtMs, setStartedAtMs] = useState(0);
  const [elapsedMs, setElapsedMs] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (job?.state !== 'writing') return;
    const timer = setTimeout(
      () => {
        void api.call('exports.status', { exportId: job.id }).then((result) => {
          setElapsedMs(Date.now() - startedAtMs);
          if (result.ok) setJob(result.value);
          else setError(result.error.message);
        });
      },
      Math.min(signInPollMs(), 500),
    );
    return () => clearTimeout(timer);
  }, [api, job, startedAtMs]);

  const start = async () => {
    setError(null);
    setStartedAtMs(Date.now());
    setElapsedMs(0);
    const result = await api.call('exports.start', {
      ...(from === '' ? {} : { from }),
      ...(to === '' ? {} : { to }),
    });
    if (result.ok) setJob(result.value);
    else setError(result.error.issues?.map((issue) => issue.message).join('; ') ?? result.error.message);
  };

  const cancel = async () => {
    if (job === null) return;
    const result = await api.call('exports.cancel', { exportId: job.id });
    if (result.ok) setJob(result.value);
  };

  return (
    <div className="page">
      <PageHeading title="Export records" />
      <section className="card" aria-labelledby="export-what">
        <h2 id="export-what">What the export holds</h2>
        <p>
          The signed PDF summaries as they were signed, FHIR R4 (one Bundle and NDJSON per resource type), CSV files,
          the audit log with its chain head as a checkpoint, the clinic root certificate, and manifest.json with the
          SHA-256 of every file. The export itself is recorded in the audit log.
        </p>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="export-from">From (yyyy-mm-dd)</label>
            <p className="hint" id="export-from-hint">
              Leave both dates empty to export everything.
            </p>
            <input
              id="export-from"
              aria-describedby="export-from-hint"
              value={from}
              onChange={(event) => setFrom(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="export-to">To (yyyy-mm-dd)</label>
            <input id="export-to" value={to} onChange={(event) => setTo(event.target.value)} />
          </div>
        </div>
        <div className="actions">
          <button
            type="button"
            className="button button-primary"
            disabled={job?.state === 'writing'}
            onClick={() => void start()}
          >
            Start export
          </button>
        </div>
        <div role="status" aria-live="polite">
          {error !== null && (
            <Notice tone="error" title="The export could not start">
              <p>{error}</p>
            </Notice>
          )}
          {job !== null && <ExportProgress job={job} elapsedMs={elapsedMs} onCancel={() => void cancel()} />}
        </div>
      </section>
      {job?.state === 'done' && job.download !== null && (
        <ExportDownload key={job.id} exportId={job.id} file={job.download} outPath={job.outPath} />
      )}
    </div>
  );
}
