import { closeSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Lines are gathered to about this many UTF-16 units before each write. */
const flushChars = 1 << 20;
const readBytes = 1 << 20;

interface SpoolFile {
  path: string;
  fd: number | null;
  pending: string[];
  chars: number;
  bytes: number;
}

/**
 * FHIR Bulk Data NDJSON (one file per resource type, one resource per line, each line a
 * complete compact JSON object ending in "\n"), kept on disk while the export's one pass over
 * the resources writes the Bundle: every type's file fills at once, and a file's lines are read
 * back when the writer reaches it. The files live in the export's private scratch folder and
 * are removed once read (the folder itself goes with the export's temporary files).
 */
export class NdjsonSpool {
  private readonly files = new Map<string, SpoolFile>();
  private state: 'filling' | 'full' | 'closed' = 'filling';

  constructor(folder: string, types: readonly string[]) {
    for (const [position, type] of types.entries()) {
      this.files.set(type, {
        path: join(folder, `${position}-${type}.ndjson`),
        fd: null,
        pending: [],
        chars: 0,
        bytes: 0,
      });
    }
  }

  get full(): boolean {
    return this.state === 'full';
  }

  append(type: string, line: string): void {
    const file = this.files.get(type);
    if (file === undefined) throw new Error(`No NDJSON file is declared for ${type}`);
    file.pending.push(line);
    file.chars += line.length;
    if (file.chars >= flushChars) flush(file);
  }

  /** Every line is on disk: the files can be read. */
  finish(): void {
    for (const file of this.files.values()) flush(file);
    this.close();
    this.state = 'full';
  }

  /** Closes the files of a pass that did not finish (a cancel, an error); the folder is removed later. */
  close(): void {
    for (const file of this.files.values()) {
      if (file.fd !== null) closeSync(file.fd);
      file.fd = null;
    }
    if (this.state === 'filling') this.state = 'closed';
  }

  /** The type's lines in chunks of about 1 MB, then the file is removed; nothing for a type without lines. */
  *read(type: string): Generator<Uint8Array> {
    const file = this.files.get(type);
    if (!this.full || file === undefined) throw new Error(`The NDJSON lines of ${type} are not ready`);
    if (file.bytes === 0) return;
    const fd = openSync(file.path, 'r');
    try {
      for (;;) {
        const chunk = Buffer.allocUnsafe(readBytes);
        const read = readSync(fd, chunk, 0, readBytes, null);
        if (read === 0) break;
        // A plain Uint8Array, as every other file's chunks are.
        yield new Uint8Array(chunk.buffer, chunk.byteOffset, read);
      }
    } finally {
      closeSync(fd);
      rmSync(file.path, { force: true });
    }
  }
}

function flush(file: SpoolFile): void {
  if (file.pending.length === 0) return;
  file.fd ??= openSync(file.path, 'wx', 0o600);
  const bytes = Buffer.from(file.pending.join(''), 'utf8');
  let written = 0;
  while (written < bytes.byteLength) written += writeSync(file.fd, bytes, written);
  file.bytes += bytes.byteLength;
  file.pending = [];
  file.chars = 0;
}
