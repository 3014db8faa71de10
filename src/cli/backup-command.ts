import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import type { BackupActor } from '../services/backups';
import { BackupError, restoreBackup, takeBackup } from '../services/backups';
import { openLedger } from '../services/ledger';
import { askHidden, PromptCancelled } from './passphrase-prompt';
import type { ProgressLine } from './progress-line';
import { listenForCtrlC, progressLine } from './progress-line';

/** Where scheduled and scripted runs put the passphrase; never on the command line (ps, history). */
export const passphraseVariable = 'DOSING_LEDGER_BACKUP_PASSPHRASE';

export interface CliLines {
  out(line: string): void;
  err(line: string): void;
}

/** What the commands read besides their arguments; the process's own unless a test passes others. */
export interface BackupTerminal {
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stderr: NodeJS.WriteStream;
  /**
   * Calls `stop` on Ctrl+C (SIGINT) until the returned function is called; the process's own
   * signal unless a test passes another. Without it, Ctrl+C ends the process as usual.
   */
  onInterrupt?: (stop: () => void) => () => void;
}

const processTerminal = (): BackupTerminal => ({
  env: process.env,
  stdin: process.stdin,
  stderr: process.stderr,
  onInterrupt: listenForCtrlC,
});

/** A one-line refusal of the request itself: exit 2. */
class CannotRun extends Error {}

function parse<K extends string>(args: string[], names: readonly K[]): Record<K, string> {
  let values: Record<string, unknown>;
  try {
    const spec = Object.fromEntries(names.map((name) => [name, { type: 'string' as const }]));
    ({ values } = parseArgs({ args, options: spec, allowPositionals: false, strict: true }));
  } catch (error) {
    throw new CannotRun(error instanceof Error ? error.message : String(error));
  }
  const result = {} as Record<K, string>;
  for (const name of names) {
    const value = values[name];
    if (typeof value !== 'string' || value === '') throw new CannotRun(`--${name} is required`);
    result[name] = value;
  }
  return result;
}

/** The passphrase from the environment, else asked on the terminal (twice for a new backup). */
async function passphrase(terminal: BackupTerminal, confirm: boolean): Promise<string> {
  const fromEnv = terminal.env[passphraseVariable];
  if (fromEnv !== undefined) return fromEnv;
  if (terminal.stdin.isTTY !== true) {
    throw new CannotRun(`set ${passphraseVariable} to the backup passphrase (it is asked for only on a terminal)`);
  }
  const first = await askHidden('Backup passphrase: ', terminal.stdin, terminal.stderr);
  if (confirm && (await askHidden('Same passphrase again: ', terminal.stdin, terminal.stderr)) !== first) {
    throw new CannotRun('the two passphrases differ; nothing was written');
  }
  return first;
}

/** The CLI acts as no user: like `export`, its audit entries name the operating-system account. */
function commandLineActor(): BackupActor {
  return { userId: null, by: `command line (${userInfo().username})` };
}

type Progress = ProgressLine;

/** What shells report for a command stopped by Ctrl+C (128 + SIGINT). */
const exitInterrupted = 130;

async function outcome(
  io: CliLines,
  terminal: BackupTerminal,
  run: (progress: Progress) => Promise<void>,
): Promise<number> {
  const progress = progressLine(terminal.stderr);
  try {
    await run(progress);
    return 0;
  } catch (error) {
    progress.end();
    if (error instanceof BackupError) {
      io.err(`dosing-ledger: ${error.message}`);
      if (error.outcome === 'cancelled') return exitInterrupted;
      return error.outcome === 'check-failed' ? 1 : 2;
    }
    if (error instanceof CannotRun || error instanceof PromptCancelled) {
      io.err(`dosing-ledger: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

/**
 * `dosing-ledger backup --db FILE --out DIR`: exit 0 written and checked, 1 check failed, 2 could
 * not run, 130 cancelled by Ctrl+C (no backup file and no temporary copy left; audited).
 */
export function backupCommand(args: string[], io: CliLines, terminal = processTerminal()): Promise<number> {
  return outcome(io, terminal, async (progress) => {
    const { db, out } = parse(args, ['db', 'out']);
    // openLedger would create an empty ledger under a mistyped name, and back that up.
    if (!existsSync(db)) throw new CannotRun(`${db} does not exist`);
    if (!existsSync(out)) throw new CannotRun(`the backup folder ${out} does not exist`);
    const secret = await passphrase(terminal, true);
    const ledger = openLedger(db);
    // Ctrl+C from here on cancels the backup cleanly rather than killing it mid-file.
    const cancel = new AbortController();
    const stopListening = terminal.onInterrupt?.(() => cancel.abort()) ?? (() => undefined);
    try {
      const backup = await takeBackup(ledger, {
        outDir: out,
        passphrase: secret,
        actor: commandLineActor(),
        onProgress: progress.onProgress,
        signal: cancel.signal,
      });
      progress.end();
      const { sidecar } = backup;
      io.out(`Backup written to ${backup.path} (${sidecar.sizeBytes.toLocaleString('en-US')} bytes, encrypted)`);
      io.out(
        `Checked: integrity ok, audit chain intact, last entry ${sidecar.chainHead.seq} ${sidecar.chainHead.hash} is in the live ledger`,
      );
      io.out(`Description (SHA-256, chain head, no patient data) in ${backup.sidecarPath}`);
    } finally {
      stopListening();
      ledger.close();
    }
  });
}

/**
 * `dosing-ledger restore --from BACKUP --db NEWFILE`: never overwrites; exit codes as `backup`
 * (130: stopped by Ctrl+C, no file left).
 */
export function restoreCommand(args: string[], io: CliLines, terminal = processTerminal()): Promise<number> {
  return outcome(io, terminal, async (progress) => {
    const { from, db } = parse(args, ['from', 'db']);
    if (!existsSync(from)) throw new CannotRun(`${from} does not exist`);
    if (existsSync(db)) throw new CannotRun(`${db} already exists; restore never overwrites a file (name a new one)`);
    const secret = await passphrase(terminal, false);
    // Ctrl+C from here on stops the restore at its next step, leaving no file.
    const cancel = new AbortController();
    const stopListening = terminal.onInterrupt?.(() => cancel.abort()) ?? (() => undefined);
    let restored: Awaited<ReturnType<typeof restoreBackup>>;
    try {
      restored = await restoreBackup({
        backupPath: from,
        newPath: db,
        passphrase: secret,
        actor: commandLineActor(),
        onProgress: progress.onProgress,
        signal: cancel.signal,
      });
    } finally {
      stopListening();
    }
    progress.end();
    const head = restored.backupHead;
    io.out(`Restored ${from} into ${restored.path}`);
    io.out(
      `Checked: integrity ok, audit chain intact, last entry ${head.seq} ${head.hash}` +
        (restored.sidecar === null ? ' (no sidecar beside the backup to compare it with)' : ', as its sidecar records'),
    );
  });
}
