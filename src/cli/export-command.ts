import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { isCalendarDate } from '../domain/time';
import { exportToPath } from '../services/exports';
import type { CliIo } from './cli-options';
import { oneLine, options, requiredDb, UsageError } from './cli-options';
import { withExistingLedger } from './ledger-file-checks';
import type { ProgressStream } from './progress-line';
import { listenForCtrlC, progressLine } from './progress-line';

/** What shells report for a command stopped by Ctrl+C (128 + SIGINT). */
const exitInterrupted = 130;

/**
 * `dosing-ledger export --db FILE --out DIR|FILE.zip [--from --to]`: a progress line on stderr
 * while it writes, when stderr is a terminal (quiet in scripts and logs). Ctrl+C stops it
 * leaving no partial files and nothing recorded (exit 130). `stderr` and `onInterrupt` are the
 * process's own unless a test passes others.
 */
export async function exportCommand(
  args: string[],
  io: CliIo,
  stderr: ProgressStream = process.stderr,
  onInterrupt: (stop: () => void) => () => void = listenForCtrlC,
): Promise<number> {
  const { values } = options(args, {
    db: { type: 'string' },
    out: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
  });
  const path = requiredDb(values);
  const out = typeof values.out === 'string' && values.out !== '' ? values.out : undefined;
  if (out === undefined) throw new UsageError('--out DIR is required (a new folder, or a name ending in .zip)');
  if (existsSync(out)) throw new UsageError(`${out} already exists; the export only writes a new folder or file`);
  const date = (value: unknown, name: string): string | null => {
    if (value === undefined) return null;
    if (typeof value !== 'string' || !isCalendarDate(value))
      throw new UsageError(`--${name} must be a date as yyyy-mm-dd`);
    return value;
  };
  const request = { from: date(values.from, 'from'), to: date(values.to, 'to'), patientIds: null };
  return await withExistingLedger(path, { writable: true }, async (ledger) => {
    const progress = progressLine(stderr);
    const report = progress.onProgress;
    const cancel = new AbortController();
    const stopListening = onInterrupt(() => cancel.abort());
    const job = await exportToPath(ledger, request, out, {
      osUser: userInfo().username,
      signal: cancel.signal,
      ...(report === undefined
        ? {}
        : {
            onProgress: (done: number, total: number) =>
              report(total === 0 ? 1 : done / total, `Writing file ${Math.min(done + 1, total)} of ${total}`),
          }),
    }).finally(() => {
      stopListening();
      progress.end();
    });
    if (job.state === 'cancelled') {
      io.err('dosing-ledger: the export was cancelled; no files were left behind and nothing was recorded.');
      return exitInterrupted;
    }
    if (job.state !== 'done') {
      io.err(`dosing-ledger: the export could not be written (${oneLine(job.message)}); nothing was recorded.`);
      return 2;
    }
    io.out(`Export written to ${job.outPath}: ${job.total} files, listed with their SHA-256 in manifest.json`);
    return 0;
  });
}
