import type { AuditVerification } from '../domain/audit';
import { auditHead } from '../db/audit-log';
import type { ChainWalk } from '../db/audit-chain-walk';
import { chainStepEntries, chainWalk, withMappedFile } from '../db/audit-chain-walk';
import { lastIntactVerification } from '../db/audit-verify-record';
import type { CheckpointAnchor, CheckpointVerification, CheckpointWalk } from '../db/checkpoint-verify';
import { checkpointAtOrBelow, checkpointStepCount, checkpointWalk } from '../db/checkpoint-verify';
import type { TableStatePart, TableStatesVerification } from '../db/table-states';
import { tableStateParts } from '../db/table-states';
import type { Ledger } from '../db/open';

type Raw = Ledger['raw'];

/**
 * One verification of the ledger (chain, signed checkpoints, table states) as a sequence of
 * short steps, so that the app can run it in the background with progress and a cancel, and the
 * CLI can draw its progress line. Full, or incremental: from the newest signed checkpoint at or
 * before the head an earlier verification found intact (or before a given entry).
 */

/** What to check: everything, the entries since the last intact verification, or after entry N. */
export type VerifyScope = { kind: 'full' } | { kind: 'sinceLast' } | { kind: 'fromSeq'; seq: number };

/** Where the check started, and a sentence saying so for the person reading its result. */
export interface VerificationStart {
  kind: 'full' | 'incremental';
  /** The entry the walk started after (0 for a full check). */
  fromSeq: number;
  anchor: CheckpointAnchor | null;
  note: string;
}

export interface StagedVerification {
  start: VerificationStart;
  /** The head of the ledger as checked (the snapshot's). */
  head: { seq: number; hash: string };
  chain: AuditVerification;
  checkpoints: CheckpointVerification;
  tables: TableStatesVerification;
  /** Wall time of the table-state check (a full scan even in an incremental check), and of all. */
  tableStatesMs: number;
  totalMs: number;
}

export interface VerificationRun {
  readonly start: VerificationStart;
  /** Progress in work units (an audit entry is one), monotonic; `total` is fixed at the start. */
  readonly done: number;
  readonly total: number;
  /** What is being checked now, in words. */
  readonly what: string;
  /** Does one step (tens of milliseconds; a table of the table-state check may take longer). */
  step(): StagedVerification | null;
}

/** A checkpoint costs about this many audit entries (a signature check each). */
const checkpointUnits = 25;
/** The table-state check reads the audit log once per table: measured about 2.5 entries' worth per entry. */
const tableStateUnitsPerEntry = 2.5;

const count = (value: number) => value.toLocaleString('en-US');

function planStart(raw: Raw, scope: VerifyScope): VerificationStart {
  const full = (note: string): VerificationStart => ({ kind: 'full', fromSeq: 0, anchor: null, note });
  if (scope.kind === 'full') return full('Full check: every entry from the first.');
  let upTo: number;
  if (scope.kind === 'sinceLast') {
    const last = lastIntactVerification(raw);
    if (last === null) return full('No earlier verification found the ledger intact, so this is a full check.');
    upTo = last.headSeq;
  } else {
    upTo = scope.seq;
  }
  const anchor = checkpointAtOrBelow(raw, upTo);
  if (anchor === null) {
    return full(`No signed checkpoint signs entry ${count(upTo)} or an earlier one, so this is a full check.`);
  }
  return {
    kind: 'incremental',
    fromSeq: anchor.seq,
    anchor,
    note:
      `Incremental check: the entries after entry ${count(anchor.seq)}, which signed checkpoint ${anchor.checkpointId} ` +
      `(${anchor.reason} at ${anchor.at}) holds. An entry before it edited without recomputing the chain is found only ` +
      'by a full check; a chain recomputed after such an edit is found here (the checkpoint no longer matches).',
  };
}

type Stage =
  | { kind: 'chain'; walk: ChainWalk | null }
  | { kind: 'checkpoints'; walk: CheckpointWalk }
  | { kind: 'table'; part: TableStatePart };

/** A verification of `raw` in steps; run it inside one read transaction (one snapshot). */
export function verificationRun(raw: Raw, scope: VerifyScope): VerificationRun {
  const startedAt = performance.now();
  const start = planStart(raw, scope);
  const head = auditHead(raw);
  const anchorBroken = start.anchor !== null && start.anchor.problem !== null;
  const chain = anchorBroken ? null : chainWalk(raw, start.anchor);
  let chainVerdict: AuditVerification | null = null;
  if (anchorBroken && start.anchor !== null) {
    chainVerdict = {
      ok: false,
      entries: 0,
      firstBrokenSeq: start.anchor.seq,
      reason: `the signed checkpoint the incremental check starts from no longer holds (${start.anchor.problem ?? ''}); run a full check`,
    };
  }
  const checkpoints = checkpointWalk(raw, start.kind === 'full' ? {} : { fromSeq: start.fromSeq });
  const parts = tableStateParts(raw);
  const tableUnits = Math.max(1, Math.ceil((head.seq * tableStateUnitsPerEntry) / parts.length));
  const stages: Stage[] = [
    { kind: 'chain', walk: chain },
    { kind: 'checkpoints', walk: checkpoints },
    ...parts.map((part): Stage => ({ kind: 'table', part })),
  ];
  const chainTotal = chain?.total ?? 0;
  const total = chainTotal + checkpoints.total * checkpointUnits + parts.length * tableUnits;
  const tables: TableStatesVerification = { checked: 0, problems: [], notCovered: [] };
  let checkpointResult: CheckpointVerification | null = null;
  let stageIndex = 0;
  let tablesDone = 0;
  let tableStatesMs = 0;
  let result: StagedVerification | null = null;

  const describe = (stage: Stage | undefined): string => {
    if (stage === undefined) return 'Finished';
    if (stage.kind === 'chain') return start.kind === 'full' ? 'Checking the audit chain' : 'Checking the new entries';
    if (stage.kind === 'checkpoints') return 'Checking the signed checkpoints';
    return `Holding the rows of ${stage.part.name} against the audit trail`;
  };

  return {
    start,
    total,
    get done() {
      if (result !== null) return total;
      const chainDone = chain?.done ?? 0;
      return Math.min(total, chainDone + checkpoints.done * checkpointUnits + tablesDone * tableUnits);
    },
    get what() {
      return describe(stages[stageIndex]);
    },
    step() {
      if (result !== null) return result;
      const stage = stages[stageIndex];
      if (stage?.kind === 'chain') {
        if (stage.walk === null) stageIndex += 1;
        else {
          chainVerdict = stage.walk.step(chainStepEntries);
          if (chainVerdict !== null) stageIndex += 1;
        }
      } else if (stage?.kind === 'checkpoints') {
        checkpointResult = stage.walk.step(checkpointStepCount);
        if (checkpointResult !== null) stageIndex += 1;
      } else if (stage?.kind === 'table') {
        const partStart = performance.now();
        stage.part.run(tables);
        tableStatesMs += performance.now() - partStart;
        tablesDone += 1;
        stageIndex += 1;
      }
      if (stageIndex < stages.length || chainVerdict === null || checkpointResult === null) return null;
      result = {
        start,
        head,
        chain: chainVerdict,
        checkpoints: checkpointResult,
        tables,
        tableStatesMs,
        totalMs: performance.now() - startedAt,
      };
      return result;
    },
  };
}

/**
 * The whole run at once, in one read transaction with the file mapped (the CLI's way), telling
 * `onProgress` after each step.
 */
export function runVerification(
  raw: Raw,
  scope: VerifyScope,
  onProgress?: (done: number, total: number, what: string) => void,
): StagedVerification {
  return withMappedFile(raw, () =>
    raw.transaction(() => {
      const run = verificationRun(raw, scope);
      for (;;) {
        onProgress?.(run.done, run.total, run.what);
        const result = run.step();
        if (result !== null) return result;
      }
    })(),
  );
}

/** The result as the app's contract carries it (the same shape `audit.verify` answers). */
export function toAuditVerification(result: StagedVerification): AuditVerification {
  const tableProblems = result.tables.problems.map((problem) => problem.message);
  return {
    ...result.chain,
    ...(tableProblems.length === 0 ? {} : { tableProblems }),
    ...(result.checkpoints.problems.length === 0 ? {} : { checkpointProblems: result.checkpoints.problems }),
    checkpoints: result.checkpoints.checked,
  };
}

/** Whether everything the run checks held. */
export function runIntact(result: StagedVerification): boolean {
  return result.chain.ok && result.checkpoints.problems.length === 0 && result.tables.problems.length === 0;
}
