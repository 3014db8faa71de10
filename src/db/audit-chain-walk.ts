import type Database from 'better-sqlite3';
import type { AuditVerification } from '../domain/audit';
import type { ChainState } from './audit-chain-range';
import { highestSeq, lowestSeq, verifyChainRange } from './audit-chain-range';
import { chainStart } from './audit-chain-verify';

/**
 * The chain walk in steps, for work that reports progress or may stop part-way (the app's
 * background verification, the CLI's progress line). Each step is `verifyChainRange` over the
 * next range of seqs, so the verdicts and messages are those of the whole walk: a range starts
 * right after the previous one ended, so an entry missing at a range's edge is still reported
 * by the next range ("expected entry N but found N+1").
 */

/** Where an incremental walk starts: after entry `seq`, whose hash a signed checkpoint holds. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

export interface ChainWalk {
  /** Entries to walk: the head's seq (as the walk started) less the anchor's. */
  readonly total: number;
  /** Entries walked so far (0 … total). */
  readonly done: number;
  /** Walks up to `entries` more; the verdict once the walk has ended, else null. */
  step(entries: number): AuditVerification | null;
}

/** How many entries a caller walks between two progress reports: a few tens of milliseconds. */
export const chainStepEntries = 32_768;

/**
 * A walk from the genesis (anchor null: every row, even a forged seq ≤ 0) or from after a
 * trusted anchor. Run it inside one read transaction, so every step sees the same snapshot.
 */
export function chainWalk(raw: Database.Database, anchor: ChainAnchor | null): ChainWalk {
  const startSeq = anchor?.seq ?? 0;
  const headSeq = (raw.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
  let state: ChainState =
    anchor === null ? chainStart : { expectedSeq: anchor.seq + 1, expectedPrev: anchor.hash, count: 0 };
  let lower: number | bigint = anchor === null ? lowestSeq : anchor.seq + 1;
  let reached = startSeq;
  let verdict: AuditVerification | null = null;
  return {
    total: Math.max(headSeq - startSeq, 0),
    get done() {
      return Math.max(Math.min(reached, headSeq) - startSeq, 0);
    },
    step(entries) {
      if (verdict !== null) return verdict;
      const last = reached + Math.max(entries, 1) >= headSeq;
      const upper: number | bigint = last ? highestSeq : reached + Math.max(entries, 1);
      const result = verifyChainRange(raw, state, lower, upper);
      if (!result.ok) {
        verdict = result;
        return verdict;
      }
      state = result.state;
      if (last) {
        reached = headSeq;
        verdict = { ok: true, entries: state.count, headHash: state.expectedPrev };
        return verdict;
      }
      reached = upper as number;
      lower = reached + 1;
      return null;
    },
  };
}

/** Mapped reads for the walk, as the whole-chain walk does (src/db/audit-chain-verify.ts). */
const walkMmapBytes = 1 << 30;

/** Runs `work` with the file mapped (unless the connection maps it already), leaving it as it was. */
export function withMappedFile<T>(raw: Database.Database, work: () => T): T {
  const remap = raw.pragma('mmap_size', { simple: true }) === 0 && !raw.memory;
  if (remap) raw.pragma(`mmap_size = ${walkMmapBytes}`);
  try {
    return work();
  } finally {
    if (remap) raw.pragma('mmap_size = 0');
  }
}
