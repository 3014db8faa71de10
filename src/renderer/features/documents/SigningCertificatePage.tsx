import { useState } from 'react';
import type { MethodOutput } from '../../../contract/methods';
import { useApi } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { fileToBase64 } from '../../lib/download';

type Imported = MethodOutput<'identity.importPkcs12'>;

/**
 * Lets a clinician sign with an organisation-issued certificate (a PKCS#12 file) instead
 * of the one the clinic issued. The key is stored encrypted under their own password.
 */
export function SigningCertificatePage() {
  const api = useApi();
  const [file, setFile] = useState<File | null>(null);
  const [filePassword, setFilePassword] = useState('');
  const [password, setPassword] = useState('');
  const [result, setResult] = useState<Imported | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (file === null) {
      setError('Choose the PKCS#12 file (.p12 or .pfx) first.');
      return;
    }
    setBusy(true);
    setError(null);
    const answer = await api.call('identity.importPkcs12', {
      p12Base64: await fileToBase64(file),
      p12Password: filePassword,
      password,
    });
    setBusy(false);
    if (answer.ok) {
      setResult(answer.value);
      setFilePassword('');
      setPassword('');
    } else setError(answer.error.message);
  };

  return (
    <div className="page">
      <PageHeading title="Signing certificate" />
      <section className="card" aria-labelledby="import-title">
        <h2 id="import-title">Use an organisation-issued certificate</h2>
        <p>
          The clinic issued you a signing certificate when your account was made. If your organisation gave you its own
          certificate as a PKCS#12 file, import it here: your next signatures use it, and earlier ones stay verifiable.
        </p>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          noValidate
        >
          <div className="form-grid">
            <div className="field">
              <label htmlFor="p12-file">PKCS#12 file</label>
              <input
                id="p12-file"
                type="file"
                accept=".p12,.pfx,application/x-pkcs12"
                onChange={(event) => setFile(event.target.files?.[0] ?? null)}
              />
            </div>
            <div className="field">
              <label htmlFor="p12-password">Password of the file</label>
              <input
                id="p12-password"
                type="password"
                autoComplete="off"
                value={filePassword}
                onChange={(event) => setFilePassword(event.target.value)}
              />
            </div>
            <div className="field">
              <label htmlFor="p12-own-password">Your password</label>
              <p className="hint" id="p12-own-password-hint">
                The key is stored encrypted under it.
              </p>
              <input
                id="p12-own-password"
                type="password"
                autoComplete="current-password"
                aria-describedby="p12-own-password-hint"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </div>
          </div>
          <div className="actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              {busy ? 'Importing…' : 'Import certificate'}
            </button>
          </div>
        </form>
        <div role="status" aria-live="polite">
          {error !== null && (
            <Notice tone="error" title="The certificate was not imported">
              <p>{error}</p>
            </Notice>
          )}
          {result !== null && (
            <Notice tone="success" title="Certificate imported">
              <p>
                {result.subject}, issued by {result.issuer}, valid until {result.notAfter.slice(0, 10)}. Fingerprint{' '}
                <code className="hash">{result.fingerprintSha256}</code>
              </p>
            </Notice>
          )}
        </div>
      </section>
    </div>
  );
}
