import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportSource } from '../../src/export/export-file';
import { buildExportFiles, exportSources } from '../../src/export/export-files';
import type { Manifest } from '../../src/export/manifest';
import type { SignedPdf } from '../../src/export/snapshot';
import { writeExport } from '../../src/export/write-export';
import { exportSnapshot } from './support/snapshot-fixture';

/**
 * The export streams: no file is made before the one before it is on disk, a stored PDF is
 * read from the ledger only when its turn comes, and the manifest comes from what was written.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-stream-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The fixture's files, each one recording in `events` when it is produced. */
function tracedSources(events: string[], reads: string[]): ExportSource[] {
  const base = exportSnapshot();
  const signedPdfs = base.signedPdfs.map((pdf): SignedPdf => {
    const stored = pdf.bytes;
    return {
      ...pdf,
      bytes: () => {
        reads.push(pdf.fileName);
        return typeof stored === 'function' ? stored() : stored;
      },
    };
  });
  return exportSources({ ...base, signedPdfs }).map((file, index) => ({
    path: file.path,
    *produce(written, scratch) {
      events.push(`produce ${index}`);
      yield* 'bytes' in file ? [file.bytes] : file.produce(written, scratch);
    },
  }));
}

describe.each(['folder', 'zip'] as const)('an export written as a %s', (format) => {
  it('produces each file only after the one before it is written, and reads no PDF before its turn', async () => {
    const events: string[] = [];
    const reads: string[] = [];
    const files = tracedSources(events, reads);
    expect(reads).toEqual([]);
    await writeExport({
      files,
      outPath: join(dir, format === 'zip' ? 'out.zip' : 'out'),
      format,
      onProgress: (done) => events.push(`written ${done}`),
    });
    const expected = ['written 0', ...files.flatMap((_file, index) => [`produce ${index}`, `written ${index + 1}`])];
    expect(events).toEqual(expected);
    expect(reads).toHaveLength(exportSnapshot().signedPdfs.length);
  });
});

describe('a streamed export', () => {
  it('writes the same bytes as the files built in memory, and its manifest lists what is on disk', async () => {
    const snapshot = exportSnapshot();
    const inMemory = buildExportFiles(snapshot);
    const out = join(dir, 'out');
    await writeExport({ files: exportSources(snapshot), outPath: out, format: 'folder' });
    for (const file of inMemory) {
      expect(new Uint8Array(readFileSync(join(out, ...file.path.split('/')))), file.path).toEqual(file.bytes);
    }
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Manifest;
    expect(manifest.files).toHaveLength(inMemory.length - 1);
    for (const entry of manifest.files) {
      const bytes = readFileSync(join(out, ...entry.path.split('/')));
      expect(entry.sha256, entry.path).toBe(createHash('sha256').update(bytes).digest('hex'));
      expect(entry.bytes, entry.path).toBe(bytes.byteLength);
    }
  });
});
