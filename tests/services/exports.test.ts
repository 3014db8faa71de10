import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import { exportToPath } from '../../src/services/exports';
import type { SignIn } from '../../src/services/sign-in';
import { ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';

let app: TestApp;
let auditor: SignIn;

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 12 });
  const account = demoUsers.find((user) => user.role === 'auditor');
  auditor = app.newSignIn();
  app.ok(auditor, 'auth.signIn', { username: account?.username ?? '', password: account?.password ?? '' });
}, 120_000);
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
