import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { backupFileName, parseBackupFileName } from '../../src/backup/backup-names';
import { backupsToDelete } from '../../src/backup/retention';

/**
 * Retention after each good backup, as a property over folders of backups: the kept set is
 * written out here independently (newest of each of the last N days and M months, by the
 * clinic's calendar) and held against what the function deletes.
 */
const zones = ['UTC', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'] as const;
const start = Date.UTC(2026, 0, 1);
const spanMs = 400 * 24 * 60 * 60_000;

const folder = fc
  .record({
    instants: fc.uniqueArray(fc.integer({ min: 0, max: spanMs / 1000 }), { minLength: 1, maxLength: 60 }),
    strangers: fc.array(
      fc.constantFrom(
        'notes.txt',
        'dosing-ledger-2026.ledger.age',
        'ledger.sqlite',
        'dosing-ledger-20260101-000000Z.ledger',
      ),
      { maxLength: 3 },
    ),
    keepDaily: fc.integer({ min: 1, max: 20 }),
    keepMonthly: fc.integer({ min: 0, max: 14 }),
    timeZone: fc.constantFrom(...zones),
    writtenIndex: fc.nat(),
  })
  .map((input) => {
    const names = input.instants.map((seconds) => backupFileName(new Date(start + seconds * 1000), 1));
    return { ...input, names, justWritten: names[input.writtenIndex % names.length] ?? '' };
  });

function expectedKept(names: string[], justWritten: string, keepDaily: number, keepMonthly: number, zone: string) {
  const byNewest = [...names].sort().reverse();
  const kept = new Set([justWritten]);
  for (const [format, count] of [
    ['yyyy-MM-dd', keepDaily],
    ['yyyy-MM', keepMonthly],
  ] as const) {
    const periods: string[] = [];
    for (const name of byNewest) {
      const at = parseBackupFileName(name)?.createdAt ?? new Date(0);
      const period = DateTime.fromJSDate(at, { zone }).toFormat(format);
      if (periods.includes(period)) continue;
      periods.push(period);
      if (periods.length <= count) kept.add(name);
    }
  }
  return kept;
}

describe('backup retention', () => {
  it('keeps the newest backup of each of the last N days and M months, and the one just written', () => {
    fc.assert(
      fc.property(folder, ({ names, strangers, justWritten, keepDaily, keepMonthly, timeZone }) => {
        const deleted = backupsToDelete([...strangers, ...names], justWritten, { keepDaily, keepMonthly, timeZone });
        const kept = expectedKept(names, justWritten, keepDaily, keepMonthly, timeZone);
        expect(deleted).not.toContain(justWritten);
        for (const stranger of strangers) expect(deleted).not.toContain(stranger);
        expect(new Set(deleted)).toEqual(new Set(names.filter((name) => !kept.has(name))));
        expect(kept.size).toBeLessThanOrEqual(keepDaily + keepMonthly + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('reads only our own names, with the second within a second after the first', () => {
    const at = new Date('2026-03-07T14:05:01Z');
    expect(parseBackupFileName(backupFileName(at, 2))).toEqual({ createdAt: at, attempt: 2 });
    expect(parseBackupFileName('dosing-ledger-20260230-140501Z.ledger.age')).toBeNull();
    expect(parseBackupFileName('dosing-ledger-20260307-140501Z.ledger.age.json')).toBeNull();
    const next = backupFileName(new Date('2026-03-08T00:00:00Z'), 1);
    const rule = { keepDaily: 1, keepMonthly: 0, timeZone: 'UTC' };
    const folder = [backupFileName(at, 1), backupFileName(at, 2), next];
    expect(backupsToDelete(folder, next, rule)).toEqual([backupFileName(at, 2), backupFileName(at, 1)]);
    expect(backupsToDelete(folder, next, { ...rule, keepDaily: 2 })).toEqual([backupFileName(at, 1)]);
  });
});
