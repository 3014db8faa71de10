import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { appendAudit } from '../../src/db/audit-log';
import { rowAuditFields } from '../../src/db/row-state';
import type { AuditedLedger } from '../support/audited-ledger';
import { auditedLedger } from '../support/audited-ledger';
import type { TamperCopy } from '../support/tamper-copy';
import { tamper as tamperWith } from '../support/tamper-copy';

/**
 * Records, their versions, signatures and events, signing certificates, root key wraps and the
 * backup settings, edited with every trigger dropped: each case on its own copy of one ledger
 * built through the services.
 */
let built: AuditedLedger;

beforeAll(() => {
  built = auditedLedger();
}, 180_000);
afterAll(() => built.app.cleanup());

const tamper = (edit: (copy: TamperCopy) => void) => tamperWith(built.app, edit);
const deleted = (row: string): unknown =>
  expect.stringMatching(new RegExp(`^${row}: deleted outside the app \\(audit entry \\d+ records it\\)$`));
const differs = (row: string): unknown =>
  expect.stringMatching(new RegExp(`^${row}: the row differs from the audit trail, as of audit entry \\d+$`));
const added = (row: string) => `${row}: no audit entry records this row (added outside the app)`;

describe('records, versions, signatures and events', () => {
  it('report a draft version edited and one deleted', () => {
    const id = built.draftVersionId;
    const edited = tamper((copy) =>
      copy.raw.prepare(`UPDATE record_versions SET amendment_reason = 'Typo' WHERE id = ?`).run(id),
    );
    expect(edited.problems).toEqual([differs(`record_versions row ${id} \\(record \\d+\\)`)]);
    const removed = tamper((copy) => copy.raw.prepare('DELETE FROM record_versions WHERE id = ?').run(id));
    expect(removed.problems).toEqual([deleted(`record_versions row ${id}`)]);
  });

  it('report a signature edited, and a discontinuation edited or deleted', () => {
    const signature = tamper((copy) =>
      copy.raw
        .prepare("UPDATE signatures SET printed_name = 'Someone Else, MD' WHERE version_id = ?")
        .run(built.planVersionId),
    );
    expect(signature.problems).toEqual([differs(`signatures row \\d+ \\(version ${built.planVersionId}\\)`)]);
    const reason = tamper((copy) => copy.raw.exec("UPDATE record_events SET reason = 'Patient request'"));
    expect(reason.problems).toEqual([differs(`record_events row \\d+ \\(record ${built.planRecordId}\\)`)]);
    const event = tamper((copy) => copy.raw.exec('DELETE FROM record_events'));
    expect(event.problems).toEqual([deleted('record_events row \\d+')]);
  });

  it('report a whole signed record deleted: record, versions, signatures, event and PDFs', () => {
    const { problems } = tamper((copy) => {
      const versions = `SELECT id FROM record_versions WHERE record_id = ${built.planRecordId}`;
      copy.raw.exec(`DELETE FROM signed_documents WHERE version_id IN (${versions});
                     DELETE FROM signatures WHERE version_id IN (${versions});
                     DELETE FROM record_events WHERE record_id = ${built.planRecordId};
                     DELETE FROM record_versions WHERE record_id = ${built.planRecordId};
                     DELETE FROM records WHERE id = ${built.planRecordId};`);
    });
    expect(problems).toEqual([
      deleted(`records row ${built.planRecordId}`),
      deleted(`record_versions row ${built.planVersionId}`),
      deleted('signatures row \\d+'),
      deleted('record_events row \\d+'),
      deleted('signed_documents row \\d+'),
    ]);
  });

  it("report an infusion session moved to another patient's plan", () => {
    const { problems } = tamper((copy) =>
      copy.raw.prepare('UPDATE infusion_sessions SET series_number = 9 WHERE id = ?').run(built.openSessionId),
    );
    expect(problems).toEqual([differs(`infusion_sessions row ${built.openSessionId} \\(patient \\d+\\)`)]);
  });
});

describe('signing certificates and root key wraps', () => {
  it("report a certificate added for an attacker's own key", () => {
    let id = 0;
    const { problems } = tamper((copy) => {
      copy.raw
        .exec(`INSERT INTO signing_identities (kind, user_id, certificate_pem, encrypted_private_key, source, created_at)
                     SELECT 'signer', user_id, certificate_pem, encrypted_private_key, 'imported', created_at
                       FROM signing_identities WHERE kind = 'signer' ORDER BY id DESC LIMIT 1`);
      id = copy.value('SELECT max(id) FROM signing_identities');
    });
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^signing_identities row ${id} \\(user \\d+\\): no audit entry`)),
    ]);
  });

  it('report the clinic root certificate replaced, a certificate deleted and a root key wrap replaced', () => {
    const replaced = tamper((copy) =>
      copy.raw.exec("UPDATE signing_identities SET certificate_pem = 'forged' WHERE kind = 'clinic-root'"),
    );
    expect(replaced.problems).toEqual([differs('signing_identities row 1 \\(clinic root\\)')]);
    const removed = tamper((copy) => copy.raw.exec("DELETE FROM signing_identities WHERE kind = 'signer'"));
    expect(removed.problems.length).toBeGreaterThanOrEqual(2);
    for (const problem of removed.problems)
      expect(problem).toMatch(/^signing_identities row \d+: deleted outside the app/);
    const wrap = tamper((copy) => copy.raw.exec("UPDATE root_key_wraps SET encrypted_private_key = 'forged'"));
    expect(wrap.problems).toEqual([differs('root_key_wraps row 1')]);
  });
});

describe('backup settings', () => {
  const insert = `INSERT INTO backup_settings (id, destination, daily_at, on_quit, keep_daily, keep_monthly, recipient,
                    wrapped_identity, updated_at)
                  VALUES (1, '/media/usb', '02:00', 1, 14, 12, 'age1xyz', 'armored', '2026-12-01T00:00:00.000Z')`;

  it('report a settings row no audit entry records', () => {
    const { problems } = tamper((copy) => copy.raw.exec(insert));
    expect(problems).toEqual([added('backup_settings row 1 (/media/usb)')]);
  });

  it('hold a row audited with rowAuditFields, and report its destination changed', () => {
    const { problems } = tamper((copy) => {
      copy.raw.transaction(() => {
        copy.raw.exec(insert);
        appendAudit(copy.raw, {
          at: new Date().toISOString(),
          actorUserId: 1,
          action: 'backups.settings-saved',
          entityType: 'backup-settings',
          entityId: '1',
          details: rowAuditFields(copy.raw, 'backup_settings', 1),
        });
      })();
      copy.raw.exec("UPDATE backup_settings SET destination = '/tmp/elsewhere'");
    });
    expect(problems).toEqual([
      expect.stringMatching(
        /^backup_settings row 1 \(\/tmp\/elsewhere\): destination differs from the audit trail \(\/media\/usb → \/tmp\/elsewhere\)/,
      ),
    ]);
  });
});

describe('audit verify on the command line', () => {
  it('exits 1 and names the table, row and problem', async () => {
    const { path } = tamper((copy) =>
      copy.raw.prepare('DELETE FROM session_entries WHERE id = ?').run(built.openEntryId),
    );
    const out: string[] = [];
    const code = await runCli(['audit', 'verify', '--db', path], { out: (line) => out.push(line), err: () => {} });
    expect(code).toBe(1);
    expect(out).toContainEqual(
      expect.stringMatching(new RegExp(`^session_entries row ${built.openEntryId} BROKEN: deleted outside the app`)),
    );
  });
});
