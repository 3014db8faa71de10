import type Database from 'better-sqlite3';
import { X509Certificate, verify } from 'node:crypto';
import type { SignedCheckpoint } from '../domain/audit-checkpoint';
import { checkpointAuditAction, checkpointText } from '../domain/audit-checkpoint';
import type { CheckpointRow } from './audit-checkpoints';
import { certificateOf, toSignedCheckpoint } from './audit-checkpoints';

export interface CheckpointVerification {
  /** Checkpoints whose signature, signer and chain entry all hold. */
  checked: number;
  /** The newest checkpoint that holds, with its certificate. */
  latest: SignedCheckpoint | null;
  /** One line each: which checkpoint or entry, and what is wrong. */
  problems: string[];
}

interface IdentityFacts {
  kind: string;
  userId: number | null;
  source: string;
  certificate: X509Certificate | null;
}

function parseCertificate(pem: string | undefined): X509Certificate | null {
  if (pem === undefined) return null;
  try {
    return new X509Certificate(pem);
  } catch {
    return null;
  }
}

function loadIdentities(raw: Database.Database): Map<number, IdentityFacts> {
  const rows = raw.prepare('SELECT id, kind, user_id AS userId, source FROM signing_identities').all() as {
    id: number;
    kind: string;
    userId: number | null;
    source: string;
  }[];
  return new Map(
    rows.map((row) => [row.id, { ...row, certificate: parseCertificate(certificateOf(raw, row.id)) }] as const),
  );
}

/** Whether the certificate was issued by one of the clinic's roots (or is one). */
function issuedByClinic(facts: IdentityFacts, roots: readonly X509Certificate[]): boolean {
  const certificate = facts.certificate;
  if (certificate === null) return false;
  // An organisation's PKCS#12 identity chains to its own authority, recorded when imported.
  if (facts.source === 'imported') return true;
  return roots.some((root) => root.fingerprint256 === certificate.fingerprint256 || certificate.verify(root.publicKey));
}

/** Checks one checkpoint's signature and signer; null when they hold, else what is wrong. */
export function checkpointSignatureProblem(
  checkpoint: SignedCheckpoint,
  facts: IdentityFacts | undefined,
  roots: readonly X509Certificate[],
): string | null {
  if (facts === undefined)
    return `it names signing certificate ${checkpoint.signingIdentityId}, which is not in the ledger`;
  if (facts.certificate === null) return `its signing certificate ${checkpoint.signingIdentityId} cannot be read`;
  const own = facts.kind === 'signer' ? facts.userId === checkpoint.userId : checkpoint.reason === 'sign-in';
  if (!own)
    return `its signing certificate ${checkpoint.signingIdentityId} does not belong to user ${checkpoint.userId}`;
  if (!issuedByClinic(facts, roots)) return 'its signing certificate was not issued by the clinic root';
  const signed = verify(
    'sha256',
    Buffer.from(checkpointText(checkpoint), 'utf8'),
    facts.certificate.publicKey,
    Buffer.from(checkpoint.signature, 'base64'),
  );
  return signed ? null : 'its signature does not verify: the checkpoint was edited or forged';
}

function label(row: CheckpointRow, usernames: ReadonlyMap<number, string>): string {
  return `Checkpoint ${row.id} (${row.reason} by ${usernames.get(row.userId) ?? `user ${row.userId}`} at ${row.at})`;
}

/**
 * Holds every stored checkpoint against its signature and the audit trail: the entry it signed
 * must still be there with the hash it signed, so a chain recomputed after an edit, or cut short
 * below a checkpoint, is reported; and every checkpoint the trail records must still be stored.
 */
export function verifyCheckpoints(raw: Database.Database): CheckpointVerification {
  const identities = loadIdentities(raw);
  const roots = [...identities.values()]
    .filter((facts) => facts.kind === 'clinic-root')
    .flatMap((facts) => (facts.certificate === null ? [] : [facts.certificate]));
  const entryHash = raw.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck();
  const lastSeq = (raw.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
  const usernames = new Map(
    (raw.prepare('SELECT id, username FROM users').all() as { id: number; username: string }[]).map(
      (user) => [user.id, user.username] as const,
    ),
  );
  const result: CheckpointVerification = { checked: 0, latest: null, problems: [] };
  const stored = new Set<number>();
  for (const row of raw.prepare('SELECT * FROM audit_checkpoints ORDER BY id').iterate() as IterableIterator<
    Record<string, unknown>
  >) {
    const checkpointRow: CheckpointRow = {
      id: Number(row.id),
      seq: Number(row.seq),
      hash: String(row.hash),
      at: String(row.at),
      userId: Number(row.user_id),
      signingIdentityId: Number(row.signing_identity_id),
      reason: String(row.reason),
      signature: String(row.signature),
    };
    stored.add(checkpointRow.id);
    const checkpoint = toSignedCheckpoint(checkpointRow, certificateOf(raw, checkpointRow.signingIdentityId));
    const problem =
      checkpoint === null
        ? 'it is not a well-formed checkpoint (edited outside the app)'
        : checkpointSignatureProblem(checkpoint, identities.get(checkpointRow.signingIdentityId), roots);
    if (problem !== null) {
      result.problems.push(`${label(checkpointRow, usernames)}: ${problem}`);
      continue;
    }
    const hash = entryHash.get(checkpointRow.seq) as string | undefined;
    if (hash === undefined) {
      result.problems.push(
        `${label(checkpointRow, usernames)} signed audit entry ${checkpointRow.seq}, but the audit trail ends at entry ${lastSeq}: ` +
          `the entries after ${lastSeq} were cut off`,
      );
      continue;
    }
    if (hash !== checkpointRow.hash) {
      result.problems.push(
        `${label(checkpointRow, usernames)} signed audit entry ${checkpointRow.seq} with hash ${checkpointRow.hash}, ` +
          `but that entry's hash is now ${hash}: the audit trail was rewritten after it`,
      );
      continue;
    }
    result.checked += 1;
    result.latest = checkpoint;
  }
  const recorded = raw
    .prepare('SELECT seq, entity_id AS id FROM audit_log WHERE action = ? ORDER BY seq')
    .all(checkpointAuditAction) as { seq: number; id: string | null }[];
  for (const entry of recorded) {
    if (entry.id !== null && !stored.has(Number(entry.id))) {
      result.problems.push(
        `Audit entry ${entry.seq} records checkpoint ${entry.id}, which is no longer stored (deleted outside the app)`,
      );
    }
  }
  return result;
}
