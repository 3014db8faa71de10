import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, mkdir, open, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ExportSource, FileDigest, ScratchSpace } from './export-file';
import { assertSafeExportPath, chunksToWrite, scratchSpace } from './export-file';
import { ZipStream, zipTimestamp } from './zip-stream';

export interface WriteExportOptions {
  /**
   * Written in order, one at a time: a lazy file is produced only when the writer reaches it
   * (after the previous one is on disk) and its chunks are dropped as they are written.
   */
  files: readonly ExportSource[];
  /** The folder or .zip file to create; it must not exist yet. */
  outPath: string;
  format: 'folder' | 'zip';
  /**
   * Called with (0, total) first, then after each file; `next` is the path of the file written
   * next (null after the last), so that a progress bar can say what is being written.
   */
  onProgress?: (done: number, total: number, next: string | null) => void;
  /** Checked between files; an abort removes everything written so far. */
  signal?: AbortSignal;
  /**
   * Awaited before each file (its index): lets an end-to-end test hold the writer at a known
   * point to read the progress and cancel; the app never sets it. It should settle on abort.
   */
  beforeFile?: (index: number, signal: AbortSignal | undefined) => Promise<void>;
  /**
   * Time stamped on zip entries (UTC ISO; usually the snapshot's exportedAt). Without it the
   * DOS epoch, 1980-01-01, is used, so that the same files always make the same archive.
   */
  modifiedAt?: string;
}

export interface WriteExportResult {
  path: string;
  /** Files written: optional files that turned out empty are not counted. */
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

/** Waits for the test's hold, if any, then stops here if the export was cancelled meanwhile. */
async function beforeFile(options: WriteExportOptions, index: number): Promise<void> {
  throwIfAborted(options.signal);
  await options.beforeFile?.(index, options.signal);
  throwIfAborted(options.signal);
}

function reportDone(options: WriteExportOptions, done: number, total: number): void {
  options.onProgress?.(done, total, options.files[done]?.path ?? null);
}

interface Written {
  bytes: number;
  files: number;
}

async function writeFolder(
  temp: string,
  options: WriteExportOptions,
  total: number,
  scratch: ScratchSpace,
): Promise<Written> {
  await mkdir(temp);
  let bytes = 0;
  let files = 0;
  const digests = new Map<string, FileDigest>();
  for (const [done, file] of options.files.entries()) {
    await beforeFile(options, done);
    const chunks = chunksToWrite(file, digests, scratch);
    if (chunks !== null) {
      const target = join(temp, ...file.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      const handle = await open(target, 'wx');
      try {
        for (const chunk of chunks) {
          await handle.write(chunk);
          bytes += chunk.byteLength;
        }
      } finally {
        await handle.close();
      }
      files += 1;
    }
    reportDone(options, done + 1, total);
  }
  return { bytes, files };
}

async function writeZip(
  temp: string,
  options: WriteExportOptions,
  total: number,
  scratch: ScratchSpace,
): Promise<Written> {
  const handle = await open(temp, 'wx');
  try {
    const modifiedAt = zipTimestamp(options.modifiedAt ?? '1980-01-01T00:00:00Z');
    const zip = new ZipStream(handle, modifiedAt);
    const digests = new Map<string, FileDigest>();
    let files = 0;
    for (const [done, file] of options.files.entries()) {
      await beforeFile(options, done);
      const chunks = chunksToWrite(file, digests, scratch);
      if (chunks !== null) {
        await zip.add(file.path, chunks, !file.path.toLowerCase().endsWith('.pdf'));
        files += 1;
      }
      reportDone(options, done + 1, total);
    }
    throwIfAborted(options.signal);
    const bytes = await zip.finish();
    await handle.sync();
    return { bytes, files };
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
  reportDone(options, 0, total);
  const scratch = scratchSpace(`${temp}.scratch`);
  try {
    const written =
      options.format === 'zip'
        ? await writeZip(temp, options, total, scratch)
        : await writeFolder(temp, options, total, scratch);
    throwIfAborted(options.signal);
    await publish(temp, final, options.format);
    return { path: final, ...written };
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  } finally {
    scratch.remove();
  }
}
