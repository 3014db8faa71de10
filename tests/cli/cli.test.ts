import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (line: string) => out.push(line), err: (line: string) => err.push(line) }, out, err };
}

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dosing-ledger-cli-'));
  db = join(dir, 'demo.sqlite');
  const { io, out } = capture();
  expect(await runCli(['demo', '--db', db, '--patients', '12'], io)).toBe(0);
  expect(out.join('\n')).toContain('dr.ruiz');
}, 600_000); // Builds a whole demo clinic (scrypt per user and signature): minutes on a busy 2-core machine.
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dosing-ledger CLI', () => {
  it('verifies an intact demo database: audit chain and signed records', async () => {
    const { io, out } = capture();
    expect(await runCli(['audit', 'verify', '--db', db], io)).toBe(0);
    expect(out[0]).toMatch(/^Audit chain intact: \d+ entries, head [0-9a-f]{64}$/);
    expect(out[1]).toMatch(/^Signed checkpoints intact: \d+ match the audit trail; the latest signs entry \d+/);
    expect(out[2]).toMatch(/^Signed records intact: \d+ signed versions/);
    // The demo's month: every completed infusion signed by the nurse (the one running today is not).
    expect(out[3]).toMatch(/^Signed sessions intact: (\d+) session signatures match what they cover$/);
    expect(Number(/(\d+)/.exec(out[3] ?? '')?.[1])).toBeGreaterThanOrEqual(20);
  });

  it('refuses to overwrite an existing file with a demo', async () => {
    const { io, err } = capture();
    expect(await runCli(['demo', '--db', db], io)).toBe(2);
    expect(err[0]).toContain('already exists');
  });

  it('answers bad usage with exit 2 and one clear line', async () => {
    for (const argv of [
      ['audit', 'verify'],
      ['audit', 'check', '--db', db],
      ['frobnicate'],
      ['audit', 'verify', '--db', join(dir, 'missing.sqlite')],
    ]) {
      const { io, err } = capture();
      expect(await runCli(argv, io)).toBe(2);
      expect(err[0]).toMatch(/^dosing-ledger: /);
    }
  });

  it('reports a signed session whose charted entry was edited in the file', async () => {
    const raw = new Database(db);
    raw.exec('DROP TRIGGER session_entries_no_update');
    const signed = raw.prepare('SELECT session_id AS sessionId, id FROM session_signatures').get() as {
      sessionId: number;
      id: number;
    };
    raw
      .prepare(
        "UPDATE session_entries SET content = json_set(content, '$.painNrs', 0) WHERE session_id = ? AND kind = 'observation'",
      )
      .run(signed.sessionId);
    raw.close();
    const { io, out } = capture();
    expect(await runCli(['audit', 'verify', '--db', db], io)).toBe(1);
    expect(out).toContainEqual(
      expect.stringMatching(
        new RegExp(`^Session ${signed.sessionId} signature ${signed.id} BROKEN: what it covers hashes to [0-9a-f]{64}`),
      ),
    );
  });

  it('reports the first broken entry when the chain was edited in the file', async () => {
    const raw = new Database(db);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET action = 'patient.deleted' WHERE seq = 5").run();
    raw.close();
    const { io, out } = capture();
    expect(await runCli(['audit', 'verify', '--db', db], io)).toBe(1);
    expect(out[0]).toBe(
      'Audit chain BROKEN at entry 5: entry content does not match its hash (entry edited) (4 entries verified before it)',
    );
  });
});
