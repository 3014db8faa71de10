import type { ChainHead } from './backup-sidecar';
import { messageOf } from './backup-error';
import { latestCheckpoint } from '../db/audit-checkpoints';
import { listAudit, verifyAuditChain } from '../db/audit-log';
import type { SignedCheckpoint } from '../domain/audit-checkpoint';
import { integrityProblems } from '../db/ledger-copy';
import type { Ledger } from '../db/open';
import { openLedger } from '../db/open';

export type CopyCheck =
  { ok: true; entries: number; head: ChainHead; checkpoint: SignedCheckpoint | null } | { ok: false; problem: string };

/**
 * What every backup passes right after it is written, and again before it is restored: the file
 * opens (read-only, so checking changes nothing), SQLite's integrity check is ok, and the audit
 * chain verifies from its first entry to its head (the one chain verifier, src/db/audit-log.ts).
 */
export function checkLedgerCopy(path: string): CopyCheck {
  let ledger: Ledger;
  try {
    ledger = openLedger(path, { readonly: true });
  } catch (error) {
    return { ok: false, problem: `it does not open as a ledger (${messageOf(error)})` };
  }
  try {
    const problems = integrityProblems(ledger.raw);
    if (problems.length > 0) return { ok: false, problem: `SQLite's integrity check failed: ${problems[0]}` };
    const chain = verifyAuditChain(ledger.raw);
    if (!chain.ok) {
      return { ok: false, problem: `its audit chain is broken at entry ${chain.firstBrokenSeq}: ${chain.reason}` };
    }
    // A verified chain numbers its entries 1…n without gaps, so its head is entry n.
    const head = { seq: chain.entries, hash: chain.headHash };
    return { ok: true, entries: chain.entries, head, checkpoint: latestCheckpoint(ledger.db) };
  } catch (error) {
    // A damaged file often opens and then fails on its first read ("file is not a database").
    return { ok: false, problem: `it cannot be read as a ledger (${messageOf(error)})` };
  } finally {
    ledger.close();
  }
}

/** Whether `head` is an entry of `ledger`'s chain, with the same hash (the chain may have grown since). */
export function chainHasEntry(ledger: Ledger, head: ChainHead): boolean {
  if (head.seq === 0) return true;
  const [entry] = listAudit(ledger.raw, { beforeSeq: head.seq + 1, limit: 1 });
  return entry !== undefined && entry.seq === head.seq && entry.hash === head.hash;
}
