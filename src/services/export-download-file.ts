import { createHash } from 'node:crypto';
import { createReadStream, closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { ServiceError } from './service-error';

/** A finished export's zip as a device downloads it: its name, size and SHA-256 (hex). */
export interface ExportDownload {
  fileName: string;
  totalBytes: number;
  sha256: string;
}

/** Reads the written zip once, streaming (a ten-year export never sits in memory), to hash it. */
export async function describeDownload(path: string): Promise<ExportDownload> {
  const hash = createHash('sha256');
  let totalBytes = 0;
  for await (const chunk of createReadStream(path)) {
    const bytes = chunk as Buffer;
    hash.update(bytes);
    totalBytes += bytes.length;
  }
  return { fileName: basename(path), totalBytes, sha256: hash.digest('hex') };
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/**
 * Reads at most `maxBytes` of the zip from `offset`, synchronously (dispatch runs inside one
 * synchronous transaction): the one chunk is all this call holds of the file. Refuses a file
 * that is gone or whose size is no longer what was hashed when it was written.
 */
export function readDownloadChunk(path: string, download: ExportDownload, offset: number, maxBytes: number): Buffer {
  if (offset >= download.totalBytes) {
    throw new ServiceError(
      'INVALID_INPUT',
      `The export is ${download.totalBytes} bytes: there is nothing at byte ${offset}.`,
      [{ path: 'offset', message: `Must be below ${download.totalBytes}, the size of the export` }],
    );
  }
  let descriptor: number;
  try {
    descriptor = openSync(path, 'r');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') {
      throw new ServiceError(
        'NOT_FOUND',
        `The export file is no longer at ${path}: it was moved or deleted. Start a new export.`,
      );
    }
    throw error;
  }
  try {
    if (fstatSync(descriptor).size !== download.totalBytes) {
      throw new ServiceError(
        'CONFLICT',
        `The export file at ${path} has changed since it was written, so it is not offered for download. Start a new export.`,
      );
    }
    const chunk = Buffer.alloc(Math.min(maxBytes, download.totalBytes - offset));
    let filled = 0;
    while (filled < chunk.length) {
      const read = readSync(descriptor, chunk, filled, chunk.length - filled, offset + filled);
      if (read === 0) break;
      filled += read;
    }
    return chunk.subarray(0, filled);
  } finally {
    closeSync(descriptor);
  }
}
