import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import type { AuditVerifyJob } from '../../src/contract/audit-verify-job';
import { openLedger } from '../../src/db/open';
import { startVerifyJob } from '../../src/services/audit-verify-job';
import type { SignIn } from '../../src/services/sign-in';
import { rehashChain } from '../support/reference-audit-verify';
import { tamperableCopy } from '../support/tamper-copy';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';

let app: TestApp;
let auditor: SignIn;

function signInAs(role: 'admin' | 'auditor'): SignIn {
  const account = demoUsers.find((user) => user.role === role);
  const signIn = app.newSignIn();
  app.ok(signIn, 'auth.signIn', { username: account?.username ?? '', password: account?.password ?? '' });
  return signIn;
}

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 2 });
  auditor = signInAs('auditor');
}, 600_000);
afterAll(() => app.cleanup());

const head = () => app.ledger.raw.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;

function entriesAfter(seq: number): { action: string; details: Record<string, unknown> }[] {
  const rows = app.ledger.raw.prepare('SELECT action, details FROM audit_log WHERE seq > ? ORDER BY seq').all(seq) as {
    action: string;
    details: string;
  }[];
  return rows.map((row) => ({ action: row.action, details: JSON.parse(row.details) as Record<string, unknown> }));
}

async function finished(jobId: string): Promise<AuditVerifyJob> {
  for (;;) {
    const job = app.ok(auditor, 'audit.verifyStatus', { jobId });
    if (job.state !== 'running') return job;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A verification of a tampered copy of the app's ledger, as the app would run it there. */
async function verifyCopy(edit: (raw: ReturnType<typeof tamperableCopy>['raw']) => void, scope: 'full' | 'sinceLast') {
  const copy = tamperableCopy(app);
  edit(copy.raw);
  copy.raw.close();
  const ledger = openLedger(copy.path, { existing: true });
  try {
    return await startVerifyJob(ledger, { userId: null, device: {} }, scope).finished;
  } finally {
    ledger.close();
  }
}

let verifiedHead = 0;

describe('audit verification as a background job', () => {
  it('falls back to a full check, and says so, when no verification has found the ledger intact yet', async () => {
    const before = head();
    const started = app.ok(auditor, 'audit.verifyStart', { scope: 'sinceLast' });
    expect(started.state).toBe('running');
    const job = await finished(started.id);
    expect(job.state).toBe('done');
    expect(job.start?.kind).toBe('full');
    expect(job.start?.note).toContain('No earlier verification found the ledger intact, so this is a full check');
    expect(job.result?.ok).toBe(true);
    expect(job.result?.ok === true && job.result.entries).toBe(before);
    expect(job.head?.seq).toBe(before);
    // Nothing written but the outcome, in its own transaction after the walk.
    const written = entriesAfter(before);
    expect(written.map((entry) => entry.action)).toEqual(['audit.verified']);
    expect(written[0]?.details).toMatchObject({ outcome: 'intact', kind: 'full', headSeq: before, scope: 'sinceLast' });
    verifiedHead = before;
  });

  it('then checks only the entries after the signed checkpoint at or before the head it verified', async () => {
    signInAs('admin'); // a new checkpoint, and new entries after the verified head
    app.ok(auditor, 'audit.list', { limit: 5 });
    const before = head();
    const job = await finished(app.ok(auditor, 'audit.verifyStart', { scope: 'sinceLast' }).id);
    expect(job.state).toBe('done');
    expect(job.start?.kind).toBe('incremental');
    const fromSeq = job.start?.fromSeq ?? -1;
    expect(fromSeq).toBeGreaterThan(0);
    expect(fromSeq).toBeLessThanOrEqual(verifiedHead);
    expect(job.start?.checkpointId).not.toBeNull();
    expect(job.start?.note).toContain(`the entries after entry ${fromSeq.toLocaleString('en-US')}`);
    expect(job.start?.note).toContain('found only by a full check');
    expect(job.result?.ok).toBe(true);
    expect(job.result?.ok === true && job.result.entries).toBe(before - fromSeq);
    const [entry] = entriesAfter(before);
    expect(entry?.details).toMatchObject({ outcome: 'intact', kind: 'incremental', fromSeq, headSeq: before });
  });

  it('finds an entry edited after its anchor, naming it', async () => {
    const last = head() - 1;
    const job = await verifyCopy(
      (raw) => raw.prepare(`UPDATE audit_log SET details = '{"edited":true}' WHERE seq = ?`).run(last),
      'sinceLast',
    );
    expect(job.start?.kind).toBe('incremental');
    expect(job.result).toMatchObject({ ok: false, firstBrokenSeq: last });
  });

  it('finds a chain recomputed from before its anchor: the anchor checkpoint no longer matches', async () => {
    const job = await verifyCopy((raw) => {
      raw.prepare(`UPDATE audit_log SET details = '{"edited":true}' WHERE seq = 3`).run();
      rehashChain(raw, 3);
    }, 'sinceLast');
    expect(job.start?.kind).toBe('incremental');
    const anchorSeq = job.start?.fromSeq ?? -1;
    expect(job.result).toMatchObject({ ok: false, firstBrokenSeq: anchorSeq });
    expect(job.result?.ok === false && job.result.reason).toContain('no longer holds');
    expect(job.result?.ok === false && job.result.reason).toContain('run a full check');
  });

  it('leaves an edit in place before its anchor to the full check, as its note says', async () => {
    const edit = (raw: ReturnType<typeof tamperableCopy>['raw']) =>
      raw.prepare(`UPDATE audit_log SET details = '{"edited":true}' WHERE seq = 3`).run();
    expect((await verifyCopy(edit, 'sinceLast')).result?.ok).toBe(true);
    expect((await verifyCopy(edit, 'full')).result).toMatchObject({ ok: false, firstBrokenSeq: 3 });
  });

  it('cancelled, writes nothing but its audit entry', async () => {
    const before = head();
    const started = app.ok(auditor, 'audit.verifyStart', { scope: 'full' });
    const cancelled = app.ok(auditor, 'audit.verifyCancel', { jobId: started.id });
    expect(cancelled.id).toBe(started.id);
    const job = await finished(started.id);
    expect(job.state).toBe('cancelled');
    expect(job.result).toBeNull();
    const written = entriesAfter(before);
    expect(written.map((entry) => entry.action)).toEqual(['audit.verified']);
    expect(written[0]?.details).toMatchObject({ outcome: 'cancelled' });
  });

  it('answers NOT_FOUND for a job that does not exist, and refuses a nurse', () => {
    const missing = app.call(auditor, 'audit.verifyStatus', { jobId: '00000000-0000-4000-8000-000000000000' });
    expect(missing.ok === false && missing.error.code).toBe('NOT_FOUND');
    const account = demoUsers.find((user) => user.role === 'nurse');
    const nurse = app.newSignIn();
    app.ok(nurse, 'auth.signIn', { username: account?.username ?? '', password: account?.password ?? '' });
    const refused = app.call(nurse, 'audit.verifyStart', { scope: 'full' });
    expect(refused.ok === false && refused.error.code).toBe('FORBIDDEN');
  });
});
