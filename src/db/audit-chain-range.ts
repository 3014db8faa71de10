import { isUtf8 } from 'node:buffer';
import { hash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AuditVerification } from '../domain/audit';
import type { AuditRow } from './audit-row';
import { entryHash } from './audit-row';

/**
 * The audit chain verifier, over a range of entries (the whole chain in `audit-chain-verify.ts`).
 * Two paths give the same verdict:
 *
 * - the exact path is the definition: each row read into JavaScript, its details parsed, its
 *   canonical text built by `canonicalJson` and hashed, exactly as `appendAudit` hashed it;
 * - the fast path checks a batch of rows at once, with SQLite building each entry's hashed text
 *   (its `json_quote` escapes text exactly as `JSON.stringify` does) and JavaScript only hashing
 *   the bytes. It only ever *accepts* a batch: a batch it cannot prove intact (a hash or link
 *   that does not match, an unexpected column type, text that is not valid UTF-8 or details that
 *   might not parse) is checked again row by row on the exact path, which then names the first
 *   broken entry. So the fast path changes the speed, never a verdict or a message.
 */

/** Where the walk stands: the next entry expected, the hash it must link to, entries verified. */
export interface ChainState {
  expectedSeq: number;
  expectedPrev: string;
  count: number;
}

export type RangeResult = { ok: true; state: ChainState } | Extract<AuditVerification, { ok: false }>;

/** Below and above every seq SQLite can hold, so that no row (even a forged seq ≤ 0) is skipped. */
export const lowestSeq = -(2n ** 63n);
export const highestSeq = 2n ** 63n - 1n;

const batchRows = 1024;
const hashHexChars = 64;

/**
 * The hashed message of a row, `prevHash ‖ canonicalJson(entry)`, built by SQLite in one
 * `concat` (one copy, where each `||` would copy the text so far). The wrapper's keys are in
 * canonicalJson's order (sorted by code unit); `details` is stored text, hashed as a JSON string.
 * `json_quote` writes a text, and a NULL, exactly as `JSON.stringify` does (a BLOB makes it throw,
 * and the batch goes to the exact path). prev_hash is put in quotes as it is: only a row whose
 * prev_hash is the previous entry's hash (64 hex digits) is accepted.
 */
const messageSql = `concat(prev_hash, '{"action":', json_quote(action), ',"actorUserId":', ifnull(actor_user_id, 'null'),
  ',"at":', json_quote(at), ',"details":', json_quote(details), ',"entityId":', json_quote(entity_id),
  ',"entityType":', json_quote(entity_type), ',"prevHash":"', prev_hash, '","seq":', seq, '}')`;

/**
 * 1 when the fast path may judge the row: an actor ID that JavaScript reads as the same integer,
 * hashes of 64 bytes (so the concatenated hashes split into rows), and details that
 * `JSON.parse` accepts: `json_valid` (strict RFC 8259) agrees with it except that it stops at
 * a NUL, hence the `instr` guard; UTF-8 validity is checked on the bytes in JavaScript.
 */
const fastRowSql = `(actor_user_id IS NULL OR (typeof(actor_user_id) = 'integer' AND abs(actor_user_id) <= 9007199254740991))
  AND octet_length(prev_hash) = ${hashHexChars} AND octet_length(hash) = ${hashHexChars}
  AND json_valid(details) AND instr(details, char(0)) = 0`;

/**
 * The fast path relies on the declared column types: TEXT affinity stores a number written to
 * those columns as text, so a value there is text, NULL or a BLOB, never a number SQLite and
 * JavaScript would print differently. A table redefined with other types goes the exact path.
 */
const expectedTypes: Record<string, string> = {
  seq: 'INTEGER',
  at: 'TEXT',
  actor_user_id: 'INTEGER',
  action: 'TEXT',
  entity_type: 'TEXT',
  entity_id: 'TEXT',
  details: 'TEXT',
  prev_hash: 'TEXT',
  hash: 'TEXT',
};

function fastPathApplies(raw: Database.Database): boolean {
  // SQLite's bytes of a UTF-16 file are not the UTF-8 that is hashed.
  if (raw.pragma('encoding', { simple: true }) !== 'UTF-8') return false;
  const columns = raw.pragma('table_info(audit_log)') as { name: string; type: string; pk: number }[];
  if (columns.length !== Object.keys(expectedTypes).length) return false;
  return columns.every(
    (column) =>
      expectedTypes[column.name] === column.type.toUpperCase() && (column.pk === 1) === (column.name === 'seq'),
  );
}

/**
 * One batch of rows in seq order, folded into one row (`fast` is 0 rather than NULL for a NULL
 * column, since min() would skip a NULL). The concatenations take the rows in the
 * order the subquery yields them (seq order); that order is not left to trust: each message ends
 * with its seq, which the fast path checks.
 */
const batchSql = `SELECT count(*) AS n, min(seq) AS lo, max(seq) AS hi, min(fast) AS fast,
    CAST(group_concat(message, '') AS BLOB) AS messages, group_concat(octet_length(message), ',') AS lengths,
    group_concat(prev_hash, '') AS prevs, group_concat(hash, '') AS hashes
  FROM (SELECT seq, prev_hash, hash, ${messageSql} AS message, coalesce(${fastRowSql}, 0) AS fast
        FROM audit_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ${batchRows})`;

interface Batch {
  n: number;
  lo: unknown;
  hi: unknown;
  fast: unknown;
  messages: Buffer | null;
  lengths: string | null;
  prevs: string | null;
  hashes: string | null;
}

/** The checks of one row on the exact path, in their order; null when the row is intact. */
function exactProblem(row: AuditRow, state: ChainState): string | null {
  if (row.seq !== state.expectedSeq) return `expected entry ${state.expectedSeq} but found ${row.seq} (entry missing)`;
  if (row.prev_hash !== state.expectedPrev) return 'link to the previous entry does not match (entry removed or moved)';
  try {
    JSON.parse(row.details);
  } catch {
    return 'details are not valid JSON';
  }
  if (entryHash(row) !== row.hash) return 'entry content does not match its hash (entry edited)';
  return null;
}

/** The exact path over `rows`, from `state`; a verdict at the first broken row. */
function exactRows(rows: Iterable<AuditRow>, state: ChainState): RangeResult {
  for (const row of rows) {
    const reason = exactProblem(row, state);
    if (reason !== null) return { ok: false, entries: state.count, firstBrokenSeq: row.seq, reason };
    state = { expectedSeq: state.expectedSeq + 1, expectedPrev: row.hash, count: state.count + 1 };
  }
  return { ok: true, state };
}

/** The batch from `lower`; null when SQLite cannot build its text (a BLOB where text belongs). */
function readBatch(statement: Database.Statement, lower: number | bigint, toSeq: number | bigint): Batch | null {
  try {
    return statement.get(lower, toSeq) as Batch;
  } catch {
    return null;
  }
}

/** The state after the batch when the fast path proves every row of it intact, else null. */
function acceptBatch(batch: Batch, state: ChainState): ChainState | null {
  const { n, messages, lengths, prevs, hashes } = batch;
  if (batch.fast !== 1 || batch.lo !== state.expectedSeq || batch.hi !== state.expectedSeq + n - 1) return null;
  if (messages === null || lengths === null || prevs === null || hashes === null) return null;
  // Text that is not valid UTF-8 reads into JavaScript with replacement characters, so its hashed
  // bytes there differ from the stored ones: only the exact path may judge it.
  if (prevs.length !== n * hashHexChars || hashes.length !== n * hashHexChars || !isUtf8(messages)) return null;
  const sizes = lengths.split(',');
  if (sizes.length !== n) return null;
  let offset = 0;
  let previous = state.expectedPrev;
  for (let index = 0; index < n; index += 1) {
    const start = index * hashHexChars;
    if (prevs.slice(start, start + hashHexChars) !== previous) return null;
    const end = offset + Number(sizes[index]);
    const tail = `,"seq":${state.expectedSeq + index}}`;
    if (messages.toString('latin1', end - tail.length, end) !== tail) return null;
    const stored = hashes.slice(start, start + hashHexChars);
    if (hash('sha256', messages.subarray(offset, end), 'hex') !== stored) return null;
    previous = stored;
    offset = end;
  }
  if (offset !== messages.length) return null;
  return { expectedSeq: state.expectedSeq + n, expectedPrev: previous, count: state.count + n };
}

/**
 * Verifies the entries with `fromSeq ≤ seq ≤ toSeq`, in order, starting from `state` (the first
 * entry expected there and the hash it links to). The whole chain is entry 1 after the genesis
 * hash over [`lowestSeq`, `highestSeq`].
 */
export function verifyChainRange(
  raw: Database.Database,
  state: ChainState,
  fromSeq: number | bigint,
  toSeq: number | bigint,
): RangeResult {
  const exactStatement = raw.prepare(
    `SELECT * FROM audit_log WHERE seq >= ? AND seq <= ? ORDER BY seq LIMIT ${batchRows}`,
  );
  if (!fastPathApplies(raw)) {
    const rows = raw.prepare('SELECT * FROM audit_log WHERE seq >= ? AND seq <= ? ORDER BY seq');
    return exactRows(rows.iterate(fromSeq, toSeq) as IterableIterator<AuditRow>, state);
  }
  const batchStatement = raw.prepare(batchSql);
  let lower: number | bigint = fromSeq;
  for (;;) {
    const batch = readBatch(batchStatement, lower, toSeq);
    if (batch?.n === 0) return { ok: true, state };
    const accepted = batch === null ? null : acceptBatch(batch, state);
    if (accepted !== null) {
      state = accepted;
    } else {
      const result = exactRows(exactStatement.all(lower, toSeq) as AuditRow[], state);
      if (!result.ok) return result;
      state = result.state;
    }
    // Every row below here was intact, so its seq was the one expected: the next batch starts after it.
    lower = state.expectedSeq;
  }
}
