import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { MessageText } from '../../components/MessageText';
import { Notice } from '../../components/Notice';
import { SessionPdfButton } from '../documents/StoredPdfButtons';
import { sessionSignatureText } from './session-signature-text';

/** Who signed the record, meaning, date and time with offset; and whether entries came after. */
export function SessionSignatures({ session }: { session: SessionView }) {
  const { clinic } = useSignedIn();
  return (
    <section className="card" aria-labelledby="signatures-title">
      <h2 id="signatures-title">Signatures</h2>
      {session.status === 'Amended after signing' && (
        <Notice tone="warning" title="Amended after signing">
          Corrections were charted after the last signature. The signed version stays as it was; the nurse signs again
          to cover the corrections.
        </Notice>
      )}
      {session.signatures.length === 0 ? (
        <p className="value-unknown">Not signed yet. The nurse signs after the discharge is recorded.</p>
      ) : (
        <ul className="signature-lines" aria-label="Signatures">
          {session.signatures.map((signature) => (
            <li key={signature.id} className="signature-line">
              <span dir="auto">
                <MessageText text={sessionSignatureText(signature, clinic.timeZone)} />
              </span>{' '}
              <SessionPdfButton sessionSignatureId={signature.id} meaning={signature.meaning} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
