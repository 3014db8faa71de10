import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoDecade } from '../../src/cli/demo-decade';
import type { DecadeSummary } from '../../src/cli/demo-decade';
import { runCli } from '../../src/cli/run-cli';
import { verifyAuditChain } from '../../src/db/audit-log';
import type { TempLedger } from '../support/temp-ledger';
import { tempLedger } from '../support/temp-ledger';

/** A few weeks of the decade generator: the same services as the app, so every row valid, signed and audited. */
let ledger: TempLedger;
let summary: DecadeSummary;
const progress: number[] = [];

beforeAll(async () => {
  ledger = tempLedger();
  summary = await seedDemoDecade(ledger.ledger, {
    years: 0.12,
    chairs: 2,
    sessionsPerDay: 3,
    onProgress: (fraction) => progress.push(fraction),
  });
}, 600_000);
afterAll(() => ledger.cleanup());

const rows = <T>(sql: string): T[] => ledger.ledger.raw.prepare(sql).all() as T[];
const count = (sql: string): number => ledger.ledger.raw.prepare(sql).pluck().get() as number;

describe('the decade generator', () => {
  it('charts every clinic day full, reports progress to the end, and keeps the chain intact', () => {
    expect(summary.clinicDays).toBeGreaterThanOrEqual(28);
    expect(summary.sessions).toBe(summary.clinicDays * 3);
    expect(count('SELECT count(*) FROM infusion_sessions')).toBe(summary.sessions);
    expect(progress).toHaveLength(summary.clinicDays);
    expect(progress.every((fraction, index) => index === 0 || fraction > (progress[index - 1] ?? 1))).toBe(true);
    expect(progress.at(-1)).toBe(1);
    expect(verifyAuditChain(ledger.ledger.raw).ok).toBe(true);
    // Every call made at the time it describes, in order.
    expect(count('SELECT count(*) FROM audit_log a JOIN audit_log b ON b.seq = a.seq + 1 WHERE b.at < a.at')).toBe(0);
  });

  it('signs every infusion, exam and plan, with the signed PDF stored', () => {
    expect(count('SELECT count(*) FROM session_signatures')).toBe(summary.sessions);
    const signedRecords = rows<{ type: string; n: number }>(
      `SELECT r.type, count(*) AS n FROM records r JOIN record_versions v ON v.record_id = r.id
       WHERE v.status = 'signed' GROUP BY r.type ORDER BY r.type`,
    );
    expect(signedRecords).toContainEqual({ type: 'exam', n: summary.series });
    expect(signedRecords).toContainEqual({ type: 'plan', n: summary.series });
    expect(count('SELECT count(*) FROM signed_documents')).toBeGreaterThanOrEqual(
      summary.sessions + 2 * summary.series,
    );
  });

  it('gives each series weekly on the same weekday, six infusions, then reviews it; regulars come back', () => {
    const bySeries = rows<{ planRecordId: number; startedAt: string }>(
      'SELECT plan_record_id AS planRecordId, created_at AS startedAt FROM infusion_sessions ORDER BY id',
    ).reduce(
      (map, session) => map.set(session.planRecordId, [...(map.get(session.planRecordId) ?? []), session.startedAt]),
      new Map<number, string[]>(),
    );
    for (const starts of bySeries.values()) {
      expect(starts.length).toBeLessThanOrEqual(6);
      starts.slice(1).forEach((start, index) => {
        const days = (Date.parse(start) - Date.parse(starts[index] ?? '')) / 86_400_000;
        expect(days).toBeGreaterThanOrEqual(6.9);
      });
    }
    const completed = [...bySeries.values()].filter((starts) => starts.length === 6).length;
    expect(completed).toBeGreaterThan(0);
    expect(count(`SELECT count(*) FROM records WHERE type = 'review'`)).toBe(completed);
    // The first patient starts a new series four weeks after the first ends.
    expect(count("SELECT count(*) FROM records WHERE type = 'plan' AND patient_id = 1")).toBeGreaterThanOrEqual(1);
  });

  it('draws every dose from the register and receives deliveries as the stock runs low', () => {
    expect(count('SELECT count(DISTINCT session_id) FROM register_entries WHERE session_id IS NOT NULL')).toBe(
      summary.sessions,
    );
    expect(count('SELECT count(*) FROM register_receipts')).toBe(summary.deliveries);
  });
});

describe('dosing-ledger demo --years', () => {
  const refused = async (args: string[]) => {
    const dir = mkdtempSync(join(tmpdir(), 'decade-cli-'));
    const db = join(dir, 'ledger.db');
    const lines: string[] = [];
    const code = await runCli(['demo', '--db', db, ...args], { out: () => undefined, err: (line) => lines.push(line) });
    const written = existsSync(db);
    rmSync(dir, { recursive: true, force: true });
    return { code, lines, written };
  };

  it.each([
    [['--years', 'ten'], '--years must be'],
    [['--years', '0'], '--years must be'],
    [['--years', '21'], '--years must be'],
    [['--years', '1', '--chairs', '0'], '--chairs must be'],
    [['--years', '1', '--chairs', '2', '--per-day', '9'], '--per-day must be a whole number from 1 to 8'],
    [['--years', '1', '--patients', '10'], '--patients is for the one-month demo'],
  ])('refuses %j in one line, writing nothing', async (args, message) => {
    const { code, lines, written } = await refused(args);
    expect(code).toBe(2);
    expect(lines[0]).toContain(message);
    expect(written).toBe(false);
  });
});
