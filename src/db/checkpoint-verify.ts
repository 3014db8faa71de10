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

function toCheckpointRow(row: Record<string, unknown>): CheckpointRow {
  return {
    id: Number(row.id),
    seq: Number(row.seq),
    hash: String(row.hash),
    at: String(row.at),
    userId: Number(row.user_id),
    signingIdentityId: Number(row.signing_identity_id),
    reason: String(row.reason),
    signature: String(row.signature),
  };
}

/** Judges stored checkpoints: the facts it needs (identities, roots, names) are read once. */
function checkpointChecker(raw: Database.Database) {
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
  return {
    /** The checkpoint it holds, or one line saying what is wrong with the stored row. */
    check(row: CheckpointRow): { checkpoint: SignedCheckpoint } | { problem: string } {
      const checkpoint = toSignedCheckpoint(row, certificateOf(raw, row.signingIdentityId));
      const problem =
        checkpoint === null
          ? 'it is not a well-formed checkpoint (edited outside the app)'
          : checkpointSignatureProblem(checkpoint, identities.get(row.signingIdentityId), roots);
      if (problem !== null || checkpoint === null) return { problem: `${label(row, usernames)}: ${problem ?? ''}` };
      const hash = entryHash.get(row.seq) as string | undefined;
      if (hash === undefined) {
        return {
          problem:
            `${label(row, usernames)} signed audit entry ${row.seq}, but the audit trail ends at entry ${lastSeq}: ` +
            `the entries after ${lastSeq} were cut off`,
        };
      }
      if (hash !== row.hash) {
        return {
          problem:
            `${label(row, usernames)} signed audit entry ${row.seq} with hash ${row.hash}, ` +
            `but that entry's hash is now ${hash}: the audit trail was rewritten after it`,
        };
      }
      return { checkpoint };
    },
  };
}

export interface CheckpointWalk {
  /** Stored checkpoints to check. */
  readonly total: number;
  readonly done: number;
  /** Checks up to `count` more; the result once every checkpoint (and recorded entry) is checked, else null. */
  step(count: number): CheckpointVerification | null;
}

/** How many checkpoints a caller checks between two progress reports (a signature check each). */
export const checkpointStepCount = 256;

/**
 * Holds stored checkpoints against their signature and the audit trail, in steps: the entry each
 * signed must still be there with the hash it signed, so a chain recomputed after an edit, or cut
 * short below a checkpoint, is reported; and every checkpoint the trail records must still be
 * stored. With `fromSeq` (an incremental check), only the checkpoints that sign entry `fromSeq`
 * or later, and the entries after `fromSeq` that record a checkpoint.
 */
export function checkpointWalk(raw: Database.Database, options: { fromSeq?: number } = {}): CheckpointWalk {
  const fromSeq = options.fromSeq ?? Number.MIN_SAFE_INTEGER;
  const checker = checkpointChecker(raw);
  const total = raw.prepare('SELECT count(*) FROM audit_checkpoints WHERE seq >= ?').pluck().get(fromSeq) as number;
  const page = raw.prepare('SELECT * FROM audit_checkpoints WHERE id > ? AND seq >= ? ORDER BY id LIMIT ?');
  const result: CheckpointVerification = { checked: 0, latest: null, problems: [] };
  const stored = new Set<number>();
  let lastId = Number.MIN_SAFE_INTEGER;
  let done = 0;
  let finished = false;
  const recordedEntries = () => {
    const isStored = raw.prepare('SELECT 1 FROM audit_checkpoints WHERE id = ?').pluck();
    const recorded = raw
      .prepare('SELECT seq, entity_id AS id FROM audit_log WHERE seq > ? AND action = ? ORDER BY seq')
      .all(fromSeq, checkpointAuditAction) as { seq: number; id: string | null }[];
    for (const entry of recorded) {
      if (entry.id === null || stored.has(Number(entry.id)) || isStored.get(Number(entry.id)) !== undefined) continue;
      result.problems.push(
        `Audit entry ${entry.seq} records checkpoint ${entry.id}, which is no longer stored (deleted outside the app)`,
      );
    }
  };
  return {
    total,
    get done() {
      return done;
    },
    step(count) {
      if (finished) return result;
      const rows = page.all(lastId, fromSeq, Math.max(count, 1)) as Record<string, unknown>[];
      for (const storedRow of rows) {
        const row = toCheckpointRow(storedRow);
        lastId = row.id;
        stored.add(row.id);
        done += 1;
        const verdict = checker.check(row);
        if ('problem' in verdict) {
          result.problems.push(verdict.problem);
          continue;
        }
        result.checked += 1;
        result.latest = verdict.checkpoint;
      }
      if (rows.length === Math.max(count, 1)) return null;
      recordedEntries();
      finished = true;
      return result;
    },
  };
}

/** Every stored checkpoint at once (see `checkpointWalk`). */
export function verifyCheckpoints(
  raw: Database.Database,
  options: { fromSeq?: number; onProgress?: (done: number, total: number) => void } = {},
): CheckpointVerification {
  const walk = checkpointWalk(raw, options);
  for (;;) {
    const result = walk.step(checkpointStepCount);
    options.onProgress?.(walk.done, walk.total);
    if (result !== null) return result;
  }
}

/** A signed checkpoint an incremental check may start from, and whether it still holds. */
export interface CheckpointAnchor {
  checkpointId: number;
  seq: number;
  /** The hash it signed for entry `seq`. */
  hash: string;
  reason: string;
  at: string;
  /** What is wrong with it (its signature, signer, or the entry it signed), or null when it holds. */
  problem: string | null;
}

/** The newest stored checkpoint that signs entry `seq` or an earlier one, checked; null when there is none. */
export function checkpointAtOrBelow(raw: Database.Database, seq: number): CheckpointAnchor | null {
  const stored = raw
    .prepare('SELECT * FROM audit_checkpoints WHERE seq <= ? ORDER BY seq DESC, id DESC LIMIT 1')
    .get(seq) as Record<string, unknown> | undefined;
  if (stored === undefined) return null;
  const row = toCheckpointRow(stored);
  const verdict = checkpointChecker(raw).check(row);
  return {
    checkpointId: row.id,
    seq: row.seq,
    hash: row.hash,
    reason: row.reason,
    at: row.at,
    problem: 'problem' in verdict ? verdict.problem : null,
  };
}
