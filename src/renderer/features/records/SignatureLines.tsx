import type { Signature } from '../../../domain/record';
import { useSignedIn } from '../../app/sign-in-context';
import { MessageText } from '../../components/MessageText';
import { signatureText } from './signature-text';

/** Every signature of a version: printed name with credentials, meaning, date and time with offset. */
export function SignatureLines({ signatures }: { signatures: readonly Signature[] }) {
  const { clinic } = useSignedIn();
  if (signatures.length === 0) return <p className="value-unknown">Not signed</p>;
  return (
    <ul className="signature-lines" aria-label="Signatures">
      {signatures.map((signature) => (
        <li key={signature.id} className="signature-line">
          <span dir="auto">
            <MessageText text={signatureText(signature, clinic.timeZone)} />
          </span>
        </li>
      ))}
    </ul>
  );
}
