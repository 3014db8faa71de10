import { useState } from 'react';
import type { CallResult } from '../../../contract/errors';
import { base64ToBytes, downloadBytes } from '../../lib/download';

/** Any stored signed PDF as a method answers it (a record version's, a session's, a consent's). */
interface StoredPdf {
  fileName: string;
  pdfBase64: string;
}

/**
 * Saves the signed PDF exactly as it was stored at signing (never made again), so it can be
 * printed, sent or checked with any PDF reader. Reading it is audited by the back end.
 */
export function SignedPdfButton({
  label,
  load,
}: {
  /** Says which signature's PDF: "Signed PDF (performed)". */
  label: string;
  load: () => Promise<CallResult<StoredPdf>>;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = async () => {
    setBusy(true);
    setProblem(null);
    const result = await load();
    setBusy(false);
    if (!result.ok) {
      setProblem(result.error.message);
      return;
    }
    downloadBytes(result.value.fileName, base64ToBytes(result.value.pdfBase64), 'application/pdf');
  };
  return (
    <span className="signed-pdf">
      <button
        type="button"
        className="button button-secondary button-small"
        disabled={busy}
        onClick={() => void save()}
      >
        {busy ? 'Preparing the PDF…' : label}
      </button>
      {problem !== null && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}
