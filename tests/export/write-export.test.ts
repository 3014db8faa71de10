import { mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ExportFile } from '../../src/export/export-file';
import { buildExportFiles } from '../../src/export/export-files';
import { ExportCancelledError, ExportTargetExistsError, writeExport } from '../../src/export/write-export';
import { exportSnapshot, exportedAt } from './support/snapshot-fixture';

const files = buildExportFiles(exportSnapshot());
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-export-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every file under a folder, as relative POSIX path → bytes. */
function readTree(root: string, prefix = ''): Map<string, Uint8Array> {
  const tree = new Map<string, Uint8Array>();
  for (const name of readdirSync(join(root, prefix))) {
    const relative = prefix === '' ? name : `${prefix}/${name}`;
    if (statSync(join(root, relative)).isDirectory()) {
      for (const [path, bytes] of readTree(root, relative)) tree.set(path, bytes);
    } else tree.set(relative, new Uint8Array(readFileSync(join(root, relative))));
  }
  return tree;
}

const asMap = (list: readonly ExportFile[]) => new Map(list.map((file) => [file.path, file.bytes]));

describe('writeExport to a folder', () => {
  it('writes every file, reports progress, and leaves no temporary folder', async () => {
    const progress: [number, number][] = [];
    const out = join(dir, 'export-2026-11-23');
    const result = await writeExport({
      files,
      outPath: out,
      format: 'folder',
      onProgress: (done, total) => progress.push([done, total]),
    });
    expect(result).toEqual({
      path: out,
      files: files.length,
      bytes: files.reduce((sum, file) => sum + file.bytes.byteLength, 0),
    });
    expect(readTree(out)).toEqual(asMap(files));
    expect(progress).toEqual(Array.from({ length: files.length + 1 }, (_, done) => [done, files.length]));
    expect(readdirSync(dir)).toEqual(['export-2026-11-23']);
  });

  it('refuses to overwrite an existing folder, even an empty one, and leaves it alone', async () => {
    const out = join(dir, 'taken');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    await expect(writeExport({ files, outPath: out, format: 'folder' })).rejects.toBeInstanceOf(
      ExportTargetExistsError,
    );
    expect(readdirSync(out)).toEqual(['keep.txt']);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    await expect(writeExport({ files, outPath: empty, format: 'folder' })).rejects.toThrow(/already exists/);
    expect(readdirSync(dir).sort()).toEqual(['empty', 'taken']);
  });
});

describe('writeExport to a zip', () => {
  it('holds the same files as the folder, with PDFs stored as they are', async () => {
    const folder = join(dir, 'folder');
    const zip = join(dir, 'export.zip');
    await writeExport({ files, outPath: folder, format: 'folder' });
    const result = await writeExport({ files, outPath: zip, format: 'zip', modifiedAt: exportedAt });
    const archive = new Uint8Array(readFileSync(zip));
    expect(result).toEqual({ path: zip, files: files.length, bytes: archive.byteLength });
    expect(new Map(Object.entries(unzipSync(archive)))).toEqual(readTree(folder));
    const pdf = files.find((file) => file.path.endsWith('.pdf'));
    expect(Buffer.from(archive).indexOf(Buffer.from(pdf?.bytes ?? []))).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(['export.zip', 'folder']);
  });

  it('makes the same bytes from the same files, whatever the machine’s time zone', async () => {
    const original = process.env.TZ;
    try {
      process.env.TZ = 'America/New_York';
      await writeExport({ files, outPath: join(dir, 'a.zip'), format: 'zip', modifiedAt: exportedAt });
      process.env.TZ = 'Asia/Tokyo';
      await writeExport({ files, outPath: join(dir, 'b.zip'), format: 'zip', modifiedAt: exportedAt });
      await writeExport({ files, outPath: join(dir, 'c.zip'), format: 'zip' });
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(readFileSync(join(dir, 'a.zip')).equals(readFileSync(join(dir, 'b.zip')))).toBe(true);
    expect(readFileSync(join(dir, 'a.zip')).equals(readFileSync(join(dir, 'c.zip')))).toBe(false);
  });

  it('refuses to overwrite an existing file', async () => {
    const out = join(dir, 'export.zip');
    writeFileSync(out, 'not mine to replace');
    await expect(writeExport({ files, outPath: out, format: 'zip' })).rejects.toBeInstanceOf(ExportTargetExistsError);
    expect(readFileSync(out, 'utf8')).toBe('not mine to replace');
    expect(readdirSync(dir)).toEqual(['export.zip']);
  });
});

describe('cancelling and failing leave nothing behind', () => {
  for (const format of ['folder', 'zip'] as const) {
    it(`cancelling a ${format} export part-way removes what was written`, async () => {
      const controller = new AbortController();
      const out = join(dir, format === 'zip' ? 'export.zip' : 'export');
      let reported = 0;
      const written = writeExport({
        files,
        outPath: out,
        format,
        signal: controller.signal,
        onProgress: (done) => {
          reported = done;
          if (done === 5) controller.abort();
        },
      });
      await expect(written).rejects.toBeInstanceOf(ExportCancelledError);
      await expect(written).rejects.toMatchObject({ name: 'AbortError' });
      expect(reported).toBe(5);
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('does not start when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    let called = false;
    await expect(
      writeExport({
        files,
        outPath: join(dir, 'x'),
        format: 'folder',
        signal: controller.signal,
        onProgress: () => (called = true),
      }),
    ).rejects.toMatchObject({ name: 'AbortError' });
    expect(called).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes the temporary folder when a write fails part-way', async () => {
    const first = files[0];
    if (first === undefined) throw new Error('no files');
    const clash = [...files.slice(0, 4), first];
    await expect(writeExport({ files: clash, outPath: join(dir, 'export'), format: 'folder' })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses unsafe paths before writing anything', async () => {
    await expect(
      writeExport({
        files: [{ path: '../escape.txt', bytes: new Uint8Array([1]) }],
        outPath: join(dir, 'export'),
        format: 'folder',
      }),
    ).rejects.toThrow(/Unsafe path/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('fails plainly when the parent folder does not exist', async () => {
    await expect(
      writeExport({ files, outPath: join(dir, 'missing', 'export.zip'), format: 'zip' }),
    ).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(readdirSync(dir)).toEqual([]);
  });
});
