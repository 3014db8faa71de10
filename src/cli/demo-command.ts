import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { LedgerFileError, openLedger } from '../services/ledger';
import type { Ledger } from '../services/ledger';
import type { CliIo } from './cli-options';
import { options, requiredDb, UsageError } from './cli-options';
import { demoUsers, seedDemo } from './demo';

function withLedger<T>(path: string, run: (ledger: Ledger) => T): T {
  const ledger = openLedger(path);
  try {
    return run(ledger);
  } finally {
    ledger.close();
  }
}

export function demoCommand(args: string[], io: CliIo): number {
  const { values } = options(args, { db: { type: 'string' }, patients: { type: 'string', default: '200' } });
  const path = requiredDb(values);
  const patientCount = Number(values.patients);
  if (!Number.isInteger(patientCount) || patientCount < 0 || patientCount > 100_000) {
    throw new UsageError('--patients must be a whole number from 0 to 100000');
  }
  if (existsSync(path)) throw new LedgerFileError('exists', `${path} already exists; the demo only writes a new file.`);
  if (!existsSync(dirname(path))) {
    throw new LedgerFileError('folder-missing', `The folder ${dirname(path)} does not exist; create it first.`);
  }
  try {
    withLedger(path, (ledger) => seedDemo(ledger, { patientCount }));
  } catch (error) {
    // A half-made demo is worse than none: remove it so the command can simply be re-run.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    throw error;
  }
  io.out(`Demo clinic written to ${path} with ${patientCount} fictional patients.`);
  printDemoAccounts(io);
  return 0;
}

export function printDemoAccounts(io: CliIo): void {
  io.out('Demo accounts (for trying the app only):');
  for (const user of demoUsers) io.out(`  ${user.role.padEnd(10)} ${user.username.padEnd(16)} ${user.password}`);
}
