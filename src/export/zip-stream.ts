import type { FileHandle } from 'node:fs/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import type { AsyncFlateStreamHandler, ZipInputFile } from 'fflate';
import { Zip, ZipPassThrough } from 'fflate';

/**
 * A deflated zip entry compressed by Node's native zlib (several times faster than fflate's
 * JavaScript deflate, which was most of a one-month export's time). Each chunk is deflated on
 * its own and sync-flushed, the last one finished: a run of complete deflate blocks, the last
 * marked final, is one valid deflate stream (blocks simply do not refer back across chunks).
 */
class NativeDeflateEntry implements ZipInputFile {
  readonly compression = 8;
  size = 0;
  crc = 0;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    readonly filename: string,
    public mtime: Date,
  ) {}

  push(chunk: Uint8Array, final: boolean): void {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.byteLength;
    const deflated = deflateRawSync(chunk, {
      level: 6,
      ...(final ? {} : { finishFlush: constants.Z_SYNC_FLUSH }),
    });
    this.ondata?.(null, new Uint8Array(deflated.buffer, deflated.byteOffset, deflated.byteLength), final);
  }
}

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

  /**
   * PDFs are stored as they are (already compressed); text is deflated. The entry's chunks are
   * pushed and written one by one, so only one chunk (and its compressed bytes) is in memory.
   */
  async add(path: string, chunks: Uint8Array | Iterable<Uint8Array>, compress: boolean): Promise<void> {
    const entry = compress ? new NativeDeflateEntry(path, this.modifiedAt) : new ZipPassThrough(path);
    entry.mtime = this.modifiedAt;
    this.zip.add(entry);
    if (chunks instanceof Uint8Array) {
      entry.push(chunks, true);
    } else {
      // One chunk behind, so the last one can be pushed as final (fflate needs to know).
      let previous: Uint8Array | null = null;
      for (const chunk of chunks) {
        if (previous !== null) {
          entry.push(previous, false);
          await this.flush();
        }
        previous = chunk;
      }
      entry.push(previous ?? new Uint8Array(0), true);
    }
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
