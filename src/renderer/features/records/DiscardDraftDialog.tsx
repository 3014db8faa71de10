import { useState } from 'react';
import { useApi } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { Notice } from '../../components/Notice';

/** Confirms before a draft is deleted: unlike a signed version, a discarded draft is gone. */
export function DiscardDraftDialog({
  versionId,
  amendment,
  onClose,
  onDiscarded,
}: {
  versionId: number;
  /** An amendment's draft: the signed version it would replace stays in force. */
  amendment: boolean;
  onClose: () => void;
  onDiscarded: (recordDeleted: boolean) => void;
}) {
  const api = useApi();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const discard = async () => {
    setBusy(true);
    const result = await api.call('records.discardDraft', { versionId });
    setBusy(false);
    if (result.ok) onDiscarded(result.value.recordDeleted);
    else setProblem(result.error.message);
  };
  return (
    <Dialog title="Discard this draft?" onClose={onClose}>
      <p>
        {amendment
          ? 'Everything typed in this amendment is deleted. The signed version it would have replaced stays in force.'
          : 'Everything typed in this draft is deleted, and the record with it. Nothing was signed.'}
      </p>
      {problem !== null && (
        <Notice tone="error" live="alert">
          {problem}
        </Notice>
      )}
      <div className="actions">
        <button type="button" className="button button-danger" disabled={busy} onClick={() => void discard()}>
          {busy ? 'Discarding…' : 'Discard draft'}
        </button>
        <button type="button" className="button button-secondary" onClick={onClose}>
          Keep the draft
        </button>
      </div>
    </Dialog>
  );
}
