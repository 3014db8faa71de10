/**
 * One export of the decade ledger in a process of its own (decade-bench.ts runs it), so its peak
 * memory is the export's: prints JSON with the wall time, the bytes and files written and the
 * process's peak resident memory. Arguments: LEDGER OUT [FROM TO] (dates as yyyy-mm-dd).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { openLedger } from '../../src/db/open';
import { exportToPath } from '../../src/services/exports';

const [ledgerPath, outPath, from, to] = process.argv.slice(2);
if (ledgerPath === undefined || outPath === undefined) {
  process.stderr.write('usage: decade-export-child.ts LEDGER OUT [FROM TO]\n');
  process.exit(2);
}

function bytesUnder(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytesUnder(join(path, name)), 0);
}

const ledger = openLedger(ledgerPath, { existing: true, writable: true });
const started = performance.now();
const job = await exportToPath(ledger, { from: from ?? null, to: to ?? null, patientIds: null }, outPath, {
  osUser: 'bench',
});
const wallMs = performance.now() - started;
ledger.close();
process.stdout.write(
  `${JSON.stringify({
    state: job.state,
    message: job.state === 'done' ? '' : job.message,
    wallMs: Math.round(wallMs),
    files: job.total,
    bytes: job.state === 'done' ? bytesUnder(outPath) : 0,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`,
);
