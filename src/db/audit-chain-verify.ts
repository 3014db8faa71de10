import type Database from 'better-sqlite3';
import type { AuditVerification } from '../domain/audit';
import { genesisHash } from '../domain/audit';
import type { ChainState } from './audit-chain-range';
import { highestSeq, lowestSeq, verifyChainRange } from './audit-chain-range';

export const chainStart: ChainState = { expectedSeq: 1, expectedPrev: genesisHash, count: 0 };

/** Mapped reads for the walk: the chain is read once, page after page, without a copy per page. */
const verifyMmapBytes = 1 << 30;

/**
 * The whole chain, in this thread, as one read transaction (one snapshot of the chain). The
 * connection maps the file for the walk if it does not already, and is left as it was.
 */
export function verifyWholeChain(raw: Database.Database): AuditVerification {
  const mmapBefore = raw.pragma('mmap_size', { simple: true });
  const remap = mmapBefore === 0 && !raw.memory;
  if (remap) raw.pragma(`mmap_size = ${verifyMmapBytes}`);
  try {
    const result = raw.transaction(() => verifyChainRange(raw, chainStart, lowestSeq, highestSeq))();
    if (!result.ok) return result;
    return { ok: true, entries: result.state.count, headHash: result.state.expectedPrev };
  } finally {
    if (remap) raw.pragma('mmap_size = 0');
  }
}
