import Database from 'better-sqlite3';
import { join } from 'node:path';
import { verifyTableStates } from '../../src/db/table-states';
import type { TestApp } from './test-app';

export interface TamperCopy {
  raw: Database.Database;
  path: string;
  /** The single value a query returns. */
  value(sql: string): number;
}

let copies = 0;

/**
 * A copy of the app's ledger file with every trigger dropped and foreign keys off, as someone
 * editing it with sqlite3 would have it; each tamper case gets its own.
 */
export function tamperableCopy(app: TestApp): TamperCopy {
  copies += 1;
  const path = join(app.dir, `tampered-${copies}.sqlite`);
  app.ledger.raw.prepare('VACUUM INTO ?').run(path);
  const raw = new Database(path);
  raw.pragma('foreign_keys = OFF');
  const names = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
  for (const name of names) raw.exec(`DROP TRIGGER "${name}"`);
  return { raw, path, value: (sql) => raw.prepare(sql).pluck().get() as number };
}

/** Runs the raw edit on a fresh copy and returns what `verifyTableStates` reports; closes the copy. */
export function tamper(
  app: TestApp,
  edit: (copy: TamperCopy) => void,
): { problems: string[]; notCovered: string[]; path: string } {
  const copy = tamperableCopy(app);
  try {
    edit(copy);
    const result = verifyTableStates(copy.raw);
    return {
      problems: result.problems.map((problem) => problem.message),
      notCovered: result.notCovered.map((row) => row.message),
      path: copy.path,
    };
  } finally {
    copy.raw.close();
  }
}
