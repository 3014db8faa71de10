import { useState } from 'react';
import type { AuditVerification } from '../../../domain/audit';
import type { CallError } from '../../../contract/errors';
import { useApi } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';

type Outcome = { ok: true; verification: AuditVerification } | { ok: false; error: CallError };

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

function Result({ verification }: { verification: AuditVerification }) {
  return (
    <>
      <ChainResult verification={verification} />
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

function ChainResult({ verification }: { verification: AuditVerification }) {
  if (verification.ok) {
    return (
      <Notice tone="success" title="The audit chain is intact">
        <p>
          All {verification.entries.toLocaleString('en-US')} entries are in order and none has been changed, removed or
          moved.
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

/** Recomputes every link of the hash chain on the server and says what it found, in words. */
export function VerifyChainPanel() {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  const verify = async () => {
    setBusy(true);
    const result = await api.call('audit.verify', {});
    setBusy(false);
    setOutcome(result.ok ? { ok: true, verification: result.value } : { ok: false, error: result.error });
  };

  return (
    <section className="card" aria-labelledby="verify-title">
      <h2 id="verify-title">Verify the audit chain</h2>
      <p>
        Each entry holds the hash of the one before it, so an entry changed, removed or moved outside the app breaks the
        chain.
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void verify()}>
          {busy ? 'Verifying…' : 'Verify audit chain'}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {outcome !== null &&
          (outcome.ok ? (
            <Result verification={outcome.verification} />
          ) : (
            <Notice tone="error" title="The chain could not be verified">
              {outcome.error.message}
            </Notice>
          ))}
      </div>
    </section>
  );
}
