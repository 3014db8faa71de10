import { describe, expect, it } from 'vitest';
import { csvBytes, csvField, csvText, neutralizeFormula } from '../../src/export/csv';
import { buildExportFiles } from '../../src/export/export-files';
import { csvRecords, fileBytes, fileText, parseCsv } from './support/export-reader';
import { auditEntries, exportSnapshot } from './support/snapshot-fixture';

describe('RFC 4180 CSV', () => {
  it('quotes a field only when it holds a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('Ruiz, Ana')).toBe('"Ruiz, Ana"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('one\nline')).toBe('"one\nline"');
    expect(csvField(null)).toBe('');
    expect(csvField(true)).toBe('yes');
    expect(csvField(72)).toBe('72');
  });

  it('ends every record with CRLF and starts the file with a UTF-8 BOM', () => {
    const text = csvText(
      ['a', 'b'],
      [
        ['1', 'x,y'],
        ['王', null],
      ],
    );
    expect(text).toBe('\uFEFFa,b\r\n1,"x,y"\r\n王,\r\n');
    expect([...csvBytes(['a'], []).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('round-trips awkward text through a strict RFC 4180 parser', () => {
    const awkward = ['Latex, "powdered" gloves', 'line one\r\nline two', ' leading space', '王 小明', ''];
    expect(
      parseCsv(
        csvText(
          ['value'],
          awkward.map((value) => [value]),
        ),
      ),
    ).toEqual([['value'], ...awkward.map((value) => [value])]);
  });
});

describe('CSV formula injection guard', () => {
  it('prefixes cells that a spreadsheet would run as a formula with an apostrophe', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(neutralizeFormula(`${start}HYPERLINK("http://example.invalid")`)).toBe(
        `'${start}HYPERLINK("http://example.invalid")`,
      );
    }
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('=SUM(A1,A2)')).toBe('"\'=SUM(A1,A2)"');
  });

  it('leaves plain numbers (also negative) and harmless text alone', () => {
    expect(neutralizeFormula('-5')).toBe('-5');
    expect(neutralizeFormula('-0.25')).toBe('-0.25');
    expect(neutralizeFormula('72.4')).toBe('72.4');
    expect(neutralizeFormula('a=b')).toBe('a=b');
    expect(neutralizeFormula('-5 mg')).toBe("'-5 mg");
  });
});

const files = buildExportFiles(exportSnapshot());
const table = (name: string) => csvRecords(fileText(files, `csv/${name}`));

describe('the CSV files of an export', () => {
  it('writes users, patients, exams, plans, signatures, sessions, the register and the audit log, each with a BOM and CRLF', () => {
    const names = files.filter((file) => file.path.startsWith('csv/')).map((file) => file.path);
    expect(names).toEqual([
      'csv/users.csv',
      'csv/patients.csv',
      'csv/exams.csv',
      'csv/plans.csv',
      'csv/reviews.csv',
      'csv/signatures.csv',
      'csv/sessions.csv',
      'csv/session-events.csv',
      'csv/session-observations.csv',
      'csv/session-adverse-events.csv',
      'csv/session-signatures.csv',
      'csv/consents.csv',
      'csv/register-receipts.csv',
      'csv/register-containers.csv',
      'csv/register-entries.csv',
      'csv/register-inventories.csv',
      'csv/audit-log.csv',
    ]);
    for (const name of names) {
      const bytes = fileBytes(files, name);
      expect([...bytes.slice(0, 3)], name).toEqual([0xef, 0xbb, 0xbf]);
      expect(fileText(files, name).endsWith('\r\n'), name).toBe(true);
      expect(fileText(files, name).replaceAll('\r\n', '')).not.toMatch(/(?<!")\n/);
    }
  });

  it('keeps names in any script exactly, and guards a phone number that starts with +', () => {
    const patients = table('patients.csv');
    expect(patients.map((row) => [row.family_name, row.given_names])).toEqual([
      ['Ruiz', 'Ana María'],
      ['王', '小明'],
      ['Żółć', 'Zoë'],
    ]);
    expect(patients[0]).toMatchObject({ phone: "'+1 555 0100", allergies: 'Penicillin; Latex, "powdered" gloves' });
    expect(patients[1]).toMatchObject({ allergies: 'No known allergies', allergy_status: 'none-known' });
    expect(patients[2]).toMatchObject({ allergies: 'Allergies not recorded', sex: 'Other' });
  });

  it('lists every plan version with its status word, derived figures, reasons, signers and hash', () => {
    const plans = table('plans.csv');
    expect(plans.map((row) => [row.record_id, row.version, row.status])).toEqual([
      ['2', '1', 'Superseded'],
      ['2', '2', 'Amended'],
      ['2', '3', 'Draft'],
      ['4', '1', 'Discontinued'],
    ]);
    expect(plans[0]).toMatchObject({
      dose_mg_per_kg: '1.5',
      total_mg: '108.6',
      rate_ml_per_h: '153.26',
      // How it is given, and no pump named: no pump rate or delivered dose to report.
      administration: 'bag',
      pump_id: '',
      pump_rate_ml_per_h: '',
      superseded_by_version_id: '202',
      override_reasons:
        'Dose per kg: Tolerated 1.5 mg/kg in the previous series without adverse events | Total dose: =Weight-based dose above the usual total; reviewed with the patient',
    });
    expect(plans[0]?.limit_findings).toContain("outside your clinic's configured range: 0.1–1 mg/kg");
    expect(plans[1]).toMatchObject({
      total_mg: '43.44',
      rate_mg_per_h: '65.16',
      amendment_reason: 'Dissociation at 1.5 mg/kg: dose reduced',
      signatures:
        'Ana Ruiz, MD — authored — 09-Nov-2026 09:10 UTC−05:00; Karim Haddad, DO, PhD — approved — 09-Nov-2026 09:30 UTC−05:00',
    });
    expect(plans[1]?.content_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(plans[2]).toMatchObject({ signed_at_utc: '', content_sha256: '', total_mg: '' });
    expect(plans[3]).toMatchObject({
      weight_value: '160',
      weight_unit: 'lb',
      weight_kg: '72.5747792',
      discontinued_reason: 'Patient moved to another clinic',
      discontinued_at_local: '20-Nov-2026 13:00 UTC−05:00',
    });
  });

  it('lists exams with vitals, totals and status, and each signature on its own row with its PDF', () => {
    const exams = table('exams.csv');
    expect(exams.map((row) => [row.record_id, row.status, row.systolic_mmhg, row.gad7_total])).toEqual([
      ['1', 'Superseded', '122', '3'],
      ['1', 'Amended', '132', ''],
      ['3', 'Signed', '118', ''],
      ['5', 'Draft', '122', ''],
    ]);
    expect(exams[2]).toMatchObject({ weight_kg: '72.5747792', history_cardiac_disease: 'no', candidacy: 'Candidate' });
    const signatures = table('signatures.csv');
    expect(signatures).toHaveLength(8);
    expect(signatures.find((row) => row.signature_id === '7')).toMatchObject({
      meaning: 'authored',
      signed_pdf: 'pdf/exam-3-v1_王.pdf',
      signed_at_local: '05-Nov-2026 10:20 UTC−05:00',
    });
  });

  it('writes the audit log with canonical details and the chain hashes', () => {
    const audit = table('audit-log.csv');
    expect(audit).toHaveLength(auditEntries.length);
    expect(audit[0]).toMatchObject({ seq: '1', actor: '', action: 'auth.sign-in-failed', prev_hash: '0'.repeat(64) });
    expect(audit[9]).toMatchObject({ actor: 'Ana Ruiz, MD', details: '{"reason":"Patient moved to another clinic"}' });
    expect(audit.map((row) => row.hash)).toEqual(auditEntries.map((entry) => entry.hash));
  });
});
