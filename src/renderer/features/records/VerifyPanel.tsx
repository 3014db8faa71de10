import { useState } from 'react';
import type { CallError } from '../../../contract/errors';
import type { VersionCheck } from '../../../domain/record-view';
import { useApi } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';

type Outcome = { ok: true; all: boolean; versions: VersionCheck[] } | { ok: false; error: CallError };

/** Recomputes each signed version's SHA-256 on the server and checks its signatures, in words. */
export function VerifyPanel({ recordId }: { recordId: number }) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const verify = async () => {
    setBusy(true);
    const result = await api.call('records.verify', { recordId });
    setBusy(false);
    setOutcome(
      result.ok
        ? { ok: true, all: result.value.ok, versions: result.value.versions }
        : { ok: false, error: result.error },
    );
  };
  return (
    <section className="card" aria-labelledby="verify-record-title">
      <h2 id="verify-record-title">Verify signatures</h2>
      <p>
        Recomputes the SHA-256 of every signed version from what is stored now and checks it against the one each
        signature bound. A change of a single character shows here.
      </p>
      <div className="actions">
        <button type="button" className="button button-primary" disabled={busy} onClick={() => void verify()}>
          {busy ? 'Verifying…' : 'Verify signatures'}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {outcome !== null && !outcome.ok && (
          <Notice tone="error" title="The signatures could not be verified">
            {outcome.error.message}
          </Notice>
        )}
        {outcome?.ok === true && (
          <Notice
            tone={outcome.all ? 'success' : 'error'}
            title={
              outcome.versions.length === 0
                ? 'No signed version to verify'
                : outcome.all
                  ? 'Every signed version is intact'
                  : 'A signed version does not match its signature'
            }
          >
            <ul className="verify-list">
              {outcome.versions.map((check) => (
                <li key={check.versionId}>
                  {check.ok ? (
                    <>
                      Version {check.version}: intact. The SHA-256 worked out from the stored version matches the one
                      its signature bound.
                    </>
                  ) : (
                    <>
                      Version {check.version}: changed after signing. {check.problems.join(' ')} Keep this computer as
                      it is and tell your administrator.
                    </>
                  )}
                </li>
              ))}
            </ul>
          </Notice>
        )}
      </div>
    </section>
  );
}
