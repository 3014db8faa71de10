import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditVerifyCommand } from '../../src/cli/audit-verify-command';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import { runCli } from '../../src/cli/run-cli';
import { startVerifyJob } from '../../src/services/audit-verify-job';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';

let app: TestApp;

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 2 });
}, 600_000);
afterAll(() => app.cleanup());

async function cliVerify(...extra: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runCli(['audit', 'verify', '--db', app.path, ...extra], {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
  });
  return { code, out };
}

function adminSignIn(): void {
  const admin = demoUsers.find((user) => user.role === 'admin');
  app.ok(app.newSignIn(), 'auth.signIn', { username: admin?.username ?? '', password: admin?.password ?? '' });
}

describe('dosing-ledger audit verify --since-last', () => {
  it('says it falls back to a full check when no verification has found the ledger intact', async () => {
    const { code, out } = await cliVerify('--since-last');
    expect(code).toBe(0);
    expect(out[0]).toBe('No earlier verification found the ledger intact, so this is a full check.');
    expect(out[1]).toMatch(/^Audit chain intact: \d+ entries, head [0-9a-f]{64}$/);
    expect(out.some((line) => line.startsWith('Table states were checked in full because'))).toBe(true);
  });

  it('after an intact verification in the app, checks the entries after its checkpoint and says from where', async () => {
    const verified = await startVerifyJob(app.ledger, { userId: null, device: {} }, 'full').finished;
    expect(verified.result?.ok).toBe(true);
    adminSignIn();
    const { code, out } = await cliVerify('--since-last');
    expect(code).toBe(0);
    const fromSeq = verified.head === null ? -1 : verified.head.seq;
    expect(out[0]).toMatch(/^Incremental check: the entries after entry [\d,]+, which signed checkpoint \d+/);
    expect(out[0]).toContain('found only by a full check');
    const from = Number(/after entry ([\d,]+)/.exec(out[0] ?? '')?.[1]?.replaceAll(',', '') ?? '-1');
    expect(from).toBeGreaterThan(0);
    expect(from).toBeLessThanOrEqual(fromSeq);
    expect(out[1]).toMatch(new RegExp(`^Audit chain intact after entry ${from}: \\d+ new entries, head [0-9a-f]{64}$`));
    expect(out.some((line) => line.includes('even in this incremental check'))).toBe(true);
  });

  it('takes --from-seq N, and refuses it with --since-last', async () => {
    const { code, out } = await cliVerify('--from-seq', '1');
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^(Incremental check: the entries after entry 1,|No signed checkpoint signs entry 1 )/);
    expect((await cliVerify('--from-seq', '5', '--since-last')).code).toBe(2);
    expect((await cliVerify('--from-seq', 'five')).code).toBe(2);
  });

  it('draws a progress line on a terminal and clears it before the result', async () => {
    const written: string[] = [];
    const terminal = { isTTY: true, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    const out: string[] = [];
    const code = await auditVerifyCommand(
      ['--db', app.path],
      { out: (line) => out.push(line), err: () => undefined },
      terminal,
    );
    expect(code).toBe(0);
    expect(written.some((text) => text.includes('Checking the audit chain… '))).toBe(true);
    expect(written.some((text) => text.includes('Holding the rows of users against the audit trail… '))).toBe(true);
    expect(written.at(-1)).toBe('\r\u001b[K');
  });
});
