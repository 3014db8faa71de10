import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/db/audit-log';
import { verifyCheckpoints } from '../../src/db/checkpoint-verify';
import { verifyTableStates } from '../../src/db/table-states';
import type { SignIn } from '../../src/services/sign-in';
import { fillBenchLedger } from '../bench/bench-ledger';
import type { TestApp } from '../support/test-app';
import { adminPassword, createTestApp, setUpClinic, signedInUser } from '../support/test-app';

/** Large enough that a full check takes many steps (and, on this machine, well over a second). */
const entries = 120_000;

let app: TestApp;
let auditor: SignIn;

beforeAll(() => {
  app = createTestApp();
  const admin = setUpClinic(app);
  auditor = signedInUser(app, admin, 'auditor');
  fillBenchLedger(app.ledger, { patients: 500, auditEntries: entries });
}, 600_000);
afterAll(() => app.cleanup());

const head = () => app.ledger.raw.prepare('SELECT max(seq) FROM audit_log').pluck().get() as number;
const isSorted = (values: number[]) => values.every((value, index) => index === 0 || (values[index - 1] ?? 0) <= value);

describe('a verification job on a large ledger', () => {
  it('lets other calls, reads and writes, complete while it walks, reporting progress that only goes up', async () => {
    const headAtStart = head();
    const started = app.ok(auditor, 'audit.verifyStart', { scope: 'full' });
    const done: number[] = [];
    let readsWhileRunning = 0;
    let wroteWhileRunning = false;
    let job = started;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      job = app.ok(auditor, 'audit.verifyStatus', { jobId: started.id });
      done.push(job.done);
      if (job.state !== 'running') break;
      if (job.done > 0 && job.done < job.total) {
        // Mid-walk: the dispatch transaction is free.
        expect(app.ok(auditor, 'audit.list', { limit: 5 }).entries).toHaveLength(5);
        readsWhileRunning += 1;
        if (!wroteWhileRunning) {
          app.ok(app.newSignIn(), 'auth.signIn', { username: 'admin', password: adminPassword });
          wroteWhileRunning = true;
        }
      }
    }
    expect(job.state).toBe('done');
    expect(readsWhileRunning).toBeGreaterThan(0);
    expect(wroteWhileRunning).toBe(true);
    expect(isSorted(done)).toBe(true);
    expect(job.done).toBe(job.total);
    expect(job.secondsLeft).toBeNull();
    // The check judged the snapshot taken as it started: the sign-in written meanwhile is not in it.
    expect(job.head?.seq).toBe(headAtStart);
    expect(head()).toBeGreaterThan(headAtStart + 1);
    expect(job.result).toMatchObject({ ok: true, entries: headAtStart });
  }, 600_000);

  it('reports the chain walk, checkpoints and tables in steps, every few tens of thousands of entries', () => {
    const reports: [number, number][] = [];
    const result = verifyAuditChain(app.ledger.raw, { onProgress: (done, total) => reports.push([done, total]) });
    expect(result.ok).toBe(true);
    expect(reports.length).toBeGreaterThan(2);
    expect(reports.length).toBeLessThan(20);
    expect(isSorted(reports.map(([done]) => done))).toBe(true);
    expect(reports.at(-1)).toEqual([head(), head()]);
    expect(result).toEqual(verifyAuditChain(app.ledger.raw));

    const checkpoints: number[] = [];
    verifyCheckpoints(app.ledger.raw, { onProgress: (count) => checkpoints.push(count) });
    expect(isSorted(checkpoints)).toBe(true);
    const parts: string[] = [];
    verifyTableStates(app.ledger.raw, (_index, _count, name) => parts.push(name));
    expect(parts).toEqual(expect.arrayContaining(['users', 'patients', 'session entries']));
  });
});
