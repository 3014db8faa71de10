import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, linkSync, renameSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { BackupError } from './backup-error';

/** A name nobody else uses, for temporary files: a dot-file, so it does not look like a backup. */
export function tempName(prefix: string): string {
  return `.${prefix}-${randomBytes(8).toString('hex')}`;
}

/** Removes a file and the side files SQLite may leave beside it (plaintext must never linger). */
export function removeLedgerFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

export function requireFolder(path: string, what: string): void {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new BackupError('could-not-run', `${what} ${path} does not exist`);
  }
  if (!isFolder) throw new BackupError('could-not-run', `${what} ${path} is not a folder`);
}

/**
 * Gives the finished file `temp` its final name, never replacing a file: a hard link fails when
 * the name is taken (rename would silently overwrite), and the temp name is removed after.
 * File systems without hard links (FAT/exFAT drives) fall back to a check, then a rename.
 * Returns false, leaving `temp` in place, when `final` already exists.
 */
export function publishNew(temp: string, final: string): boolean {
  try {
    linkSync(temp, final);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EXDEV') throw error;
    if (existsSync(final)) return false;
    renameSync(temp, final);
    return true;
  }
  rmSync(temp, { force: true });
  return true;
}

/** Flushes a folder's entries (new names) to disk where the platform allows it. */
export async function syncFolder(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for syncing; the files themselves were synced.
  }
}

export async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}
