import { mayCall } from '../../app/permissions';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { SignedPdfButton } from './SignedPdfButton';

/** The signed PDF summary of a signed exam or plan version, for those who may read it. */
export function VersionPdfButton({ versionId }: { versionId: number }) {
  const api = useApi();
  const { user } = useSignedIn();
  if (!mayCall(user.role, 'documents.forVersion')) return null;
  return <SignedPdfButton label="Signed PDF" load={() => api.call('documents.forVersion', { versionId })} />;
}

/** The signed session record made at one of the session's signatures. */
export function SessionPdfButton({ sessionSignatureId, meaning }: { sessionSignatureId: number; meaning: string }) {
  const api = useApi();
  const { user } = useSignedIn();
  if (!mayCall(user.role, 'documents.forSessionSignature')) return null;
  return (
    <SignedPdfButton
      label={`Signed PDF (${meaning})`}
      load={() => api.call('documents.forSessionSignature', { sessionSignatureId })}
    />
  );
}
