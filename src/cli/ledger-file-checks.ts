import { LedgerFileError, ledgerFileProblem, openLedger } from '../services/ledger';
import type { Ledger } from '../services/ledger';

/*
 * How the commands open a ledger they were pointed at: it must already exist and be one, and a
 * wrong file (missing, empty, not SQLite, damaged, another program's database, read-only where
 * writing is needed, written by a newer version) is refused in one line and left unchanged.
 */

/**
 * Opens a ledger the command was pointed at, which must already exist and be one (a missing,
 * empty, damaged or foreign file is refused in one line, unchanged); an SQLite error part-way
 * (damage deep in the file) is turned into that same kind of line.
 */
export async function withExistingLedger<T>(
  path: string,
  options: { writable: boolean },
  run: (ledger: Ledger) => T | Promise<T>,
): Promise<T> {
  const ledger = openLedger(path, { existing: true, writable: options.writable, checkIntegrity: true });
  try {
    return await run(ledger);
  } catch (error) {
    throw ledgerFileProblem(error, path) ?? error;
  } finally {
    ledger.close();
  }
}

/** What to do when `serve` or `start` is given a --db that does not exist (it is never created). */
export function missingLedgerLine(path: string): string {
  return (
    `${path} does not exist, and it is not created here. For a demo clinic run "dosing-ledger demo --db ${path}"; ` +
    'to set up a new clinic run "dosing-ledger start" without --db; to bring one back from a backup run "dosing-ledger restore --from BACKUP --db FILE".'
  );
}

/** Opens (and checks) a ledger the app will run on, saying what to do when it is missing. */
export function openForApp(path: string): Ledger {
  try {
    return openLedger(path, { existing: true, writable: true, checkIntegrity: true });
  } catch (error) {
    if (error instanceof LedgerFileError && error.problem === 'missing') {
      throw new LedgerFileError('missing', missingLedgerLine(path));
    }
    throw error;
  }
}
