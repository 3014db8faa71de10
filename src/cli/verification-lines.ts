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
  /** Where the chain walk started (absent: a full check, as before incremental checks). */
  start?: { kind: 'full' | 'incremental'; fromSeq: number; note: string };
  /** How long the table-state check took of the whole (it reads every table even when incremental). */
  timing?: { tableStatesMs: number; totalMs: number };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function chainLine(chain: AuditVerification, start: LedgerVerification['start']): string {
  if (!chain.ok) {
    return `Audit chain BROKEN at entry ${chain.firstBrokenSeq}: ${chain.reason} (${chain.entries} entries verified before it)`;
  }
  if (start?.kind === 'incremental') {
    return `Audit chain intact after entry ${start.fromSeq}: ${chain.entries} new entries, head ${chain.headHash}`;
  }
  return `Audit chain intact: ${chain.entries} entries, head ${chain.headHash}`;
}

function timingLines(result: LedgerVerification): string[] {
  if (result.timing === undefined) return [];
  const { tableStatesMs, totalMs } = result.timing;
  const incremental = result.start?.kind === 'incremental';
  return [
    `Table states were checked in full${incremental ? ', even in this incremental check,' : ''} because an edit ` +
      `outside the app can touch a row of any age: ${seconds(tableStatesMs)} of the ${seconds(totalMs)} this check took`,
  ];
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
  if (result.start !== undefined) lines.push(result.start.note);
  lines.push(chainLine(chain, result.start));
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
  lines.push(...timingLines(result));
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
