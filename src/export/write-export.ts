import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, mkdir, open, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ExportFile } from './export-file';
import { assertSafeExportPath } from './export-file';
import { ZipStream, zipTimestamp } from './zip-stream';

export interface WriteExportOptions {
  files: readonly ExportFile[];
  /** The folder or .zip file to create; it must not exist yet. */
  outPath: string;
  format: 'folder' | 'zip';
  /** Called with (0, total) first, then after each file. */
  onProgress?: (done: number, total: number) => void;
  /** Checked between files; an abort removes everything written so far. */
  signal?: AbortSignal;
  /**
   * Time stamped on zip entries (UTC ISO; usually the snapshot's exportedAt). Without it the
   * DOS epoch, 1980-01-01, is used, so that the same files always make the same archive.
   */
  modifiedAt?: string;
}

export interface WriteExportResult {
  path: string;
  files: number;
  /** Bytes written: the sum of the files for a folder, the archive's size for a zip. */
  bytes: number;
}

/** Thrown when the export is cancelled; named AbortError like the DOM's. */
export class ExportCancelledError extends Error {
  override readonly name = 'AbortError';
  constructor() {
    super('The export was cancelled. No files were left behind.');
  }
}

export class ExportTargetExistsError extends Error {
  readonly code = 'EEXIST';
  constructor(path: string) {
    super(`${path} already exists. Choose another name; an export never overwrites anything.`);
  }
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new ExportCancelledError();
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path, constants.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function assertAbsent(path: string): Promise<void> {
  if (await exists(path)) throw new ExportTargetExistsError(path);
}

async function writeFolder(temp: string, options: WriteExportOptions, total: number): Promise<number> {
  await mkdir(temp);
  let bytes = 0;
  for (const [done, file] of options.files.entries()) {
    throwIfAborted(options.signal);
    const target = join(temp, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.bytes, { flag: 'wx' });
    bytes += file.bytes.byteLength;
    options.onProgress?.(done + 1, total);
  }
  return bytes;
}

async function writeZip(temp: string, options: WriteExportOptions, total: number): Promise<number> {
  const handle = await open(temp, 'wx');
  try {
    const modifiedAt = zipTimestamp(options.modifiedAt ?? '1980-01-01T00:00:00Z');
    const zip = new ZipStream(handle, modifiedAt);
    for (const [done, file] of options.files.entries()) {
      throwIfAborted(options.signal);
      await zip.add(file.path, file.bytes, !file.path.toLowerCase().endsWith('.pdf'));
      options.onProgress?.(done + 1, total);
    }
    throwIfAborted(options.signal);
    const bytes = await zip.finish();
    await handle.sync();
    return bytes;
  } finally {
    await handle.close();
  }
}

/**
 * Moves the finished temporary file or folder to its final name without replacing anything.
 * For a file, link() fails atomically if the name is taken; where hard links are not
 * supported (FAT/exFAT sticks) it falls back to check-then-rename, as it must for folders
 * (Node has no rename-without-replace; rename() would replace an existing empty folder).
 */
async function publish(temp: string, final: string, format: WriteExportOptions['format']): Promise<void> {
  if (format === 'zip') {
    try {
      await link(temp, final);
      await unlink(temp);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new ExportTargetExistsError(final);
    }
  }
  await assertAbsent(final);
  await rename(temp, final);
}

/**
 * Writes an export as a folder or a zip. Everything goes into a hidden sibling
 * (".<name>.partial-<random>") first and is renamed into place only when complete, so a
 * cancelled, failed or interrupted export leaves no partial files under the chosen name,
 * and the temporary copy is removed on cancel and on error.
 */
export async function writeExport(options: WriteExportOptions): Promise<WriteExportResult> {
  const final = resolve(options.outPath);
  const total = options.files.length;
  for (const file of options.files) assertSafeExportPath(file.path);
  throwIfAborted(options.signal);
  await assertAbsent(final);
  const temp = join(dirname(final), `.${basename(final)}.partial-${randomBytes(6).toString('hex')}`);
  options.onProgress?.(0, total);
  try {
    const bytes =
      options.format === 'zip' ? await writeZip(temp, options, total) : await writeFolder(temp, options, total);
    throwIfAborted(options.signal);
    await publish(temp, final, options.format);
    return { path: final, files: total, bytes };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}
