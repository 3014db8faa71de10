import type { VerifyScope } from '../services/audit-verify-run';
import { runVerification } from '../services/audit-verify-run';
import {
  readCopyAnchor,
  verifyAgainstCopy,
  verifyAllSessionSignatures,
  verifyAllSignedVersions,
} from '../services/ledger';
import type { CliIo } from './cli-options';
import { options, requiredDb, UsageError } from './cli-options';
import { withExistingLedger } from './ledger-file-checks';
import { progressLine } from './progress-line';
import { verificationLines } from './verification-lines';

function scopeOf(values: { 'since-last'?: boolean; 'from-seq'?: string }): VerifyScope {
  const fromSeq = values['from-seq'];
  if (values['since-last'] === true && fromSeq !== undefined) {
    throw new UsageError('give --since-last or --from-seq, not both');
  }
  if (values['since-last'] === true) return { kind: 'sinceLast' };
  if (fromSeq === undefined) return { kind: 'full' };
  const seq = Number(fromSeq);
  if (!/^\d+$/.test(fromSeq) || !Number.isSafeInteger(seq)) throw new UsageError('--from-seq must be an entry number');
  return { kind: 'fromSeq', seq };
}

/**
 * `dosing-ledger audit verify`: everything, or (`--since-last`, `--from-seq N`) the entries after
 * the newest signed checkpoint at or before the head the last intact verification checked (or
 * entry N). A progress line on stderr, on a terminal only.
 */
export async function auditVerifyCommand(
  args: string[],
  io: CliIo,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const { values } = options(args, {
    db: { type: 'string' },
    against: { type: 'string', multiple: true },
    'since-last': { type: 'boolean' },
    'from-seq': { type: 'string' },
  });
  const path = requiredDb(values);
  const scope = scopeOf(values);
  // Read first: a copy that cannot be read is refused before the ledger is opened.
  const anchors = (values.against ?? []).map((copy) => readCopyAnchor(copy));
  const progress = progressLine(stderr);
  const report = progress.onProgress;
  // Not required writable: an up-to-date ledger is checked without writing to it.
  const result = await withExistingLedger(path, { writable: false }, (ledger) => {
    try {
      const staged = runVerification(ledger.raw, scope, (done, total, what) =>
        report?.(total === 0 ? 0 : done / total, what),
      );
      report?.(0, 'Checking the signed records');
      const records = verifyAllSignedVersions(ledger.db);
      report?.(0.5, 'Checking the signed sessions');
      const sessions = verifyAllSessionSignatures(ledger.db);
      report?.(1, 'Checking against the copies');
      return {
        chain: staged.chain,
        records,
        sessions,
        tables: staged.tables,
        checkpoints: staged.checkpoints,
        copies: anchors.map((anchor) => ({ anchor, problems: verifyAgainstCopy(ledger.raw, anchor) })),
        // Said when asked for an incremental check (done, or fallen back to a full one); a plain full check prints as ever.
        start: scope.kind === 'full' ? undefined : staged.start,
        timing: { tableStatesMs: staged.tableStatesMs, totalMs: staged.totalMs },
      };
    } finally {
      progress.end();
    }
  });
  const { lines, intact } = verificationLines(result);
  for (const line of lines) io.out(line);
  return intact ? 0 : 1;
}
