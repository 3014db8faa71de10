import { accessSync, closeSync, constants, existsSync, openSync, readSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/*
 * What makes a file a Dosing Ledger, checked before anything writes to it: a command pointed at
 * the wrong file (a PDF, a text file, a damaged copy, another program's database) must leave it
 * exactly as it was and say so in one line, instead of failing half-way or turning it into a
 * new, empty ledger.
 */

export type LedgerFileProblem =
  'missing' | 'exists' | 'folder-missing' | 'not-a-file' | 'not-a-ledger' | 'damaged' | 'read-only';

/** A file that cannot be used as a ledger; the message is one line meant for the person who named it. */
export class LedgerFileError extends Error {
  constructor(
    readonly problem: LedgerFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'LedgerFileError';
  }
}

/** Every SQLite database starts with these 16 bytes (https://www.sqlite.org/fileformat.html). */
const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

function firstBytes(path: string, count: number): Buffer {
  const buffer = Buffer.alloc(count);
  const fd = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(fd, buffer, 0, count, 0));
  } finally {
    closeSync(fd);
  }
}

const nothingChanged = 'nothing was changed';

/** Refuses, before it is opened, a path that is not an existing SQLite file. */
export function assertLedgerFileExists(path: string): void {
  if (!existsSync(path)) {
    if (!existsSync(dirname(path))) {
      throw new LedgerFileError('folder-missing', `The folder ${dirname(path)} does not exist (no ledger at ${path}).`);
    }
    throw new LedgerFileError('missing', `${path} does not exist.`);
  }
  const stat = statSync(path);
  if (!stat.isFile()) throw new LedgerFileError('not-a-file', `${path} is a folder, not a ledger file.`);
  if (stat.size === 0) throw new LedgerFileError('not-a-ledger', `${path} is empty: it is not a Dosing Ledger file.`);
  const header = firstBytes(path, 100);
  if (!header.subarray(0, sqliteHeader.length).equals(sqliteHeader)) {
    throw new LedgerFileError(
      'not-a-ledger',
      `${path} is not a Dosing Ledger file (it is not an SQLite database); ${nothingChanged}.`,
    );
  }
  const truncated = truncation(path, header, stat.size);
  if (truncated !== null) {
    throw new LedgerFileError(
      'damaged',
      `${path} is damaged: ${truncated}; restore it from a backup. It was not changed.`,
    );
  }
}

/**
 * Why the file is shorter than SQLite wrote it, or null. A cut that only zeroes bytes SQLite
 * happens not to read passes its own checks, so the size is held against the header
 * (https://www.sqlite.org/fileformat.html#the_database_header): a file is whole pages, and
 * when the header's page count is valid (change counter = version-valid-for) it has at least
 * that many, unless a write-ahead log still holds pages not yet copied in.
 */
function truncation(path: string, header: Buffer, size: number): string | null {
  if (header.length < 100) return 'it is cut off inside its header';
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65_536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return 'its header is damaged';
  if (size % pageSize !== 0) return 'it is cut off part-way through a page';
  const headerPages = header.readUInt32BE(28);
  const countValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  const wal = `${path}-wal`;
  const walHoldsPages = existsSync(wal) && statSync(wal).size > 0;
  if (countValid && !walHoldsPages && size / pageSize < headerPages) {
    return `it holds ${size / pageSize} of its ${headerPages} pages`;
  }
  return null;
}

/** Refuses a file this process may not write, before anything tries to. */
export function assertLedgerWritable(path: string): void {
  try {
    accessSync(path, constants.R_OK | constants.W_OK);
  } catch {
    throw new LedgerFileError(
      'read-only',
      `${path} is read-only: Dosing Ledger needs to write to it (make it writable, or use a writable copy); ${nothingChanged}.`,
    );
  }
}

/** An open SQLite file that is not one of ours (no migration log or audit trail) is refused. */
export function assertHoldsLedger(raw: Database.Database, path: string): void {
  const tables = raw
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN ('__drizzle_migrations', 'audit_log', 'patients')",
    )
    .all() as { name: string }[];
  if (tables.length < 3) {
    throw new LedgerFileError(
      'not-a-ledger',
      `${path} is an SQLite database but not a Dosing Ledger (it has no audit trail); ${nothingChanged}.`,
    );
  }
}

/**
 * SQLite's own structural check (every page reachable and well-formed, indexes matching their
 * tables), run before anything writes: a truncated or damaged file often opens and answers its
 * first queries, and fails only deep inside a command. Reads the whole file once.
 */
export function assertIntact(raw: Database.Database, path: string): void {
  const rows = raw.pragma('quick_check(1)') as { quick_check: string }[];
  const first = rows[0]?.quick_check ?? 'no answer';
  if (first !== 'ok') throw damagedLedgerError(path, first);
}

/** What SQLite's check said of a damaged ledger, in the one line the user reads. */
export function damagedLedgerError(path: string, said: string): LedgerFileError {
  return new LedgerFileError(
    'damaged',
    `${path} is damaged (SQLite's check says: ${said.replace(/\s+/g, ' ')}); restore it from a backup. It was not changed.`,
  );
}

/**
 * The one-line explanation of an SQLite error that means the file itself is unusable (not a
 * database, damaged, read-only, cannot be opened), or null for any other error.
 */
export function ledgerFileProblem(error: unknown, path: string): LedgerFileError | null {
  if (error instanceof LedgerFileError) return error;
  if (!(error instanceof Database.SqliteError)) return null;
  const code = error.code;
  if (code === 'SQLITE_NOTADB') {
    return new LedgerFileError(
      'not-a-ledger',
      `${path} is not a Dosing Ledger file (SQLite says: ${error.message}); ${nothingChanged}.`,
    );
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_IOERR_SHORT_READ')) {
    return new LedgerFileError(
      'damaged',
      `${path} is damaged (SQLite says: ${error.message}); restore it from a backup. It was not changed.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new LedgerFileError(
      'read-only',
      `${path} is read-only and this command needs to write to it (make it writable, or use a writable copy); ${nothingChanged}.`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN')) {
    return new LedgerFileError(
      'missing',
      `${path} cannot be opened (SQLite says: ${error.message}): check that its folder exists and can be written.`,
    );
  }
  return null;
}
