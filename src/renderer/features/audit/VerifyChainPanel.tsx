import { useEffect, useState } from 'react';
import type { AuditVerification } from '../../../domain/audit';
import type { MethodOutput } from '../../../contract/methods';
import { useApi } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { signInPollMs } from '../../lib/poll-interval';
import { VerifyProgress } from './VerifyProgress';

type Job = MethodOutput<'audit.verifyStatus'>;

/** Rows or checkpoints that no longer match the audit trail, one line each, and what to do. */
function ProblemList({ title, intro, problems }: { title: string; intro: string; problems: string[] }) {
  return (
    <Notice tone="error" title={title}>
      <p>{intro}</p>
      <ul>
        {problems.map((problem) => (
          <li key={problem}>{problem}</li>
        ))}
      </ul>
      <p>Keep this computer as it is and tell your administrator.</p>
    </Notice>
  );
}

function Result({ verification, fromSeq }: { verification: AuditVerification; fromSeq: number | null }) {
  return (
    <>
      <ChainResult verification={verification} fromSeq={fromSeq} />
      {verification.checkpointProblems !== undefined && (
        <ProblemList
          title="The audit trail was rewritten or cut short"
          intro="These signed checkpoints no longer match the audit trail:"
          problems={verification.checkpointProblems}
        />
      )}
      {verification.tableProblems !== undefined && (
        <ProblemList
          title="Records, settings or stored files were changed outside the app"
          intro="These rows differ from what the audit trail recorded:"
          problems={verification.tableProblems}
        />
      )}
    </>
  );
}

function ChainResult({ verification, fromSeq }: { verification: AuditVerification; fromSeq: number | null }) {
  if (verification.ok) {
    return (
      <Notice tone="success" title="The audit chain is intact">
        <p>
          {fromSeq === null
            ? `All ${verification.entries.toLocaleString('en-US')} entries are in order`
            : `The ${verification.entries.toLocaleString('en-US')} entries after entry ${fromSeq.toLocaleString('en-US')} are in order`}{' '}
          and none has been changed, removed or moved.
          {verification.checkpoints !== undefined && verification.checkpoints > 0 && (
            <>
              {' '}
              {verification.checkpoints.toLocaleString('en-US')} checkpoints signed at e-signatures and administrator
              sign-ins match it.
            </>
          )}
        </p>
        <p>
          Head hash <code className="hash">{verification.headHash}</code>
        </p>
      </Notice>
    );
  }
  return (
    <Notice tone="error" title="The audit chain is broken">
      <p>
        Entry {verification.firstBrokenSeq} does not match: {verification.reason}. The{' '}
        {verification.entries.toLocaleString('en-US')} entries before it are in order.
      </p>
      <p>Keep this computer as it is and tell your administrator: the records may have been altered outside the app.</p>
    </Notice>
  );
}

/** A finished, cancelled or failed verification, in words. */
export function VerifyOutcome({ job }: { job: Job }) {
  if (job.state === 'done' && job.result !== null) {
    const incremental = job.start?.kind === 'incremental';
    return (
      <>
        {job.start !== null && <p>{job.start.note}</p>}
        <Result verification={job.result} fromSeq={incremental ? (job.start?.fromSeq ?? null) : null} />
      </>
    );
  }
  if (job.state === 'cancelled') {
    return (
      <Notice tone="warning" title="Verification cancelled">
        <p>Nothing was changed; the cancelled check is recorded in the audit trail. Start it again when convenient.</p>
      </Notice>
    );
  }
  return (
    <Notice tone="error" title="The chain could not be verified">
      {job.message}
    </Notice>
  );
}

/**
 * Recomputes the links of the hash chain on the server, in the background with progress and a
 * Cancel, and says what it found, in words: everything, or only the entries since the last
 * verification that found the ledger intact (from the signed checkpoint before them).
 */
export function VerifyChainPanel() {
  const api = useApi();
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = job?.state === 'running';

  useEffect(() => {
    if (job?.state !== 'running') return;
    const timer = setTimeout(
      () => {
        void api.call('audit.verifyStatus', { jobId: job.id }).then((result) => {
          if (result.ok) setJob(result.value);
          else setError(result.error.message);
        });
      },
      Math.min(signInPollMs(), 500),
    );
    return () => clearTimeout(timer);
  }, [api, job]);

  const start = async (scope: 'full' | 'sinceLast') => {
    setError(null);
    const result = await api.call('audit.verifyStart', { scope });
    if (result.ok) setJob(result.value);
    else setError(result.error.message);
  };

  const cancel = async () => {
    if (job === null) return;
    const result = await api.call('audit.verifyCancel', { jobId: job.id });
    if (result.ok) setJob(result.value);
  };

  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">Verify the audit chain</h2>
      <p>
        Each entry holds the hash of the one before it, so an entry changed, removed or moved outside the app breaks the
        chain. A check of the new entries starts from the signed checkpoint before them and takes seconds; the full
        check reads every entry.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={running}
          onClick={() => void start('sinceLast')}
        >
          Check new entries since the last verification
        </button>
        <button type="button" className="button button-secondary" disabled={running} onClick={() => void start('full')}>
          Full check
        </button>
      </div>
      <div role="status" aria-live="polite">
        {error !== null && (
          <Notice tone="error" title="The chain could not be verified">
            {error}
          </Notice>
        )}
        {job !== null && job.state === 'running' && <VerifyProgress job={job} onCancel={() => void cancel()} />}
        {job !== null && job.state !== 'running' && <VerifyOutcome job={job} />}
      </div>
    </section>
  );
}
