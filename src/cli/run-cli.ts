import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname } from 'node:path';
import { LedgerFileError, NewerDatabaseError } from '../services/ledger';
import { startServer } from '../server/serve';
import { auditVerifyCommand } from './audit-verify-command';
import { backupCommand, restoreCommand } from './backup-command';
import type { CliIo } from './cli-options';
import { oneLine, options, requiredDb, UsageError } from './cli-options';
import { ConnectUsageError, connectCommand } from './connect-command';
import { demoCommand, printDemoAccounts } from './demo-command';
import { devicesCommand } from './devices-command';
import { exportCommand } from './export-command';
import { HostUsageError, hostCommand } from './host-command';
import { launch } from './launch';
import { missingLedgerLine, openForApp } from './ledger-file-checks';
import { defaultDbPath } from './launch-environment';
import { verifyCommand } from './verify-command';

export type { CliIo } from './cli-options';

const usage = `Usage: dosing-ledger <command> [options]

Commands
  start [--demo] [--db FILE]       Run the app (Electron, or browser mode where Electron is absent)
  demo --db FILE [--patients N]    Create a demo clinic in a new database file: its last month
  demo --db FILE --years N [--chairs N] [--per-day N]
                                   Years of a busy clinic (default 6 chairs, 10 infusions a clinic day),
                                   every record written through the app's services, with a progress line
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
  audit verify --db FILE --since-last | --from-seq N [--against COPY]...
                                   Incremental: only the entries after the newest signed checkpoint at or before
                                   the head the last intact verification in the app checked (or entry N), after
                                   checking that checkpoint; says so, and from which entry (an entry before it
                                   edited in place is found only by the full check; table states are checked in full)
  help                             Show this text

Exit codes: 0 done (or intact), 1 a check found a problem, 2 the command could not run (a bad argument or
file: one line says why, nothing was changed), 130 stopped with Ctrl+C (a backup, restore or export then
leaves no partial file; a demo keeps the clinic days it had finished).`;

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
      await demoCommand(['--db', dbPath], io);
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
        return await demoCommand(rest, io);
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
        return await auditVerifyCommand(rest.slice(1), io);
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
