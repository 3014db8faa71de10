/** One row whose state differs from its audit trail (or that the trail cannot vouch for). */
export interface TableStateFinding {
  table: string;
  rowId: number;
  /** The table, row id and its name, e.g. "users row 3 (nurse)". */
  row: string;
  /** What is wrong with it, e.g. "role differs from the audit trail (nurse → admin)". */
  problem: string;
  /** `row: problem`, one line. */
  message: string;
}

export function finding(table: string, rowId: number, row: string, problem: string): TableStateFinding {
  return { table, rowId, row, problem, message: `${row}: ${problem}` };
}

export interface TableStatesVerification {
  /** Current rows held against a recorded digest. */
  checked: number;
  /** Edits, insertions or deletions made outside the app. */
  problems: TableStateFinding[];
  /** Rows last changed before row digests were recorded (older ledgers): not tampering. */
  notCovered: TableStateFinding[];
}

export const notCoveredReason = 'not covered: last changed before row digests were recorded';
