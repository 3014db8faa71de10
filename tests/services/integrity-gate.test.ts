import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { quickCheckInWorker, startIntegrityCheck } from '../../src/db/integrity-check';
import { openLedger } from '../../src/db/open';
import type { Ledger } from '../../src/db/open';
import { dispatchAsync } from '../../src/services/dispatch-async';
import { createSignIn } from '../../src/services/sign-in';
import { adminPassword, createTestApp, setUpClinic } from '../support/test-app';

/**
 * The app opens its ledger without waiting for SQLite's structural check (seconds for a decade's
 * file): the check runs in a worker thread, and sign-in waits for its verdict. A damaged file is
 * refused at sign-in in one line, and nothing is written to it.
 */
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A set-up clinic's ledger file, closed, with the page numbers of its audit log's leaves. */
function clinicFile(): { path: string; auditPages: number[]; pageSize: number } {
  const app = createTestApp();
  setUpClinic(app, 'UTC');
  const raw = app.ledger.raw;
  raw.pragma('wal_checkpoint(TRUNCATE)');
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  const auditPages = (
    raw.prepare("SELECT pageno FROM dbstat WHERE name = 'audit_log' ORDER BY pageno").all() as { pageno: number }[]
  ).map((row) => row.pageno);
  app.ledger.close();
  cleanups.push(() => app.cleanup());
  return { path: app.path, auditPages, pageSize };
}

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function signIn(ledger: Ledger) {
  return dispatchAsync({ ledger, signIn: createSignIn(), clock: () => new Date() }, 'auth.signIn', {
    username: 'admin',
    password: adminPassword,
  });
}

function open(path: string): Ledger {
  const ledger = openLedger(path, { existing: true, checkIntegrity: 'background' });
  cleanups.unshift(() => ledger.close());
  return ledger;
}

describe('the background integrity check', () => {
  it('an intact ledger opens with the check under way, and sign-in waits for it and works', async () => {
    const { path } = clinicFile();
    const ledger = open(path);
    expect(ledger.integrity).toBeDefined();
    expect(await signIn(ledger)).toMatchObject({ ok: true });
    expect(await ledger.integrity?.verdict).toBeNull();
  });

  it('a damaged page: the ledger still opens, sign-in is refused in one line, nothing is written', async () => {
    const { path, auditPages, pageSize } = clinicFile();
    const page = auditPages.at(-1) ?? 0;
    expect(page).toBeGreaterThan(1);
    const handle = openSync(path, 'r+');
    writeSync(handle, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
    closeSync(handle);
    const before = sha256(path);
    const ledger = open(path);
    const result = await signIn(ledger);
    expect(result).toMatchObject({ ok: false, error: { code: 'LEDGER_DAMAGED' } });
    const message = result.ok ? '' : result.error.message;
    expect(message).toMatch(
      new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is damaged \\(SQLite's check says: `),
    );
    expect(message).toContain('restore it from a backup');
    expect(message).not.toContain('\n');
    ledger.close();
    // Nothing was written: the file is byte for byte as it was before the app opened it.
    expect(sha256(path)).toBe(before);
  });

  it('a worker that cannot run falls back to checking on this thread, never to "intact"', async () => {
    const { path, auditPages, pageSize } = clinicFile();
    const failing = () => Promise.reject(new Error('no worker here'));
    expect(await startIntegrityCheck(path, failing).verdict).toBeNull();
    const page = auditPages.at(-1) ?? 0;
    const handle = openSync(path, 'r+');
    writeSync(handle, Buffer.alloc(pageSize, 0x5a), 0, pageSize, (page - 1) * pageSize);
    closeSync(handle);
    expect(await quickCheckInWorker(path)).not.toBe('ok');
    expect((await startIntegrityCheck(path, failing).verdict)?.problem).toBe('damaged');
  });
});
