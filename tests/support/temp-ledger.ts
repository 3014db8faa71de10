import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ledger } from '../../src/db/open';
import { openLedger } from '../../src/db/open';

export interface TempLedger {
  ledger: Ledger;
  dir: string;
  path: string;
  cleanup(): void;
}

/** A real SQLite file in a fresh temporary folder, migrated like the app's. */
export function tempLedger(): TempLedger {
  const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-test-'));
  const path = join(dir, 'ledger.sqlite');
  const ledger = openLedger(path);
  return {
    ledger,
    dir,
    path,
    cleanup: () => {
      ledger.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
