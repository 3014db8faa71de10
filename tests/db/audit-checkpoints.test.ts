import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { generateKeyPairSync, sign } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUsers, seedDemo } from '../../src/cli/demo';
import { runCli } from '../../src/cli/run-cli';
import { latestCheckpoint } from '../../src/db/audit-checkpoints';
import { verifyCheckpoints } from '../../src/db/checkpoint-verify';
import { checkpointText } from '../../src/domain/audit-checkpoint';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';
import { rehashChain } from '../support/reference-audit-verify';

let app: TestApp;
let work: string;

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 4 });
  const admin = demoUsers.find((user) => user.role === 'admin');
  if (admin === undefined) throw new Error('the demo has no administrator');
  app.ok(app.newSignIn(), 'auth.signIn', { username: admin.username, password: admin.password });
  work = mkdtempSync(join(tmpdir(), 'checkpoints-'));
});
afterAll(() => {
  app.cleanup();
  rmSync(work, { recursive: true, force: true });
});

let copies = 0;
/** A copy of the demo ledger with every trigger dropped, as someone with sqlite3 would make it. */
function tamperedCopy(tamper: (raw: Database.Database) => void): string {
  copies += 1;
  const path = join(work, `copy-${copies}.sqlite`);
  app.ledger.raw.pragma('wal_checkpoint(TRUNCATE)');
  copyFileSync(app.path, path);
  const raw = new Database(path);
  const triggers = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
  for (const name of triggers) raw.exec(`DROP TRIGGER "${name}"`);
  tamper(raw);
  raw.close();
  return path;
}

async function cliVerify(path: string, ...extra: string[]): Promise<{ code: number; out: string[] }> {
  const out: string[] = [];
  const code = await runCli(['audit', 'verify', '--db', path, ...extra], {
    out: (line) => out.push(line),
    err: (line) => out.push(line),
  });
  return { code, out };
}

describe('signed checkpoints of the audit chain', () => {
  it('are taken at every e-signature and administrator sign-in, and all verify on an untouched ledger', () => {
    const reasons = app.ledger.raw.prepare('SELECT reason FROM audit_checkpoints').pluck().all() as string[];
    expect(reasons).toContain('e-signature');
    expect(reasons).toContain('sign-in');
    const result = verifyCheckpoints(app.ledger.raw);
    expect(result.problems).toEqual([]);
    expect(result.checked).toBe(reasons.length);
    expect(result.latest?.reason).toBe('sign-in');
    expect(latestCheckpoint(app.ledger.db)?.certificatePem).toContain('BEGIN CERTIFICATE');
  });

  it('each is recorded in the audit trail right after the head it signs', () => {
    const checkpoint = latestCheckpoint(app.ledger.db);
    const entry = app.ledger.raw
      .prepare("SELECT seq, entity_id AS id FROM audit_log WHERE action = 'audit.checkpoint-signed' ORDER BY seq DESC")
      .get() as { seq: number; id: string };
    expect(Number(entry.id)).toBe(checkpoint?.id);
    expect(entry.seq).toBe((checkpoint?.seq ?? 0) + 1);
  });

  it('show a chain recomputed after an edit (the chain alone verifies again)', async () => {
    const path = tamperedCopy((raw) => {
      raw.prepare("UPDATE audit_log SET details = json_set(details, '$.reason', 'edited') WHERE seq = 5").run();
      rehashChain(raw, 1);
    });
    const { code, out } = await cliVerify(path);
    expect(code).toBe(1);
    expect(out[0]).toMatch(/^Audit chain intact/);
    expect(out).toContainEqual(
      expect.stringMatching(/^Checkpoints BROKEN: Checkpoint 1 .* the audit trail was rewritten after it/),
    );
  });

  it('show entries cut off the end below a checkpoint', async () => {
    const checkpoint = latestCheckpoint(app.ledger.db);
    const path = tamperedCopy((raw) => {
      raw.prepare('DELETE FROM audit_log WHERE seq >= ?').run((checkpoint?.seq ?? 0) - 1);
    });
    const { code, out } = await cliVerify(path);
    expect(code).toBe(1);
    expect(out).toContainEqual(expect.stringMatching(/the entries after \d+ were cut off/));
  });

  it('show a checkpoint whose signature was altered, and one deleted', async () => {
    const edited = tamperedCopy((raw) => raw.prepare('UPDATE audit_checkpoints SET seq = seq - 1 WHERE id = 2').run());
    expect((await cliVerify(edited)).out).toContainEqual(
      expect.stringMatching(/Checkpoint 2 .*its signature does not verify: the checkpoint was edited or forged/),
    );
    const deleted = tamperedCopy((raw) => raw.prepare('DELETE FROM audit_checkpoints WHERE id = 2').run());
    const result = await cliVerify(deleted);
    expect(result.code).toBe(1);
    expect(result.out).toContainEqual(expect.stringMatching(/records checkpoint 2, which is no longer stored/));
  });

  it('refuse a checkpoint signed again with a key the clinic never issued', async () => {
    const path = tamperedCopy((raw) => {
      const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
      const row = raw.prepare('SELECT * FROM audit_checkpoints WHERE id = 1').get() as Record<string, string | number>;
      const text = checkpointText({
        seq: Number(row.seq),
        hash: String(row.hash),
        at: String(row.at),
        userId: Number(row.user_id),
        signingIdentityId: Number(row.signing_identity_id),
        reason: row.reason === 'sign-in' ? 'sign-in' : 'e-signature',
      });
      const forged = sign('sha256', Buffer.from(text), privateKey).toString('base64');
      raw.prepare('UPDATE audit_checkpoints SET signature = ? WHERE id = 1').run(forged);
    });
    expect((await cliVerify(path)).out).toContainEqual(expect.stringMatching(/Checkpoint 1 .*does not verify/));
  });
});

describe('audit verify --against a copy kept outside the ledger', () => {
  it('matches the live ledger against its own export manifest and backup description', async () => {
    const manifest = join(work, 'manifest.json');
    const checkpoint = latestCheckpoint(app.ledger.db);
    const head = app.ledger.raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get();
    writeFileSync(
      manifest,
      JSON.stringify({ kind: 'dosing-ledger/export-manifest', exportedAt: 'now', auditHead: head, checkpoint }),
    );
    const { code, out } = await cliVerify(
      tamperedCopy(() => undefined),
      '--against',
      manifest,
    );
    expect(out).toContainEqual(expect.stringMatching(/^Matches the export of now/));
    expect(code).toBe(0);
  });

  it('names the tail cut off after the last checkpoint, which only the copy can show', async () => {
    const manifest = join(work, 'manifest-tail.json');
    const head = app.ledger.raw.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
      seq: number;
    };
    writeFileSync(
      manifest,
      JSON.stringify({ kind: 'dosing-ledger/export-manifest', exportedAt: 'then', auditHead: head }),
    );
    // The entries after the latest checkpoint (its own record among them) are cut off.
    const checkpoint = latestCheckpoint(app.ledger.db);
    const path = tamperedCopy((raw) => raw.prepare('DELETE FROM audit_log WHERE seq > ?').run(checkpoint?.seq ?? 0));
    const alone = await cliVerify(path);
    expect(alone.out.filter((line) => line.includes('cut off'))).toEqual([]);
    const { code, out } = await cliVerify(path, '--against', manifest);
    expect(code).toBe(1);
    expect(out).toContainEqual(
      expect.stringMatching(new RegExp(`^Against the export of then BROKEN: .*saw entry ${head.seq}: .*cut off since`)),
    );
  });

  it('refuses a copy that is neither a backup nor an export, in one line', async () => {
    const bogus = join(work, 'not-a-copy.txt');
    writeFileSync(bogus, 'hello');
    const { code, out } = await cliVerify(app.path, '--against', bogus);
    expect(code).toBe(2);
    expect(out).toEqual([expect.stringMatching(/is neither a backup .* nor an export folder/)]);
  });
});
