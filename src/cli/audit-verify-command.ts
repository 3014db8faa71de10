import {
  readCopyAnchor,
  verifyAgainstCopy,
  verifyAllSessionSignatures,
  verifyAllSignedVersions,
  verifyAuditChain,
  verifyCheckpoints,
  verifyTableStates,
} from '../services/ledger';
import type { CliIo } from './cli-options';
import { options, requiredDb } from './cli-options';
import { withExistingLedger } from './ledger-file-checks';
import { verificationLines } from './verification-lines';

export async function auditVerifyCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = options(args, { db: { type: 'string' }, against: { type: 'string', multiple: true } });
  const path = requiredDb(values);
  // Read first: a copy that cannot be read is refused before the ledger is opened.
  const anchors = (values.against ?? []).map((copy) => readCopyAnchor(copy));
  // Not required writable: an up-to-date ledger is checked without writing to it.
  const result = await withExistingLedger(path, { writable: false }, (ledger) => ({
    chain: verifyAuditChain(ledger.raw),
    records: verifyAllSignedVersions(ledger.db),
    sessions: verifyAllSessionSignatures(ledger.db),
    tables: verifyTableStates(ledger.raw),
    checkpoints: verifyCheckpoints(ledger.raw),
    copies: anchors.map((anchor) => ({ anchor, problems: verifyAgainstCopy(ledger.raw, anchor) })),
  }));
  const { lines, intact } = verificationLines(result);
  for (const line of lines) io.out(line);
  return intact ? 0 : 1;
}
