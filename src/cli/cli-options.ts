import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';

/** Where a command writes its lines: results on `out`, the one-line refusals on `err`. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** Exit codes: 0 success, 1 the check failed, 2 the command could not run (bad input). */
export class UsageError extends Error {}

export function options<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export function requiredDb(values: Record<string, unknown>): string {
  const db = values.db;
  if (typeof db !== 'string' || db === '') throw new UsageError('--db FILE is required');
  return db;
}

/** An error's message on one line: the reader is running a command, not reading a stack trace. */
export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}
