import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/cli/demo';
import { appendAudit, auditRange } from '../../src/db/audit-log';
import { auditRangePages } from '../../src/db/export-audit-pages';
import { exportToPath } from '../../src/services/exports';
import { ledgerState } from '../support/ledger-state';
import type { TestApp } from '../support/test-app';
import { createTestApp } from '../support/test-app';

/**
 * The export reads its audit trail page by page through its own snapshot connection: the pages
 * must give exactly the entries the whole-range read gave, a write made while the files are being
 * written must not reach them, and the snapshot must be let go however the export ends.
 */
let app: TestApp;

beforeAll(() => {
  app = createTestApp();
  seedDemo(app.ledger, { patientCount: 3 });
}, 600_000);
afterAll(() => app.cleanup());

function appendOne(action: string): void {
  app.ledger.raw.transaction(() => {
    appendAudit(app.ledger.raw, {
      at: new Date().toISOString(),
      actorUserId: null,
      action,
      entityType: 'clinic',
      entityId: null,
      details: {},
    });
  })();
}

/** A checkpoint can empty the WAL only when no reader still holds an older snapshot. */
function noReaderHoldsASnapshot(): boolean {
  const [result] = app.ledger.raw.pragma('wal_checkpoint(PASSIVE)') as {
    busy: number;
    log: number;
    checkpointed: number;
  }[];
  return result !== undefined && result.log === result.checkpointed;
}

describe('audit pages of an export', () => {
  it('give exactly the entries and order of the whole-range read, across page boundaries', () => {
    const raw = app.ledger.raw;
    const all = auditRange(raw, null, null);
    expect(all.length).toBeGreaterThan(20);
    const middle = all[Math.floor(all.length / 3)]?.at ?? '';
    const ranges: [string | null, string | null][] = [
      [null, null],
      [middle, null],
      [null, middle],
      ['2999-01-01T00:00:00.000Z', null],
    ];
    for (const [fromIso, toIso] of ranges) {
      const expected = auditRange(raw, fromIso, toIso);
      for (const pageSize of [1, 7, expected.length, 4000]) {
        const pages = auditRangePages(raw, fromIso, toIso, Math.max(1, pageSize));
        expect([...pages.entries()]).toEqual(expected);
        expect(pages.count).toBe(expected.length);
        expect(pages.firstSeq).toBe(expected[0]?.seq ?? null);
        expect(pages.lastSeq).toBe(expected.at(-1)?.seq ?? null);
      }
    }
  });
});

describe('the export snapshot', () => {
  it('keeps what is written during the export out of its files, and lets go of the snapshot when done', async () => {
    const headAtStart = ledgerState(app.ledger.raw).head.seq;
    const out = join(app.dir, 'during-writes');
    let writes = 0;
    const job = await exportToPath(app.ledger, { from: null, to: null, patientIds: null }, out, {
      osUser: 'tester',
      onProgress: (done) => {
        // After the first file, while the rest (the audit log among them) is still to be written.
        if (done === 1) {
          appendOne('clinic.test-write-during-export');
          writes += 1;
        }
      },
    });
    expect(job.state).toBe('done');
    expect(writes).toBe(1);
    const lines = readFileSync(join(out, 'audit', 'audit-log.ndjson'), 'utf8')
      .trim()
      .split('\n');
    const seqs = lines.map((line) => (JSON.parse(line) as { seq: number }).seq);
    expect(seqs.at(-1)).toBe(headAtStart);
    expect(seqs).toHaveLength(headAtStart);
    const checkpoint = JSON.parse(readFileSync(join(out, 'audit', 'checkpoint.json'), 'utf8')) as { headSeq: number };
    expect(checkpoint.headSeq).toBe(headAtStart);
    expect(noReaderHoldsASnapshot()).toBe(true);
  });

  it('lets go of the snapshot when the export is cancelled', async () => {
    const controller = new AbortController();
    const job = await exportToPath(app.ledger, { from: null, to: null, patientIds: null }, join(app.dir, 'cancelled'), {
      osUser: 'tester',
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 1) {
          appendOne('clinic.test-write-before-cancel');
          controller.abort();
        }
      },
    });
    expect(job.state).toBe('cancelled');
    expect(noReaderHoldsASnapshot()).toBe(true);
  });
});
