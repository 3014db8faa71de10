import { z } from 'zod';
import { canonicalJson } from './canonical-json';

/** Why a checkpoint was taken: a user's e-signature, or an administrator signing in. */
export const checkpointReasons = ['e-signature', 'sign-in'] as const;

/**
 * A signed checkpoint of the audit chain's head, as stored and as carried by backups and exports
 * (with the certificate whose key signed it, so a copy can be checked on its own).
 */
export const signedCheckpointSchema = z.object({
  id: z.number().int().positive(),
  /** The audit entry whose hash was signed: the head of the chain at that instant. */
  seq: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** UTC ISO instant. */
  at: z.string(),
  userId: z.number().int().positive(),
  signingIdentityId: z.number().int().positive(),
  reason: z.enum(checkpointReasons),
  /** Base64 DER signature over `checkpointText`. */
  signature: z.string().min(1),
  certificatePem: z.string().optional(),
});
export type SignedCheckpoint = z.infer<typeof signedCheckpointSchema>;

/** The bytes a checkpoint's signature covers: every field but the signature and the certificate. */
export function checkpointText(checkpoint: Omit<SignedCheckpoint, 'id' | 'signature' | 'certificatePem'>): string {
  return canonicalJson({
    kind: 'dosing-ledger/audit-checkpoint',
    seq: checkpoint.seq,
    hash: checkpoint.hash,
    at: checkpoint.at,
    userId: checkpoint.userId,
    signingIdentityId: checkpoint.signingIdentityId,
    reason: checkpoint.reason,
  });
}

/** The audit action recorded right after each checkpoint, naming it (so deleting one shows). */
export const checkpointAuditAction = 'audit.checkpoint-signed';
