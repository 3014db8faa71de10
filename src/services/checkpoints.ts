import { createPrivateKey, sign } from 'node:crypto';
import { auditHead } from '../db/audit-log';
import { insertCheckpoint } from '../db/audit-checkpoints';
import { currentIdentity, rootIdentity, rootWrapOf } from '../db/identities-repo';
import type { UserRow } from '../db/users-repo';
import { checkpointAuditAction, checkpointText } from '../domain/audit-checkpoint';
import { WrongPasswordError, decryptPrivateKey } from '../signing/private-key-protection';
import type { ServiceContext } from './context';
import { renewExpiringSigners } from './identities';

type Reason = 'e-signature' | 'sign-in';

/**
 * Signs the chain head as it stands (after the change's own entries) with the user's unwrapped
 * key, stores the checkpoint and records it in the trail, all in the caller's transaction.
 */
function signHead(
  context: ServiceContext,
  input: { userId: number; signingIdentityId: number; privateKeyPem: string; reason: Reason },
): void {
  const head = auditHead(context.ledger.raw);
  if (head.seq === 0) return;
  const unsigned = {
    seq: head.seq,
    hash: head.hash,
    at: context.nowIso,
    userId: input.userId,
    signingIdentityId: input.signingIdentityId,
    reason: input.reason,
  };
  const signature = sign(
    'sha256',
    Buffer.from(checkpointText(unsigned), 'utf8'),
    createPrivateKey(input.privateKeyPem),
  ).toString('base64');
  const stored = insertCheckpoint(context.ledger.db, { ...unsigned, signature });
  context.audit(checkpointAuditAction, 'audit-checkpoint', stored.id, {
    seq: head.seq,
    hash: head.hash,
    reason: input.reason,
  });
}

/** After an e-signature: the signer's key, already unlocked to sign the PDF, also signs the head. */
export function checkpointAtSignature(context: ServiceContext, signer: UserRow, privateKeyPem: string): void {
  const identity = currentIdentity(context.ledger.db, signer.id);
  if (identity === undefined) return;
  signHead(context, { userId: signer.id, signingIdentityId: identity.id, privateKeyPem, reason: 'e-signature' });
}

/**
 * After an administrator signs in: their wrap of the clinic root key opens with the password
 * just checked, and the root signs the head. An administrator without a wrap signs nothing.
 */
export function checkpointAtAdminSignIn(context: ServiceContext, admin: UserRow, password: string): void {
  if (admin.role !== 'admin') return;
  const wrap = rootWrapOf(context.ledger.db, admin.id);
  const root = rootIdentity(context.ledger.db);
  if (wrap === undefined || root === undefined) return;
  let privateKeyPem: string;
  try {
    privateKeyPem = decryptPrivateKey(wrap, password);
  } catch (error) {
    // A wrap that no longer opens must not stop the sign-in; enrolment says so when it is needed.
    if (error instanceof WrongPasswordError) return;
    throw error;
  }
  signHead(context, { userId: admin.id, signingIdentityId: root.id, privateKeyPem, reason: 'sign-in' });
  renewExpiringSigners(context, privateKeyPem);
}
