import type { FileHandle } from 'node:fs/promises';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/**
 * A zip archive written to a file one entry at a time, so a large export never sits in
 * memory twice and can stop between files. fflate's synchronous entry streams emit their
 * compressed bytes during `push`, which are then written before the next entry starts.
 */
export class ZipStream {
  private readonly zip: Zip;
  private chunks: Uint8Array[] = [];
  private failure: Error | null = null;
  private written = 0;

  constructor(
    private readonly handle: FileHandle,
    /** DOS timestamps have no zone; fflate reads the Date's local fields, see zipTimestamp. */
    private readonly modifiedAt: Date,
  ) {
    this.zip = new Zip((error, chunk) => {
      if (error !== null) this.failure = error;
      else this.chunks.push(chunk);
    });
  }

  /** PDFs are stored as they are (already compressed); text is deflated. */
  async add(path: string, bytes: Uint8Array, compress: boolean): Promise<void> {
    const entry = compress ? new ZipDeflate(path, { level: 6 }) : new ZipPassThrough(path);
    entry.mtime = this.modifiedAt;
    this.zip.add(entry);
    entry.push(bytes, true);
    await this.flush();
  }

  /** Writes the central directory; returns the archive's size in bytes. */
  async finish(): Promise<number> {
    this.zip.end();
    await this.flush();
    return this.written;
  }

  private async flush(): Promise<void> {
    if (this.failure !== null) throw this.failure;
    const pending = this.chunks;
    this.chunks = [];
    for (const chunk of pending) {
      await this.handle.write(chunk);
      this.written += chunk.byteLength;
    }
  }
}

/**
 * A Date whose local calendar fields equal the UTC fields of `instant`: zip entries then show
 * the export time in UTC whatever zone the exporting machine is in, so the archive's bytes
 * do not depend on where it was made.
 */
export function zipTimestamp(instant: string): Date {
  const utc = new Date(instant);
  return new Date(
    utc.getUTCFullYear(),
    utc.getUTCMonth(),
    utc.getUTCDate(),
    utc.getUTCHours(),
    utc.getUTCMinutes(),
    utc.getUTCSeconds(),
  );
}
