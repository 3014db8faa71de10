import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run-cli';
import { verifyTableStates } from '../../src/db/table-states';
import type { AuditedLedger } from '../support/audited-ledger';
import { auditedLedger } from '../support/audited-ledger';
import type { TamperCopy } from '../support/tamper-copy';
import { tamper as tamperWith } from '../support/tamper-copy';

/**
 * Tampering with the file itself, every trigger dropped first (as someone with sqlite3 would):
 * each case edits its own copy of one ledger built through the services, so every case starts
 * from the same intact state.
 */
let built: AuditedLedger;

beforeAll(() => {
  built = auditedLedger();
}, 180_000);
afterAll(() => built.app.cleanup());

const tamper = (edit: (copy: TamperCopy) => void) => tamperWith(built.app, edit);

describe('an untouched ledger with a row of every kind', () => {
  it('reports nothing wrong and nothing uncovered, in the library and the CLI', async () => {
    const result = verifyTableStates(built.app.ledger.raw);
    expect(result.problems).toEqual([]);
    expect(result.notCovered).toEqual([]);
    const tables = [
      'formulary_versions',
      'session_configuration_versions',
      'signing_identities',
      'root_key_wraps',
      'records',
      'record_versions',
      'signatures',
      'record_events',
      'infusion_sessions',
      'session_entries',
      'session_signatures',
      'signed_documents',
      'host_certificates',
      'register_settings_versions',
      'register_receipts',
      'register_containers',
      'register_entries',
      'register_inventories',
      'users',
      'patients',
      'clinic',
    ];
    const count = (table: string) =>
      built.app.ledger.raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    for (const table of tables) expect(count(table), table).toBeGreaterThan(0);
    expect(result.checked).toBe(tables.reduce((sum, table) => sum + count(table), 0));
    const out: string[] = [];
    const code = await runCli(['audit', 'verify', '--db', built.app.path], { out: (l) => out.push(l), err: () => {} });
    expect(code).toBe(0);
    expect(out).toContainEqual(expect.stringMatching(/^Tables intact: \d+ rows .* match their audit trail$/));
  });
});

describe('limits, formulary and session configuration versions', () => {
  it('report a limit raised inside the formulary version', () => {
    const { problems } = tamper((copy) =>
      copy.raw.exec(`UPDATE formulary_versions SET content = replace(content, '"hardMax":"200"', '"hardMax":"900"')`),
    );
    expect(problems).toEqual([
      expect.stringMatching(/^formulary_versions row 1: the row differs from the audit trail, as of audit entry \d+$/),
    ]);
  });

  it('report a formulary version inserted and one deleted', () => {
    const inserted = tamper((copy) =>
      copy.raw.exec(`INSERT INTO formulary_versions (version, content, created_at, created_by, reason)
                     SELECT 2, content, created_at, created_by, 'sqlite3' FROM formulary_versions WHERE version = 1`),
    );
    expect(inserted.problems).toEqual([
      'formulary_versions row 2: no audit entry records this row (added outside the app)',
    ]);
    const deleted = tamper((copy) => copy.raw.exec('DELETE FROM formulary_versions'));
    expect(deleted.problems).toEqual([
      expect.stringMatching(/^formulary_versions row 1: deleted outside the app \(audit entry \d+ records it\)$/),
    ]);
  });

  it('report a session configuration version edited, inserted or deleted', () => {
    const edited = tamper((copy) =>
      copy.raw.exec(
        `UPDATE session_configuration_versions SET content = replace(content, '"pcl5":false', '"pcl5":true')`,
      ),
    );
    expect(edited.problems).toEqual([
      expect.stringMatching(/^session_configuration_versions row 1: the row differs from the audit trail/),
    ]);
    const inserted = tamper((copy) =>
      copy.raw.exec(`INSERT INTO session_configuration_versions (version, content, created_at, created_by)
                     SELECT 2, content, created_at, created_by FROM session_configuration_versions`),
    );
    expect(inserted.problems).toEqual([
      'session_configuration_versions row 2: no audit entry records this row (added outside the app)',
    ]);
    const deleted = tamper((copy) => copy.raw.exec('DELETE FROM session_configuration_versions'));
    expect(deleted.problems).toEqual([
      expect.stringMatching(/^session_configuration_versions row 1: deleted outside the app/),
    ]);
  });
});

describe('session entries that carry no signature yet', () => {
  it('report one deleted', () => {
    const id = built.openEntryId;
    const { problems } = tamper((copy) => copy.raw.prepare('DELETE FROM session_entries WHERE id = ?').run(id));
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^session_entries row ${id}: deleted outside the app \\(audit entry \\d+`)),
    ]);
  });

  it('report its content edited', () => {
    const id = built.openEntryId;
    const { problems } = tamper((copy) =>
      copy.raw
        .prepare(`UPDATE session_entries SET content = replace(content, '"ivGauge":22', '"ivGauge":18') WHERE id = ?`)
        .run(id),
    );
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^session_entries row ${id} \\(session ${built.openSessionId}\\): the row differs from the audit trail, as of audit entry \\d+$`,
        ),
      ),
    ]);
  });

  it('report one inserted outside the app', () => {
    const { problems } = tamper((copy) =>
      copy.raw
        .exec(`INSERT INTO session_entries (session_id, kind, occurred_at, recorded_at, user_id, printed_name, content)
                     SELECT session_id, 'observation', occurred_at, recorded_at, user_id, printed_name, '{}'
                       FROM session_entries WHERE id = ${built.openEntryId}`),
    );
    expect(problems).toEqual([
      `session_entries row ${built.openEntryId + 1} (session ${built.openSessionId}): no audit entry records this row (added outside the app)`,
    ]);
  });
});

describe('the controlled-substance register', () => {
  it('reports a draw made smaller outside the app, and a receipt deleted', () => {
    const id = built.drawEntryId;
    const { problems } = tamper((copy) => {
      copy.raw.prepare(`UPDATE register_entries SET delta_ml = '-0.5', delta_mg = '-25' WHERE id = ?`).run(id);
      copy.raw.prepare('DELETE FROM register_receipts').run();
    });
    expect(problems).toEqual([
      expect.stringMatching(/^register_receipts row \d+: deleted outside the app \(audit entry \d+ records it\)$/),
      expect.stringMatching(
        new RegExp(
          `^register_entries row ${id} \\(container ${built.containerId}\\): the row differs from the audit trail`,
        ),
      ),
    ]);
  });
});

describe('session signatures and signed PDFs', () => {
  it('report a session signature deleted together with its PDF', () => {
    const { problems } = tamper((copy) => {
      copy.raw.prepare('DELETE FROM signed_documents WHERE session_signature_id = ?').run(built.sessionSignatureId);
      copy.raw.prepare('DELETE FROM session_signatures WHERE id = ?').run(built.sessionSignatureId);
    });
    expect(problems).toEqual([
      expect.stringMatching(new RegExp(`^session_signatures row ${built.sessionSignatureId}: deleted outside the app`)),
      expect.stringMatching(/^signed_documents row \d+: deleted outside the app \(audit entry \d+ records it\)$/),
    ]);
  });

  it("report a stored PDF's bytes replaced, and replaced with its sha256 column to match", () => {
    let documentId = 0;
    const bytesOnly = tamper((copy) => {
      documentId = copy.value('SELECT min(id) FROM signed_documents');
      copy.raw
        .prepare("UPDATE signed_documents SET pdf = CAST('%PDF-1.7 forged' AS BLOB) WHERE id = ?")
        .run(documentId);
    });
    const row = `signed_documents row ${documentId} \\([^)]+\\.pdf\\)`;
    expect(bytesOnly.problems).toEqual([
      expect.stringMatching(new RegExp(`^${row}: the stored PDF does not match its sha256 column`)),
      expect.stringMatching(new RegExp(`^${row}: the stored PDF does not match the SHA-256 audit entry \\d+ recorded`)),
      expect.stringMatching(new RegExp(`^${row}: the row differs from the audit trail`)),
    ]);
    const forged = '%PDF-1.7 forged';
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    const both = tamper((copy) =>
      copy.raw
        .prepare('UPDATE signed_documents SET pdf = CAST(? AS BLOB), sha256 = ? WHERE id = ?')
        .run(forged, sha(forged), documentId),
    );
    expect(both.problems).toEqual([
      expect.stringMatching(new RegExp(`^${row}: the stored PDF does not match the SHA-256 audit entry \\d+ recorded`)),
      expect.stringMatching(new RegExp(`^${row}: the row differs from the audit trail`)),
    ]);
  });
});

describe('host certificates the clinic root issued', () => {
  it('report one changed, one deleted and one added outside the app', () => {
    const changed = tamper((copy) =>
      copy.raw.exec(`UPDATE host_certificates SET not_after = '2099-01-01T00:00:00.000Z'`),
    );
    expect(changed.problems).toEqual([
      expect.stringMatching(
        /^host_certificates row 1 \(host names \["clinic-host\.local"\]\): the row differs from the audit trail/,
      ),
    ]);
    const deleted = tamper((copy) => copy.raw.exec('DELETE FROM host_certificates'));
    expect(deleted.problems).toEqual([
      expect.stringMatching(/^host_certificates row 1: deleted outside the app \(audit entry \d+ records it\)$/),
    ]);
    const added = tamper((copy) =>
      copy.raw.exec(`INSERT INTO host_certificates (host_names, addresses, certificate_pem, fingerprint_sha256,
                       not_before, not_after, issued_at, issued_by)
                     SELECT '["evil.example"]', addresses, certificate_pem, fingerprint_sha256, not_before, not_after,
                            issued_at, issued_by FROM host_certificates`),
    );
    expect(added.problems).toEqual([
      'host_certificates row 2 (host names ["evil.example"]): no audit entry records this row (added outside the app)',
    ]);
  });
});
