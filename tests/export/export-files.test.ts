import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { AuditEntry } from '../../src/domain/audit';
import { assertSafeExportPath } from '../../src/export/export-file';
import { buildExportFiles } from '../../src/export/export-files';
import type { Manifest } from '../../src/export/manifest';
import { pdfExportPath } from '../../src/export/pdf-files';
import { fileText } from './support/export-reader';
import { auditEntries, clinicRootPem, exportSnapshot, patients, records } from './support/snapshot-fixture';

const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const snapshot = exportSnapshot();
const files = buildExportFiles(snapshot);
const manifest = JSON.parse(fileText(files, 'manifest.json')) as Manifest;

describe('the export layout', () => {
  it('holds the PDFs, FHIR bundle and NDJSON, CSV, audit log, certificate, README and manifest', () => {
    expect(files.map((file) => file.path)).toEqual([
      'pdf/exam-1-v1.pdf',
      'pdf/exam-1-v2.pdf',
      'pdf/exam-3-v1_王.pdf',
      'pdf/plan-2-v1.pdf',
      'pdf/plan-2-v2.pdf',
      'pdf/plan-4-v1.pdf',
      'pdf/session-7-performed.pdf',
      'fhir/bundle.json',
      'fhir/ndjson/Organization.ndjson',
      'fhir/ndjson/Device.ndjson',
      'fhir/ndjson/Practitioner.ndjson',
      'fhir/ndjson/PractitionerRole.ndjson',
      'fhir/ndjson/Patient.ndjson',
      'fhir/ndjson/AllergyIntolerance.ndjson',
      'fhir/ndjson/Encounter.ndjson',
      'fhir/ndjson/Condition.ndjson',
      'fhir/ndjson/Observation.ndjson',
      'fhir/ndjson/MedicationRequest.ndjson',
      'fhir/ndjson/MedicationAdministration.ndjson',
      'fhir/ndjson/AdverseEvent.ndjson',
      'fhir/ndjson/Provenance.ndjson',
      'fhir/ndjson/AuditEvent.ndjson',
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
      'audit/audit-log.ndjson',
      'audit/checkpoint.json',
      'certificates/clinic-root.pem',
      'README.txt',
      'manifest.json',
    ]);
  });

  it('copies the signed PDFs and the clinic root byte for byte', () => {
    for (const pdf of snapshot.signedPdfs) {
      expect(files.find((file) => file.path === pdfExportPath(pdf.fileName))?.bytes).toEqual(pdf.bytes);
    }
    expect(fileText(files, 'certificates/clinic-root.pem')).toBe(clinicRootPem);
  });

  it('leaves the certificate out when the clinic has none', () => {
    const without = buildExportFiles(exportSnapshot({ clinicRootCertificatePem: null }));
    expect(without.map((file) => file.path)).not.toContain('certificates/clinic-root.pem');
    expect(fileText(without, 'README.txt')).not.toContain('--trust');
  });
});

describe('manifest.json', () => {
  it('lists every other file with its SHA-256 and size, and they match the bytes', () => {
    const others = files.filter((file) => file.path !== 'manifest.json');
    expect(manifest.files.map((entry) => entry.path)).toEqual(others.map((file) => file.path).sort());
    for (const entry of manifest.files) {
      const file = others.find((candidate) => candidate.path === entry.path);
      expect(entry.sha256, entry.path).toBe(sha256(file?.bytes ?? new Uint8Array()));
      expect(entry.bytes, entry.path).toBe(file?.bytes.byteLength);
    }
  });

  it('says who exported what, when, and the audit head', () => {
    expect(manifest).toMatchObject({
      kind: 'dosing-ledger/export-manifest',
      clinic: 'Harbor Infusion Clinic',
      exportedAt: '2026-11-23T19:05:00.000Z',
      exportedBy: { userId: 4, printedName: 'Chidi Okafor, CPA' },
      selection: 'Records from 01-Nov-2026 to 23-Nov-2026',
      auditHead: snapshot.auditHead,
    });
  });
});

describe('audit log and checkpoint', () => {
  it('writes each entry as canonical JSON, and the chain recomputes from the file alone', () => {
    const lines = fileText(files, 'audit/audit-log.ndjson').split('\n');
    expect(lines.at(-1)).toBe('');
    const entries = lines.slice(0, -1).map((line) => JSON.parse(line) as AuditEntry);
    expect(entries).toEqual(auditEntries);
    let prevHash = '0'.repeat(64);
    for (const [position, entry] of entries.entries()) {
      expect(lines[position]).toBe(canonicalJson({ ...entry }));
      const { hash, ...rest } = entry;
      expect(entry.prevHash).toBe(prevHash);
      expect(sha256(prevHash + canonicalJson({ ...rest, details: canonicalJson(rest.details) }))).toBe(hash);
      prevHash = hash;
    }
  });

  it('records the head of the whole chain, which may be ahead of the entries exported', () => {
    expect(JSON.parse(fileText(files, 'audit/checkpoint.json'))).toEqual({
      kind: 'dosing-ledger/audit-checkpoint',
      schema: 1,
      headSeq: snapshot.auditHead.seq,
      headHash: snapshot.auditHead.hash,
      exportedAt: '2026-11-23T19:05:00.000Z',
      entriesInExport: auditEntries.length,
      firstSeqInExport: 1,
      lastSeqInExport: auditEntries.length,
    });
  });
});

describe('README.txt', () => {
  const readme = fileText(files, 'README.txt');

  it('explains the contents and how to verify them, in CRLF plain text', () => {
    expect(readme).toContain('Harbor Infusion Clinic');
    expect(readme).toContain('Exported     23-Nov-2026 14:05 UTC−05:00 (2026-11-23T19:05:00.000Z UTC)');
    expect(readme).toContain('Exported by  Chidi Okafor, CPA (auditor.okafor)');
    expect(readme).toContain(`${patients.length} patients`);
    expect(readme).toContain('pdfsig pdf/FILE.pdf');
    expect(readme).toContain('dosing-ledger verify pdf/FILE.pdf --trust certificates/clinic-root.pem');
    expect(readme).toContain('dosing-ledger audit verify --db FILE');
    expect(readme).toContain('manifest.json');
    expect(readme.replaceAll('\r\n', '')).not.toContain('\n');
  });
});

describe('determinism', () => {
  it('gives the same bytes for the same snapshot', () => {
    const again = buildExportFiles(exportSnapshot());
    expect(again.map((file) => [file.path, sha256(file.bytes)])).toEqual(
      files.map((file) => [file.path, sha256(file.bytes)]),
    );
  });

  it('gives the same bytes whatever order the database returned rows in', () => {
    const shuffled = exportSnapshot({
      users: [...snapshot.users].reverse(),
      patients: [...patients].reverse(),
      records: [...records].reverse().map((record) => ({ ...record, versions: [...record.versions].reverse() })),
      auditEntries: [...auditEntries].reverse(),
      signedPdfs: [...snapshot.signedPdfs].reverse(),
    });
    const reordered = buildExportFiles(shuffled);
    expect(reordered.map((file) => [file.path, sha256(file.bytes)])).toEqual(
      files.map((file) => [file.path, sha256(file.bytes)]),
    );
  });

  it('does not change the snapshot it was given', () => {
    const input = exportSnapshot();
    const before = JSON.stringify(input, (_key, value: unknown) => (value instanceof Uint8Array ? [...value] : value));
    buildExportFiles(input);
    expect(JSON.stringify(input, (_key, value: unknown) => (value instanceof Uint8Array ? [...value] : value))).toBe(
      before,
    );
  });
});

describe('file names', () => {
  it('makes stored PDF names safe and refuses two files with the same name', () => {
    expect(pdfExportPath('../../etc/passwd')).toBe('pdf/_._.._etc_passwd');
    expect(pdfExportPath('.hidden.pdf')).toBe('pdf/_hidden.pdf');
    expect(pdfExportPath('a:b*c?.pdf')).toBe('pdf/a_b_c_.pdf');
    const pdf = snapshot.signedPdfs[0];
    if (pdf === undefined) throw new Error('fixture has no PDF');
    expect(() =>
      buildExportFiles(
        exportSnapshot({ signedPdfs: [pdf, { versionId: 102, fileName: 'EXAM-1-V1.pdf', bytes: pdf.bytes }] }),
      ),
    ).toThrow(/Two files of the export are named/);
  });

  it('refuses paths that could leave the export folder', () => {
    for (const path of ['/etc/x', '../x', 'a/../b', 'a//b', 'a\\b', 'C:/x', 'a/b.']) {
      expect(() => assertSafeExportPath(path), path).toThrow(/Unsafe path/);
    }
    expect(() => assertSafeExportPath('fhir/ndjson/Patient.ndjson')).not.toThrow();
  });
});
