import { useState } from 'react';
import type { MethodOutput } from '../../../contract/methods';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { base64ToBytes, downloadBytes, fileToBase64 } from '../../lib/download';

type Verification = MethodOutput<'documents.verify'>;

/**
 * Checks any signed PDF summary the user opens: signature, whole-file coverage, certificate
 * chain to this clinic's root, and the embedded record against its printed SHA-256. Offers
 * the clinic root certificate, so that others can verify with pdfsig or Adobe Reader.
 */
export function VerifyPdfPage() {
  const api = useApi();
  const { clinic } = useSignedIn();
  const [fileName, setFileName] = useState<string | null>(null);
  const [result, setResult] = useState<Verification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async (file: File) => {
    setBusy(true);
    setError(null);
    setResult(null);
    setFileName(file.name);
    const answer = await api.call('documents.verify', { pdfBase64: await fileToBase64(file) });
    setBusy(false);
    if (answer.ok) setResult(answer.value);
    else setError(answer.error.message);
  };

  const downloadRoot = async (format: 'pem' | 'der') => {
    const answer = await api.call('identity.rootCertificate', {});
    if (!answer.ok) {
      setError(answer.error.message);
      return;
    }
    if (format === 'pem') downloadBytes('clinic-root.pem', answer.value.pem, 'application/x-pem-file');
    else {
      // DER is the base64 body of the PEM, decoded (what Windows and Adobe Reader call .cer).
      const body = answer.value.pem.replace(/-----[A-Z ]+-----/g, '').replace(/\s+/g, '');
      downloadBytes('clinic-root.cer', base64ToBytes(body), 'application/pkix-cert');
    }
  };

  return (
    <div className="page">
      <PageHeading title="Verify a signed PDF" />
      <section className="card" aria-labelledby="verify-pdf-title">
        <h2 id="verify-pdf-title">Choose a PDF summary</h2>
        <div className="field">
          <label htmlFor="verify-pdf-file">Signed PDF</label>
          <input
            id="verify-pdf-file"
            type="file"
            accept="application/pdf,.pdf"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file !== undefined) void check(file);
            }}
          />
        </div>
        <div role="status" aria-live="polite">
          {busy && <p className="loading">Checking {fileName}…</p>}
          {error !== null && (
            <Notice tone="error" title="The PDF could not be checked">
              <p>{error}</p>
            </Notice>
          )}
          {result !== null && (
            <Notice
              tone={result.valid ? 'success' : 'error'}
              title={result.valid ? `${fileName ?? 'The PDF'} is valid` : `${fileName ?? 'The PDF'} is NOT valid`}
            >
              <p>Times are clinic time ({clinic.timeZone}), with their offset from UTC.</p>
              <ul className="check-list">
                {result.checks.map((item) => (
                  <li key={item.name}>
                    <strong>{item.ok ? 'Passed' : 'Failed'}</strong> {item.name}: {item.detail}
                  </li>
                ))}
              </ul>
            </Notice>
          )}
        </div>
      </section>
      <section className="card" aria-labelledby="root-title">
        <h2 id="root-title">Clinic root certificate</h2>
        <p>
          Give this certificate to whoever checks the PDFs outside the app: with it in their trust store, pdfsig reports
          “Certificate is Trusted.” and Adobe Reader shows the signature as valid.
        </p>
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => void downloadRoot('pem')}>
            Download clinic-root.pem
          </button>
          <button type="button" className="button button-secondary" onClick={() => void downloadRoot('der')}>
            Download clinic-root.cer (DER)
          </button>
        </div>
      </section>
    </div>
  );
}
