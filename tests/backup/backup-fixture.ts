import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BackupActor } from '../../src/backup/backup-error';
import type { ChainHead } from '../../src/backup/backup-sidecar';

export const passphrase = 'correct horse battery staple';
/** age's scrypt at 2^10 instead of 2^18: the same code path, without seconds of key stretching per file. */
export const fastScrypt = 10;
export const testActor: BackupActor = { userId: null, by: 'command line (test)' };

export function tempFolder(prefix: string): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), `dosing-ledger-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Every name in the folder, sorted: what a failed or finished operation left behind. */
export function filesIn(dir: string): string[] {
  return readdirSync(dir).sort();
}

/** The entry at `head.seq` of a ledger file, read without opening it as the app does. */
export function entryAt(path: string, seq: number): ChainHead & { action: string; prevHash: string } {
  const raw = new Database(path, { readonly: true });
  try {
    const row = raw.prepare('SELECT seq, hash, action, prev_hash AS prevHash FROM audit_log WHERE seq = ?').get(seq) as
      (ChainHead & { action: string; prevHash: string }) | undefined;
    if (row === undefined) throw new Error(`no audit entry ${seq} in ${path}`);
    return row;
  } finally {
    raw.close();
  }
}

export function lastEntry(path: string): ChainHead & { action: string; details: Record<string, unknown> } {
  const raw = new Database(path, { readonly: true });
  try {
    const row = raw.prepare('SELECT seq, hash, action, details FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
      hash: string;
      action: string;
      details: string;
    };
    return { ...row, details: JSON.parse(row.details) as Record<string, unknown> };
  } finally {
    raw.close();
  }
}
