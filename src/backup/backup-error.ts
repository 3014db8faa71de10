/**
 * Why a backup or restore stopped, as the CLI's exit codes tell it: `check-failed` (exit 1) when
 * a copy or a backup is not what it should be; `could-not-run` (exit 2) when the request itself
 * cannot be carried out (missing file, existing target, wrong passphrase).
 * The message is one line, for a person: what is wrong and, where it helps, what to do.
 */
export class BackupError extends Error {
  constructor(
    readonly outcome: 'check-failed' | 'could-not-run',
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
