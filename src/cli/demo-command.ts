import { existsSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { LedgerFileError, openLedger } from '../services/ledger';
import type { Ledger } from '../services/ledger';
import type { CliIo } from './cli-options';
import { options, requiredDb, UsageError } from './cli-options';
import { demoUsers, seedDemo } from './demo';
import { maxChairs, maxWaves, seedDemoDecade } from './demo-decade';
import { progressLine } from './progress-line';

async function withLedger<T>(path: string, run: (ledger: Ledger) => T | Promise<T>): Promise<T> {
  const ledger = openLedger(path);
  try {
    return await run(ledger);
  } finally {
    ledger.close();
  }
}

export async function demoCommand(
  args: string[],
  io: CliIo,
  stderr: NodeJS.WriteStream = process.stderr,
): Promise<number> {
  const { values } = options(args, {
    db: { type: 'string' },
    patients: { type: 'string' },
    years: { type: 'string' },
    chairs: { type: 'string', default: '6' },
    'per-day': { type: 'string', default: '10' },
  });
  const path = requiredDb(values);
  const decade = values.years === undefined ? null : decadeOptions(values);
  if (decade !== null && values.patients !== undefined) {
    throw new UsageError('--patients is for the one-month demo; with --years, patients arrive as the years go by');
  }
  const patientCount = wholeNumber(values.patients ?? '200', '--patients', 0, 100_000);
  if (existsSync(path)) throw new LedgerFileError('exists', `${path} already exists; the demo only writes a new file.`);
  if (!existsSync(dirname(path))) {
    throw new LedgerFileError('folder-missing', `The folder ${dirname(path)} does not exist; create it first.`);
  }
  const startedAt = performance.now();
  let written = `${patientCount} fictional patients`;
  try {
    await withLedger(path, async (ledger) => {
      if (decade === null) return seedDemo(ledger, { patientCount });
      const progress = progressLine(stderr);
      try {
        const made = await seedDemoDecade(ledger, { ...decade, onProgress: progress.onProgress });
        const minutes = ((performance.now() - startedAt) / 60_000).toFixed(1);
        written =
          `${decade.years} years of a clinic with ${decade.chairs} chairs and ${decade.sessionsPerDay} infusions a day: ` +
          `${made.clinicDays} clinic days, ${made.patients} patients, ${made.series} series, ${made.sessions} infusions, ` +
          `${made.deliveries} deliveries (${minutes} min)`;
      } finally {
        progress.end();
      }
    });
  } catch (error) {
    // A half-made demo is worse than none: remove it so the command can simply be re-run.
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${path}${suffix}`, { force: true });
    throw error;
  }
  io.out(`Demo clinic written to ${path} with ${written}.`);
  printDemoAccounts(io);
  return 0;
}

export function printDemoAccounts(io: CliIo): void {
  io.out('Demo accounts (for trying the app only):');
  for (const user of demoUsers) io.out(`  ${user.role.padEnd(10)} ${user.username.padEnd(16)} ${user.password}`);
}

function wholeNumber(text: string, name: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/** `--years` (up to two decimals, so a test can make a few weeks), `--chairs`, `--per-day`. */
function decadeOptions(values: Record<string, string | boolean | undefined>) {
  const years = String(values.years);
  if (!/^\d{1,2}(\.\d{1,2})?$/.test(years) || Number(years) <= 0 || Number(years) > 20) {
    throw new UsageError('--years must be a number of years above 0 and at most 20 (e.g. 10 or 0.5)');
  }
  const chairs = wholeNumber(String(values.chairs), '--chairs', 1, maxChairs);
  const sessionsPerDay = wholeNumber(String(values['per-day']), '--per-day', 1, chairs * maxWaves);
  return { years: Number(years), chairs, sessionsPerDay };
}
