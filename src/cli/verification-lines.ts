import type {
  AuditVerification,
  CheckpointVerification,
  CopyAnchor,
  TableStatesVerification,
} from '../services/ledger';
import { tableStateLines } from './table-state-lines';

export interface LedgerVerification {
  chain: AuditVerification;
  records: { checked: number; failures: { recordId: number; versionId: number; problems: string[] }[] };
  sessions: { checked: number; failures: { sessionId: number; signatureId: number; problem: string }[] };
  tables: TableStatesVerification;
  checkpoints: CheckpointVerification;
  copies: { anchor: CopyAnchor; problems: string[] }[];
}

function checkpointLines(checkpoints: CheckpointVerification): string[] {
  if (checkpoints.problems.length > 0) return checkpoints.problems.map((problem) => `Checkpoints BROKEN: ${problem}`);
  const latest = checkpoints.latest;
  if (latest === null)
    return ['Signed checkpoints: none yet (they are taken at each e-signature and administrator sign-in)'];
  return [
    `Signed checkpoints intact: ${checkpoints.checked} match the audit trail; the latest signs entry ${latest.seq} ` +
      `(${latest.reason} at ${latest.at})`,
  ];
}

function copyLines(copies: LedgerVerification['copies']): string[] {
  return copies.flatMap(({ anchor, problems }) =>
    problems.length === 0
      ? [`Matches ${anchor.description}: its entry ${anchor.head.seq} and its checkpoint are in this ledger unchanged`]
      : problems.map((problem) => `Against ${anchor.description} BROKEN: ${problem}`),
  );
}

/** What `dosing-ledger audit verify` prints, and whether everything held. */
export function verificationLines(result: LedgerVerification): { lines: string[]; intact: boolean } {
  const { chain, records, sessions, tables, checkpoints, copies } = result;
  const lines: string[] = [];
  lines.push(
    chain.ok
      ? `Audit chain intact: ${chain.entries} entries, head ${chain.headHash}`
      : `Audit chain BROKEN at entry ${chain.firstBrokenSeq}: ${chain.reason} (${chain.entries} entries verified before it)`,
  );
  lines.push(...checkpointLines(checkpoints));
  if (records.failures.length === 0) {
    lines.push(`Signed records intact: ${records.checked} signed versions match their SHA-256 and signatures`);
  }
  for (const failure of records.failures) {
    lines.push(`Signed record ${failure.recordId} version ${failure.versionId} BROKEN: ${failure.problems.join('; ')}`);
  }
  if (sessions.failures.length === 0) {
    lines.push(`Signed sessions intact: ${sessions.checked} session signatures match what they cover`);
  }
  for (const failure of sessions.failures) {
    lines.push(`Session ${failure.sessionId} signature ${failure.signatureId} BROKEN: ${failure.problem}`);
  }
  lines.push(...tableStateLines(tables));
  lines.push(...copyLines(copies));
  const intact =
    chain.ok &&
    checkpoints.problems.length === 0 &&
    records.failures.length === 0 &&
    sessions.failures.length === 0 &&
    tables.problems.length === 0 &&
    copies.every((copy) => copy.problems.length === 0);
  return { lines, intact };
}
