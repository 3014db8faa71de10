import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { dirname } from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { parseArgs } from 'node:util';
import {
  LedgerFileError,
  NewerDatabaseError,
  openLedger,
  readCopyAnchor,
  verifyAgainstCopy,
  verifyAllSessionSignatures,
  verifyAllSignedVersions,
  verifyAuditChain,
  verifyCheckpoints,
  verifyTableStates,
} from '../services/ledger';
import type { Ledger } from '../services/ledger';
import { isCalendarDate } from '../domain/time';
import { exportToPath } from '../services/exports';
import { startServer } from '../server/serve';
import { backupCommand, restoreCommand } from './backup-command';
import { ConnectUsageError, connectCommand } from './connect-command';
import { devicesCommand } from './devices-command';
import { HostUsageError, hostCommand } from './host-command';
import { demoUsers, seedDemo } from './demo';
import { launch } from './launch';
import { missingLedgerLine, openForApp, withExistingLedger } from './ledger-file-checks';
import { defaultDbPath } from './launch-environment';
import { verificationLines } from './verification-lines';
import { verifyCommand } from './verify-command';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const usage = `Usage: dosing-ledger <command> [options]

Commands
  start [--demo] [--db FILE]       Run the app (Electron, or browser mode where Electron is absent)
  demo --db FILE [--patients N]    Create a demo clinic in a new database file
  serve --db FILE [--port N]       Browser mode: serve the app on 127.0.0.1 and print its address
  host --db FILE [--listen ADDRESS:PORT] [--name HOST]...
                                   Clinic host: serve enrolled devices over HTTPS on that one address
                                   (default 127.0.0.1:8443), with a certificate from the clinic root
                                   (an administrator's credentials from DOSING_LEDGER_ADMIN_USERNAME and
                                   DOSING_LEDGER_ADMIN_PASSWORD, else asked, when one must be issued)
  devices list --db FILE           The devices enrolled (or asking to be) on a clinic host
  devices approve --db FILE --code CODE --name NAME
                                   Enrol the device showing that pairing code, under that name
  devices revoke --db FILE --device ID --reason TEXT
                                   Revoke a device: its sessions end at once
                                   (devices: an administrator's credentials as for host)
  connect --host https://HOST:PORT --root clinic-root.pem
                                   The desktop app on a clinic host's ledger, trusting only that clinic
                                   root (its fingerprint is printed to compare with the host's)
  verify FILE.pdf [--trust root.pem]  Check a signed PDF summary (exit 0 valid, 1 invalid, 2 unusable)
  export --db FILE --out DIR [--from yyyy-mm-dd --to yyyy-mm-dd]
                                   Auditor export: PDFs, FHIR R4, CSV, audit log, manifest
  backup --db FILE --out DIR       Encrypted, checked backup of a ledger in use (passphrase from
                                   DOSING_LEDGER_BACKUP_PASSPHRASE, else asked; exit 0 ok, 1 check failed)
  restore --from BACKUP --db NEWFILE  Restore a backup into a new ledger file, after checking it
  audit verify --db FILE [--against COPY]...
                                   Check the audit trail's hash chain and signed checkpoints, every signed
                                   record and session, and every table's rows (users, patients, clinic,
                                   devices, formulary, records, sessions, signatures, stored PDFs,
                                   certificates)
                                   against their audit entries; COPY (a backup or an export folder) must still match
                                   (exit 0 intact, 1 broken)
  help                             Show this text`;

/** Exit codes: 0 success, 1 the check failed, 2 the command could not run (bad input). */
class UsageError extends Error {}

function options<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], spec: T) {
  try {
    return parseArgs({ args, options: spec, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function requiredDb(values: Record<string, unknown>): string {
  const db = values.db;
  if (typeof db !== 'string' || db === '') throw new UsageError('--db FILE is required');
  return db;
}

function withLedger<T>(path: string, run: (ledger: Ledger) => T): T {
  const ledger = openLedger(path);
  try {
    return run(ledger);
  } finally {
    ledger.close();
  }
}

function demo(args: string[], io: CliIo): number {
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

function printDemoAccounts(io: CliIo): void {
  io.out('Demo accounts (for trying the app only):');
  for (const user of demoUsers) io.out(`  ${user.role.padEnd(10)} ${user.username.padEnd(16)} ${user.password}`);
}

async function auditVerify(args: string[], io: CliIo): Promise<number> {
  const { values } = options(args, { db: { type: 'string' }, against: { type: 'string', multiple: true } });
  const path = requiredDb(values);
  // Read first: a copy that cannot be read is refused before the ledger is opened.
  const anchors = (values.against ?? []).map((copy) => readCopyAnchor(copy));
  // Not required writable: an up-to-date ledger is checked without writing to it.
  const result = await withExistingLedger(path, { writable: false }, (ledger) => ({
    chain: verifyAuditChain(ledger.raw),
    records: verifyAllSignedVersions(ledger.db),
    sessions: verifyAllSessionSignatures(ledger.db),
    tables: verifyTableStates(ledger.raw),
    checkpoints: verifyCheckpoints(ledger.raw),
    copies: anchors.map((anchor) => ({ anchor, problems: verifyAgainstCopy(ledger.raw, anchor) })),
  }));
  const { lines, intact } = verificationLines(result);
  for (const line of lines) io.out(line);
  return intact ? 0 : 1;
}

async function serve(args: string[], io: CliIo): Promise<number> {
  const { values } = options(args, { db: { type: 'string' }, port: { type: 'string', default: '0' } });
  const path = requiredDb(values);
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new UsageError('--port must be 0–65535');
  const ledger = openForApp(path);
  const server = await startServer({ ledger, port });
  io.out(`Dosing Ledger is running at ${server.url}`);
  io.out('Open that address in Chromium or Chrome on this computer. Press Ctrl+C to stop.');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.close();
  ledger.close();
  return 0;
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
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
    const job = await exportToPath(ledger, request, out, { osUser: userInfo().username });
    if (job.state !== 'done') {
      io.err(`dosing-ledger: the export could not be written (${oneLine(job.message)}); nothing was recorded.`);
      return 2;
    }
    io.out(`Export written to ${job.outPath}: ${job.total} files, listed with their SHA-256 in manifest.json`);
    return 0;
  });
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

/** `npm start` / `npm run demo`: Electron where it can run, browser mode otherwise. */
async function start(args: string[], io: CliIo): Promise<number> {
  const { values } = options(args, { demo: { type: 'boolean', default: false }, db: { type: 'string' } });
  const demoMode = values.demo === true;
  let dbPath = typeof values.db === 'string' && values.db !== '' ? values.db : undefined;
  // A named ledger that does not exist is never created silently (a typo would start an empty
  // clinic); only the default file is, for the first-run set-up.
  if (dbPath !== undefined && !demoMode && !existsSync(dbPath))
    throw new LedgerFileError('missing', missingLedgerLine(dbPath));
  if (demoMode) {
    dbPath ??= defaultDbPath(process.platform, process.env, homedir(), true);
    if (!existsSync(dbPath)) {
      mkdirSync(dirname(dbPath), { recursive: true });
      demo(['--db', dbPath], io);
    } else {
      io.out(`Using the demo clinic in ${dbPath}.`);
      printDemoAccounts(io);
    }
  }
  // An existing file is checked here, so that a wrong one is refused in one line, unchanged.
  const checked = dbPath ?? defaultDbPath(process.platform, process.env, homedir(), false);
  if (existsSync(checked)) openForApp(checked).close();
  return await launch({ dbPath, demo: demoMode, log: (line) => io.out(line) });
}

/** Runs one CLI command and returns its exit code; never calls process.exit itself. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'demo':
        return demo(rest, io);
      case 'serve':
        return await serve(rest, io);
      case 'start':
        return await start(rest, io);
      case 'verify':
        return await verifyCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'backup':
        return await backupCommand(rest, io);
      case 'restore':
        return await restoreCommand(rest, io);
      case 'host':
        return await hostCommand(rest, io);
      case 'devices':
        return await devicesCommand(rest, io);
      case 'connect':
        return await connectCommand(rest, io);
      case 'audit':
        if (rest[0] !== 'verify') throw new UsageError('the audit command has one subcommand: verify');
        return await auditVerify(rest.slice(1), io);
      case undefined:
      case 'help':
      case '--help':
        io.out(usage);
        return 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof HostUsageError || error instanceof ConnectUsageError) {
      io.err(`dosing-ledger: ${error.message}`);
      io.err('Run "dosing-ledger help" for the commands.');
      return 2;
    }
    if (error instanceof NewerDatabaseError || error instanceof LedgerFileError) {
      io.err(`dosing-ledger: ${error.message}`);
      return 2;
    }
    // Anything else still gets one line, not a stack trace: the reader is running a command.
    io.err(`dosing-ledger: ${oneLine(error instanceof Error ? error.message : String(error))}`);
    return 2;
  }
}
