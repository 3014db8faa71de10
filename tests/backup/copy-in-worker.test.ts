import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyLedgerInWorker } from '../../src/backup/copy-in-worker';
import { tempFolder } from './backup-fixture';

let folder: ReturnType<typeof tempFolder>;
let livePath: string;

beforeAll(() => {
  folder = tempFolder('worker-copy');
  livePath = join(folder.dir, 'live.sqlite');
  const raw = new Database(livePath);
  raw.pragma('journal_mode = WAL');
  raw.exec('CREATE TABLE filler (id INTEGER PRIMARY KEY, bytes BLOB)');
  // About 64 MB: long enough a copy to see whether this thread kept running meanwhile.
  raw.exec(
    'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1024) INSERT INTO filler (bytes) SELECT randomblob(65536) FROM n',
  );
  raw.close();
});
afterAll(() => folder.cleanup());

describe('the copy for a backup', () => {
  it('runs in a worker thread: this thread keeps serving timers while it copies, and the copy is whole', async () => {
    const plainPath = join(folder.dir, 'copy.sqlite');
    closeSync(openSync(plainPath, 'wx', 0o600));
    let ticks = 0;
    let copying = true;
    const timer = setInterval(() => {
      if (copying) ticks += 1;
    }, 1);
    const started = performance.now();
    try {
      await copyLedgerInWorker(livePath, plainPath);
    } finally {
      copying = false;
      clearInterval(timer);
    }
    const tookMs = performance.now() - started;
    // A copy on this thread (VACUUM INTO is synchronous) would let no timer fire until it ended.
    expect(ticks, `timers fired during a ${Math.round(tookMs)} ms copy`).toBeGreaterThanOrEqual(3);
    const copy = new Database(plainPath, { readonly: true });
    try {
      expect(copy.prepare('SELECT count(*) AS n FROM filler').get()).toEqual({ n: 1024 });
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      copy.close();
    }
  });

  it('fails with a message when the ledger cannot be read', async () => {
    const plainPath = join(folder.dir, 'copy-of-nothing.sqlite');
    await expect(copyLedgerInWorker(join(folder.dir, 'missing.sqlite'), plainPath)).rejects.toThrow(
      /^the ledger could not be copied \(/,
    );
  });
});
