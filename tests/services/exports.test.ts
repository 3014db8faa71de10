import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import { exportToPath } from '../../src/services/exports';
import type { SignIn } from '../../src/services/sign-in';
import { ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';
import type { Manifest } from '../../src/export/manifest';

let app: TestApp;
let auditor: SignIn;

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 12 });
  const account = demoUsers.find((user) => user.role === 'auditor');
  auditor = app.newSignIn();
  app.ok(auditor, 'auth.signIn', { username: account?.username ?? '', password: account?.password ?? '' });
}, 600_000);
afterAll(() => app.cleanup());

async function finished(exportId: string) {
  for (;;) {
    const job = app.ok(auditor, 'exports.status', { exportId });
    if (job.state !== 'writing') return job;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('auditor export', () => {
  it('writes the export next to the ledger, audits start and completion, and lists every file in the manifest', async () => {
    const before = ledgerState(app.ledger.raw).head.seq;
    const started = app.ok(auditor, 'exports.start', {});
    expect(started.state).toBe('writing');
    expect(dirname(started.outPath)).toBe(join(app.dir, 'exports'));
    const job = await finished(started.id);
    expect(job.state).toBe('done');
    expect(existsSync(job.outPath)).toBe(true);
    const actions = app.ledger.raw.prepare('SELECT action FROM audit_log WHERE seq > ? ORDER BY seq').all(before) as {
      action: string;
    }[];
    expect(actions.map((row) => row.action)).toEqual(['export.started', 'export.done']);
  });

  it('exports a date range from the command line into a new folder whose manifest matches the files', async () => {
    const out = join(app.dir, 'cli-export');
    const today = new Date().toISOString().slice(0, 10);
    const job = await exportToPath(app.ledger, { from: '2000-01-01', to: today, patientIds: null }, out, {
      osUser: 'tester',
    });
    expect(job.state).toBe('done');
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    expect(manifest.files.length).toBeGreaterThan(10);
    expect(readdirSync(out).sort()).toEqual(
      expect.arrayContaining(['README.txt', 'audit', 'csv', 'fhir', 'manifest.json']),
    );
  });

  it('refuses exports to anyone but an auditor', () => {
    const nurse = app.newSignIn();
    const account = demoUsers.find((user) => user.role === 'nurse');
    app.ok(nurse, 'auth.signIn', { username: account?.username ?? '', password: account?.password ?? '' });
    const result = app.call(nurse, 'exports.start', {});
    expect(result.ok === false && result.error.code).toBe('FORBIDDEN');
  });
});

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function downloadActions(after: number): string[] {
  const rows = app.ledger.raw
    .prepare("SELECT action FROM audit_log WHERE seq > ? AND action = 'export.downloaded' ORDER BY seq")
    .all(after) as { action: string }[];
  return rows.map((row) => row.action);
}

/** Fetches the whole export as the renderer does: chunk after chunk until done. */
function downloadAll(exportId: string, maxBytes?: number): { bytes: Buffer; chunks: number } {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const chunk = app.ok(auditor, 'exports.download', {
      exportId,
      offset,
      ...(maxBytes === undefined ? {} : { maxBytes }),
    });
    expect(chunk.offset).toBe(offset);
    const bytes = Buffer.from(chunk.chunkBase64, 'base64');
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.length).toBeLessThanOrEqual(maxBytes ?? 1024 * 1024);
    parts.push(bytes);
    offset += bytes.length;
    expect(chunk.done).toBe(offset === chunk.totalBytes);
    if (chunk.done) return { bytes: Buffer.concat(parts), chunks: parts.length };
  }
}

describe('auditor export, downloaded to the device that asked for it', () => {
  let job: Awaited<ReturnType<typeof finished>>;
  beforeAll(async () => {
    job = await finished(app.ok(auditor, 'exports.start', {}).id);
  }, 600_000);

  it('states the zip file, its size and its SHA-256 once the export is written', () => {
    expect(job.state).toBe('done');
    const onDisk = readFileSync(job.outPath);
    expect(job.download).toEqual({
      fileName: basename(job.outPath),
      totalBytes: onDisk.length,
      sha256: sha256(onDisk),
    });
  });

  it('streams the zip in chunks that reassemble to it, whose files match the manifest, audited once per download', () => {
    const before = ledgerState(app.ledger.raw).head.seq;
    const { bytes, chunks } = downloadAll(job.id, 64 * 1024);
    expect(chunks).toBeGreaterThan(1);
    expect(sha256(bytes)).toBe(job.download?.sha256);
    expect(bytes.equals(readFileSync(job.outPath))).toBe(true);
    const files = unzipSync(bytes);
    const manifest = JSON.parse(Buffer.from(files['manifest.json'] ?? new Uint8Array()).toString('utf8')) as Manifest;
    expect(manifest.files.length).toBeGreaterThan(10);
    for (const entry of manifest.files) {
      const file = files[entry.path];
      expect(file, entry.path).toBeDefined();
      expect(sha256(file ?? new Uint8Array()), entry.path).toBe(entry.sha256);
    }
    expect(Object.keys(files).sort()).toEqual([...manifest.files.map((entry) => entry.path), 'manifest.json'].sort());
    expect(downloadActions(before)).toEqual(['export.downloaded']);

    const { bytes: again } = downloadAll(job.id);
    expect(again.equals(bytes)).toBe(true);
    expect(downloadActions(before)).toEqual(['export.downloaded', 'export.downloaded']);
    const last = app.ledger.raw
      .prepare("SELECT details FROM audit_log WHERE action = 'export.downloaded' ORDER BY seq DESC LIMIT 1")
      .get() as { details: string };
    expect(JSON.parse(last.details)).toMatchObject({ fileName: job.download?.fileName, sha256: job.download?.sha256 });
  });

  it('refuses every role but the auditor, as exports.start does', () => {
    for (const role of ['nurse', 'physician', 'admin'] as const) {
      const account = demoUsers.find((user) => user.role === role);
      const other = app.newSignIn();
      app.ok(other, 'auth.signIn', { username: account?.username ?? '', password: account?.password ?? '' });
      const result = app.call(other, 'exports.download', { exportId: job.id, offset: 0 });
      expect(result.ok === false && result.error.code, role).toBe('FORBIDDEN');
    }
  });

  it('answers NOT_FOUND for an export it does not know', () => {
    const result = app.call(auditor, 'exports.download', {
      exportId: '00000000-0000-4000-8000-000000000000',
      offset: 0,
    });
    expect(result.ok === false && result.error.code).toBe('NOT_FOUND');
  });

  it('refuses an offset at or past the end of the file, and a chunk larger than 1 MiB', () => {
    const total = job.download?.totalBytes ?? 0;
    for (const offset of [total, total + 1]) {
      const result = app.call(auditor, 'exports.download', { exportId: job.id, offset });
      expect(result.ok === false && result.error.code, String(offset)).toBe('INVALID_INPUT');
      expect(result.ok === false && result.error.issues?.[0]?.path).toBe('offset');
    }
    const tooLarge = app.call(auditor, 'exports.download', { exportId: job.id, offset: 0, maxBytes: 1024 * 1024 + 1 });
    expect(tooLarge.ok === false && tooLarge.error.code).toBe('INVALID_INPUT');
  });

  it('refuses an export still being written, one whose file has gone from the folder, and one whose file changed', async () => {
    const started = app.ok(auditor, 'exports.start', {});
    const early = app.call(auditor, 'exports.download', { exportId: started.id, offset: 0 });
    expect(early.ok === false && early.error.code).toBe('CONFLICT');
    const done = await finished(started.id);
    renameSync(done.outPath, `${done.outPath}.moved`);
    const gone = app.call(auditor, 'exports.download', { exportId: done.id, offset: 0 });
    expect(gone.ok === false && gone.error.code).toBe('NOT_FOUND');
    expect(gone.ok === false && gone.error.message).toContain(done.outPath);
    renameSync(`${done.outPath}.moved`, done.outPath);
    appendFileSync(done.outPath, 'x');
    const changed = app.call(auditor, 'exports.download', { exportId: done.id, offset: 0 });
    expect(changed.ok === false && changed.error.code).toBe('CONFLICT');
  });
});
