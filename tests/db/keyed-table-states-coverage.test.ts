import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../src/db/audit-log';
import { keyedRowFields } from '../../src/db/keyed-tables';
import { rowAuditFields } from '../../src/db/row-state';
import { verifyTableStates } from '../../src/db/table-states';
import { tempLedger } from '../support/temp-ledger';

const at = (day: number) => `2026-01-${String(day).padStart(2, '0')}T10:00:00.000Z`;

function insertAdmin(raw: ReturnType<typeof tempLedger>['ledger']['raw']): void {
  raw
    .prepare(
      `INSERT INTO users (id, username, display_name, credentials, role, password_hash, must_change_password, active,
                          failed_sign_ins, created_at, updated_at)
       VALUES (1, 'admin', 'Alex Admin', '', 'admin', 'scrypt$x', 0, 1, 0, ?, ?)`,
    )
    .run(at(1), at(1));
}

describe('rows written before keyed row digests were recorded', () => {
  it('are listed as not covered, never as tampering; rows added since are reported', () => {
    const old = tempLedger();
    try {
      const raw = old.ledger.raw;
      const addConfiguration = raw.prepare(
        `INSERT INTO session_configuration_versions (version, content, created_at, created_by) VALUES (?, '{}', ?, 1)`,
      );
      const addFormulary = raw.prepare(
        `INSERT INTO formulary_versions (version, content, created_at, created_by, reason) VALUES (?, '{}', ?, 1, 'r')`,
      );
      raw.transaction(() => {
        insertAdmin(raw);
        appendAudit(raw, {
          at: at(1),
          actorUserId: 1,
          action: 'user.created',
          entityType: 'user',
          entityId: '1',
          details: {},
        });
        // Users were held by digest before keyed tables were: that does not start their coverage.
        appendAudit(raw, {
          at: at(1),
          actorUserId: 1,
          action: 'auth.password-changed',
          entityType: 'user',
          entityId: '1',
          details: rowAuditFields(raw, 'users', 1),
        });
        // The old app audited a formulary version by its number only, and a configuration not at all.
        addFormulary.run(1, at(2));
        appendAudit(raw, {
          at: at(2),
          actorUserId: 1,
          action: 'formulary.updated',
          entityType: 'formulary',
          entityId: '1',
          details: { version: 1 },
        });
        addConfiguration.run(1, at(3));
      })();
      const before = verifyTableStates(raw);
      expect(before.problems).toEqual([]);
      expect(before.notCovered.map((row) => row.message)).toEqual(
        expect.arrayContaining([
          'formulary_versions row 1: not covered: last changed before row digests were recorded',
          'session_configuration_versions row 1: not covered: last changed before row digests were recorded',
        ]),
      );

      // The upgraded app records digests from here on; a version slipped in afterwards is caught.
      raw.transaction(() => {
        addFormulary.run(2, at(10));
        appendAudit(raw, {
          at: at(10),
          actorUserId: 1,
          action: 'formulary.updated',
          entityType: 'formulary',
          entityId: '2',
          details: { version: 2, ...keyedRowFields(raw, 'formulary_versions', 2) },
        });
      })();
      addConfiguration.run(2, at(11));
      const after = verifyTableStates(raw);
      expect(after.problems.map((problem) => problem.message)).toEqual([
        'session_configuration_versions row 2: no audit entry records this row (added outside the app)',
      ]);
      expect(after.notCovered.map((row) => row.message)).toContain(
        'session_configuration_versions row 1: not covered: last changed before row digests were recorded',
      );
    } finally {
      old.cleanup();
    }
  });
});

describe('a ledger with many session entries', () => {
  it('is verified in one streaming pass and a deleted entry among 100,000 is found', () => {
    const big = tempLedger();
    const total = 100_000;
    try {
      const raw = big.ledger.raw;
      raw.pragma('foreign_keys = OFF');
      const insert = raw.prepare(
        `INSERT INTO session_entries (id, session_id, kind, occurred_at, recorded_at, user_id, printed_name, content)
         VALUES (?, ?, 'observation', ?, ?, 1, 'Li Chen, RN', ?)`,
      );
      const started = performance.now();
      raw.transaction(() => {
        for (let id = 1; id <= total; id += 1) {
          const sessionId = Math.ceil(id / 20);
          insert.run(id, sessionId, at(5), at(5), `{"painNrs":${id % 10},"notes":""}`);
          appendAudit(raw, {
            at: at(5),
            actorUserId: 1,
            action: 'session.entry-added',
            entityType: 'session',
            entityId: String(sessionId),
            details: { kind: 'observation', ...keyedRowFields(raw, 'session_entries', id) },
          });
        }
      })();
      const built = performance.now() - started;
      const verifyStarted = performance.now();
      const result = verifyTableStates(raw);
      const elapsedMs = performance.now() - verifyStarted;
      console.log(
        `verifyTableStates: ${total} session entries + ${total} audit entries in ${elapsedMs.toFixed(0)} ms ` +
          `(${Math.round(total / (elapsedMs / 1000))} entries/s; building took ${built.toFixed(0)} ms)`,
      );
      expect(result.problems).toEqual([]);
      expect(result.checked).toBe(total);
      raw.exec('DROP TRIGGER session_entries_no_delete');
      raw.prepare('DELETE FROM session_entries WHERE id = ?').run(54_321);
      expect(verifyTableStates(raw).problems.map((problem) => problem.message)).toEqual([
        expect.stringMatching(/^session_entries row 54321: deleted outside the app \(audit entry 54321 records it\)$/),
      ]);
    } finally {
      big.cleanup();
    }
  }, 300_000);
});
