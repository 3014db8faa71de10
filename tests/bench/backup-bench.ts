/**
 * Backup and audit-verify benchmark (run by `npm run bench`, never by `npm test`): a ledger of
 * 100,000 patients and 1,000,000 audit entries (BENCH_PATIENTS, BENCH_AUDIT_ENTRIES to change),
 * then
 * - `takeBackup` (VACUUM INTO, integrity and chain check of the copy, age encryption with the
 *   default scrypt work factor), 3 runs: time split into copy / check / encrypt, and MB/s;
 * - `verifyAuditChain` (the batched verifier the app and CLI use) and the row-by-row verifier it
 *   replaced as the baseline, interleaved, 5 runs each (3 of the baseline):
 *   entries/s (target ≥ 1,000,000/s), wall and CPU time.
 * Prints JSON (medians) on stdout and a short table on stderr, with the machine and its load:
 * on a shared machine wall time also measures the wait for a core, which CPU time leaves out.
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultScryptLogN, encryptFile } from '../../src/backup/backup-crypto';
import { takeBackup } from '../../src/backup/take-backup';
import { verifyAuditChain } from '../../src/db/audit-log';
import type { Ledger } from '../../src/db/open';
import { openLedger } from '../../src/db/open';
import type { AuditVerification } from '../../src/domain/audit';
import { referenceVerify } from '../support/reference-audit-verify';
import { fillBenchLedger } from './bench-ledger';

const patientCount = Number(process.env.BENCH_PATIENTS ?? 100_000);
const auditEntries = Number(process.env.BENCH_AUDIT_ENTRIES ?? 1_000_000);
const backupRuns = 3;
const verifyRuns = 5;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[middle] : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return Number((value ?? Number.NaN).toFixed(3));
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));
const mb = (bytes: number) => bytes / (1024 * 1024);

interface Timed {
  wallMs: number;
  cpuMs: number;
}

async function timed<T>(run: () => T | Promise<T>): Promise<Timed & { value: T }> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = await run();
  const wallMs = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { value, wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** One backup, its phases timed from takeBackup's own progress reports. */
async function backupOnce(ledger: Ledger, outDir: string) {
  const marks = new Map<string, number>();
  const start = performance.now();
  const result = await takeBackup(ledger, {
    outDir,
    passphrase: 'bench-passphrase-2026',
    actor: { userId: null, by: 'backup bench' },
    onProgress: (_fraction, what) => {
      if (!marks.has(what)) marks.set(what, performance.now());
    },
  });
  const end = performance.now();
  const at = (what: string) => marks.get(what) ?? Number.NaN;
  return {
    totalMs: end - start,
    copyMs: at('Checking the copy') - start,
    checkMs: at('Encrypting') - at('Checking the copy'),
    // Encryption includes age's scrypt of the passphrase (2^18, about a second by design).
    encryptMs: at('Backup written') - at('Encrypting'),
    backupBytes: result.sidecar.sizeBytes,
  };
}

function rate(entries: number, ms: number): number {
  return Math.round(entries / (ms / 1000));
}

function verifySummary(entries: number, samples: Timed[]) {
  const wallMs = median(samples.map((sample) => sample.wallMs));
  const cpuMs = median(samples.map((sample) => sample.cpuMs));
  return { runs: samples.length, wallMs: round(wallMs), cpuMs: round(cpuMs), entriesPerSecond: rate(entries, wallMs) };
}

const dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-backup-bench-'));
try {
  const path = join(dir, 'ledger.sqlite');
  const ledger = openLedger(path);
  const build = await timed(() => fillBenchLedger(ledger, { patients: patientCount, auditEntries }));
  // The file alone, as a backup would find it between writes.
  ledger.raw.pragma('wal_checkpoint(TRUNCATE)');
  const fileBytes = statSync(path).size;

  const backups: Awaited<ReturnType<typeof backupOnce>>[] = [];
  for (let run = 0; run < backupRuns; run += 1) {
    const outDir = join(dir, `backups-${run}`);
    mkdirSync(outDir);
    backups.push(await backupOnce(ledger, outDir));
    rmSync(outDir, { recursive: true, force: true });
  }
  // age's scrypt of the passphrase alone (a one-byte file), to tell it from the stream's encryption.
  const scryptSamples: number[] = [];
  writeFileSync(join(dir, 'one-byte'), 'x');
  for (let run = 0; run < backupRuns; run += 1) {
    const cipher = join(dir, `one-byte-${run}.age`);
    const start = performance.now();
    await encryptFile(
      join(dir, 'one-byte'),
      cipher,
      { passphrase: 'bench-passphrase-2026' },
      {
        scryptLogN: defaultScryptLogN,
        onFraction: () => undefined,
      },
    );
    scryptSamples.push(performance.now() - start);
  }
  const scryptMs = median(scryptSamples);
  const backupMedian = (pick: (sample: Awaited<ReturnType<typeof backupOnce>>) => number) => median(backups.map(pick));
  const backupTotalMs = backupMedian((sample) => sample.totalMs);
  const copyMs = backupMedian((sample) => sample.copyMs);
  const streamMs = backupMedian((sample) => sample.encryptMs) - scryptMs;

  // Interleaved, so that drift in the machine's load affects every verifier alike.
  const entries = auditEntries + backupRuns;
  const samples: Record<'batched' | 'rowByRow', Timed[]> = { batched: [], rowByRow: [] };
  const verdicts: AuditVerification[] = [];
  for (let run = 0; run < verifyRuns; run += 1) {
    const batched = await timed(() => verifyAuditChain(ledger.raw));
    samples.batched.push(batched);
    verdicts.push(batched.value);
    // The baseline is slow: 3 runs of it are enough for a median.
    if (run < 3) {
      const rowByRow = await timed(() => referenceVerify(ledger.raw));
      samples.rowByRow.push(rowByRow);
      verdicts.push(rowByRow.value);
    }
  }
  if (verdicts.some((verdict) => !verdict.ok || verdict.entries !== entries)) {
    throw new Error(`a verifier did not find the ${entries} entries intact: ${JSON.stringify(verdicts)}`);
  }
  ledger.close();

  const batched = verifySummary(entries, samples.batched);
  const rowByRow = verifySummary(entries, samples.rowByRow);
  const report = {
    machine: {
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: cpus().length,
      node: process.version,
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
    },
    ledger: {
      patients: patientCount,
      auditEntries: entries,
      fileMB: round(mb(fileBytes)),
      buildSeconds: round(build.wallMs / 1000),
    },
    backup: {
      runs: backupRuns,
      totalMs: round(backupTotalMs),
      copyMs: round(copyMs),
      checkMs: round(backupMedian((sample) => sample.checkMs)),
      encryptMs: round(backupMedian((sample) => sample.encryptMs)),
      scryptMs: round(scryptMs),
      // Null when scrypt's own noise outweighs the stream (a small ledger on a busy machine).
      encryptStreamMbPerSecond: streamMs > 0 ? round(mb(fileBytes) / (streamMs / 1000)) : null,
      backupMB: round(mb(backupMedian((sample) => sample.backupBytes))),
      mbPerSecond: round(mb(fileBytes) / (backupTotalMs / 1000)),
      copyMbPerSecond: round(mb(fileBytes) / (copyMs / 1000)),
    },
    auditVerify: {
      batched,
      rowByRow,
      speedupBatched: round(rowByRow.wallMs / batched.wallMs, 2),
      cpuRatioBatched: round(batched.cpuMs / rowByRow.cpuMs, 2),
      targetEntriesPerSecond: 1_000_000,
    },
  };
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  const line = (label: string, value: string) => `${label.padEnd(40)}${value}\n`;
  process.stderr.write(
    line('machine', `${report.machine.cpu}, ${report.machine.cores} cores, Node ${report.machine.node}`) +
      line('ledger', `${patientCount} patients, ${entries} entries, ${report.ledger.fileMB} MB`) +
      line(
        'backup (median of 3)',
        `${report.backup.totalMs} ms = copy ${report.backup.copyMs} + check ${report.backup.checkMs} + encrypt ${report.backup.encryptMs} (scrypt ${report.backup.scryptMs}); ${report.backup.mbPerSecond} MB/s`,
      ) +
      line('audit verify, batched (median of 5)', `${batched.entriesPerSecond} entries/s (cpu ${batched.cpuMs} ms)`) +
      line('audit verify, row by row (before)', `${rowByRow.entriesPerSecond} entries/s (cpu ${rowByRow.cpuMs} ms)`),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
