import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One file of an export: a relative POSIX path inside the export folder, and its bytes. */
export interface ExportFile {
  path: string;
  bytes: Uint8Array;
}

/** What was written before a file: each earlier file's SHA-256 (hex) and size, by path. */
export type WrittenDigests = ReadonlyMap<string, FileDigest>;

export interface FileDigest {
  sha256: string;
  bytes: number;
}

/**
 * A file whose bytes are made only when the writer reaches it, in chunks, and dropped once
 * written: a decade's export never sits in memory whole. `produce` may read the ledger (inside
 * the export's read transaction) and is called once per write; the manifest uses `written`.
 */
export interface LazyExportFile {
  path: string;
  produce(written: WrittenDigests, scratch: ScratchSpace): Iterable<Uint8Array>;
  /** Left out of the export when it has no bytes (the NDJSON file of a type the export holds none of). */
  optional?: boolean;
}

export type ExportSource = ExportFile | LazyExportFile;

/**
 * A private folder for one write of an export's temporary files (the NDJSON lines gathered
 * while the Bundle is written), made on first use, readable by this user only, and removed
 * with everything in it however the write ends.
 */
export interface ScratchSpace {
  folder(): string;
}

export function scratchSpace(path: string): ScratchSpace & { remove(): void } {
  let made = false;
  return {
    folder() {
      if (!made) mkdirSync(path, { mode: 0o700 });
      made = true;
      return path;
    },
    remove() {
      if (made) rmSync(path, { recursive: true, force: true });
      made = false;
    },
  };
}

const encoder = new TextEncoder();

export function textFile(path: string, text: string): ExportFile {
  return { path, bytes: encoder.encode(text) };
}

/** A text file produced piece by piece; pieces are batched into chunks of about 1 MB. */
export function lazyTextFile(path: string, pieces: (scratch: ScratchSpace) => Iterable<string>): LazyExportFile {
  return {
    path,
    *produce(_written, scratch) {
      let batch: string[] = [];
      let length = 0;
      for (const piece of pieces(scratch)) {
        batch.push(piece);
        length += piece.length;
        if (length >= chunkChars) {
          yield encoder.encode(batch.join(''));
          batch = [];
          length = 0;
        }
      }
      if (batch.length > 0) yield encoder.encode(batch.join(''));
    },
  };
}

/** Text is batched to about this many UTF-16 units per chunk: big enough for fast writes. */
const chunkChars = 1 << 20;

/**
 * The file's chunks, hashing them on the way and recording the digest in `digests` once the
 * last chunk has been taken: the manifest is made from these, never from a second read.
 */
export function* fileChunks(
  file: ExportSource,
  digests: Map<string, FileDigest>,
  scratch: ScratchSpace,
): Generator<Uint8Array> {
  const hash = createHash('sha256');
  let bytes = 0;
  const chunks = 'bytes' in file ? [file.bytes] : file.produce(digests, scratch);
  for (const chunk of chunks) {
    hash.update(chunk);
    bytes += chunk.byteLength;
    yield chunk;
  }
  digests.set(file.path, { sha256: hash.digest('hex'), bytes });
}

/** Every file with its bytes in memory: for tests and small exports, never for writing a ledger's. */
export function materializeFiles(files: readonly ExportSource[]): ExportFile[] {
  const digests = new Map<string, FileDigest>();
  const parent = mkdtempSync(join(tmpdir(), 'dosing-ledger-export-'));
  const scratch = scratchSpace(join(parent, 'scratch'));
  try {
    return files.flatMap((file) => {
      const taken = chunksToWrite(file, digests, scratch);
      if (taken === null) return [];
      const chunks = [...taken];
      return [{ path: file.path, bytes: chunks.length === 1 && chunks[0] !== undefined ? chunks[0] : concat(chunks) }];
    });
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

/**
 * The chunks to write for a file, or null when it is optional and turned out to have no bytes:
 * it is then left out (and its digest forgotten, so the manifest does not list it). An optional
 * file is read up to its first bytes before the writer opens it.
 */
export function chunksToWrite(
  file: ExportSource,
  digests: Map<string, FileDigest>,
  scratch: ScratchSpace,
): Iterable<Uint8Array> | null {
  const chunks = fileChunks(file, digests, scratch);
  if (!('optional' in file) || file.optional !== true) return chunks;
  const first: Uint8Array[] = [];
  for (;;) {
    const next = chunks.next();
    if (next.done === true) break;
    first.push(next.value);
    if (next.value.byteLength > 0) return resumed(first, chunks);
  }
  digests.delete(file.path);
  return null;
}

function* resumed(first: readonly Uint8Array[], rest: Generator<Uint8Array>): Generator<Uint8Array> {
  yield* first;
  yield* rest;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Paths are made by this module, but they end up as names on someone's disk: refuse anything
 * that could leave the export folder or that Windows or macOS would not accept as a name.
 */
export function assertSafeExportPath(path: string): void {
  const segments = path.split('/');
  const unsafe =
    path === '' ||
    path.startsWith('/') ||
    segments.some(
      (segment) =>
        segment === '' ||
        segment === '.' ||
        segment === '..' ||
        /[\\:*?"<>|\p{Cc}]/u.test(segment) ||
        segment.endsWith('.'),
    );
  if (unsafe) throw new Error(`Unsafe path in export: "${path}"`);
}
