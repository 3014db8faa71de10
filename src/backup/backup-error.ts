/**
 * Why a backup or restore stopped, as the CLI's exit codes tell it: `check-failed` (exit 1) when
 * a copy or a backup is not what it should be; `could-not-run` (exit 2) when the request itself
 * cannot be carried out (missing file, existing target, wrong passphrase); `cancelled` (exit 130,
 * as for Ctrl+C) when someone stopped it, which leaves nothing written.
 * The message is one line, for a person: what is wrong and, where it helps, what to do.
 */
export class BackupError extends Error {
  constructor(
    readonly outcome: 'check-failed' | 'could-not-run' | 'cancelled',
    message: string,
  ) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Reports the share of the work done (0–1) and what is being done, for a progress line. */
export type BackupProgress = (fraction: number, what: string) => void;

/** Who took or restored a backup, for its audit entry (the CLI is no user: it names the OS account). */
export interface BackupActor {
  userId: number | null;
  by: string;
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export const backupCancelledMessage = 'the backup was cancelled; no backup file and no temporary copy were left';

/** Stops here, as cancelled, once the backup's signal has been aborted. */
export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new BackupError('cancelled', backupCancelledMessage);
}
