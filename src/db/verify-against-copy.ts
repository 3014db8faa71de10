import type Database from 'better-sqlite3';
import { X509Certificate, verify } from 'node:crypto';
import type { SignedCheckpoint } from '../domain/audit-checkpoint';
import { checkpointText } from '../domain/audit-checkpoint';

export interface CopySeen {
  /** "the backup of …" / "the export of …". */
  description: string;
  head: { seq: number; hash: string };
  checkpoint: SignedCheckpoint | null;
}

function signedByItsCertificate(checkpoint: SignedCheckpoint): boolean {
  if (checkpoint.certificatePem === undefined) return false;
  try {
    const certificate = new X509Certificate(checkpoint.certificatePem);
    return verify(
      'sha256',
      Buffer.from(checkpointText(checkpoint), 'utf8'),
      certificate.publicKey,
      Buffer.from(checkpoint.signature, 'base64'),
    );
  } catch {
    return false;
  }
}

function entryProblem(raw: Database.Database, seen: CopySeen, seq: number, hash: string): string | null {
  if (seq === 0) return null;
  const live = raw.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(seq) as string | undefined;
  if (live === undefined) {
    const last = (raw.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
    const cut = seq === last + 1 ? `entry ${seq} was` : `entries ${last + 1} to ${seq} were`;
    return `The audit trail ends at entry ${last}, but ${seen.description} saw entry ${seq}: ${cut} cut off since`;
  }
  if (live !== hash) {
    return (
      `Audit entry ${seq} differs from what ${seen.description} saw (hash ${hash} there, ${live} here): ` +
      'the audit trail was rewritten since'
    );
  }
  return null;
}

/**
 * Holds the live ledger against what a copy kept outside it saw: the copy's head must still be an
 * entry of the chain with the same hash (so entries cut off the end, or a chain recomputed after an
 * edit, show), and the checkpoint it carried must verify and still be stored, unchanged.
 */
export function verifyAgainstCopy(raw: Database.Database, seen: CopySeen): string[] {
  const problems: string[] = [];
  const headProblem = entryProblem(raw, seen, seen.head.seq, seen.head.hash);
  if (headProblem !== null) problems.push(headProblem);
  const checkpoint = seen.checkpoint;
  if (checkpoint === null) return problems;
  if (!signedByItsCertificate(checkpoint)) {
    problems.push(
      `The checkpoint ${seen.description} carries does not verify with its own certificate: that copy was altered`,
    );
    return problems;
  }
  const stored = raw.prepare('SELECT signature FROM audit_checkpoints WHERE id = ?').pluck().get(checkpoint.id) as
    string | undefined;
  if (stored !== checkpoint.signature) {
    problems.push(
      `Checkpoint ${checkpoint.id} (audit entry ${checkpoint.seq}, signed ${checkpoint.at}), carried by ${seen.description}, ` +
        `is ${stored === undefined ? 'no longer in the ledger' : 'different in the ledger'}: checkpoints were removed or replaced`,
    );
  }
  const signedEntry = entryProblem(raw, seen, checkpoint.seq, checkpoint.hash);
  if (signedEntry !== null && headProblem === null) problems.push(signedEntry);
  return problems;
}
