import { createHash } from 'node:crypto';
import type { JsonValue } from '../domain/canonical-json';
import { canonicalJson } from '../domain/canonical-json';
import { formatPrintedName } from '../domain/user';
import type { RegisterSigning } from '../pdf/register-report-input';
import { signPdf } from '../signing/sign-pdf';
import type { ServiceContext } from './context';
import { requireUser } from './context';
import { checkpointAtSignature } from './checkpoints';
import { signingIdentityFor, signerRoles } from './identities';
import type { CommittedRefusal } from './service-error';
import { ServiceError } from './service-error';
import { checkSigner } from './signer-check';

/**
 * Signs a register document the way a signed summary is signed (openSignedDocument's layout,
 * signPdf, the signer's own key unlocked by the password just given, a checkpoint of the audit
 * chain). Who signs: the person who produces it. A plan is signed by the physician who wrote
 * it; a register report is an attestation by whoever prints it that this is what the ledger
 * held, and only they hold their key; the registrant's name and registration are printed in
 * the header, not forged into their signature. Auditors and administrators hold no signing
 * key, so they take the CSV (whose figures are the same).
 */
export function signRegisterDocument(
  context: ServiceContext,
  input: { username?: string | undefined; password?: string | undefined },
  render: (signing: RegisterSigning) => Buffer,
  content: JsonValue,
): Buffer | CommittedRefusal {
  const user = requireUser(context);
  if (!signerRoles.includes(user.role)) {
    throw new ServiceError(
      'FORBIDDEN',
      'Only a physician or a nurse holds a signing key for a signed PDF. Take the CSV instead, or ask one of them.',
    );
  }
  if (input.password === undefined) {
    throw new ServiceError('INVALID_INPUT', 'Enter your password to sign the PDF.', [
      { path: 'password', message: 'Enter your password' },
    ]);
  }
  const refused = checkSigner(context, input.username, input.password);
  if (refused !== null) return refused;
  const recordJson = canonicalJson(content);
  const unsigned = render({
    printedName: formatPrintedName(user),
    signedAt: context.nowIso,
    recordJson,
    recordSha256: createHash('sha256').update(recordJson, 'utf8').digest('hex'),
  });
  const identity = signingIdentityFor(context, user, input.password);
  const pdf = signPdf(unsigned, { ...identity, signingTime: context.now });
  context.signIn.signedOnce = true;
  checkpointAtSignature(context, user, identity.privateKeyPem);
  return pdf;
}
