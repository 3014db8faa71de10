import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/domain/canonical-json';
import { canonicalJson } from '../../src/domain/canonical-json';
import { noLimits } from '../../src/domain/limits';
import { renderRecordSummary, renderRecordSummarySync } from '../../src/pdf/record-summary';
import type { RecordVersionView } from '../../src/domain/record-view';
import type { RecordSummaryInput } from '../../src/pdf/record-summary-input';
import { examSummaryInput, planSummaryInput } from './summary-fixture';
import { scratchDirectory, writeScratch } from '../signing/signing-fixture';

function tool(command: string, args: string[]): string {
  return execFileSync(command, args, { encoding: 'utf8' });
}

/** Page text with runs of white space folded, so wrapped lines still match. */
function pageText(path: string, page: number): string {
  return tool('pdftotext', ['-f', String(page), '-l', String(page), path, '-']).replace(/\s+/g, ' ');
}

/**
 * The input with its version replaced and record.json re-made to match it, as the records
 * service would have hashed that version.
 */
function resealed(
  input: RecordSummaryInput,
  version: RecordVersionView,
  extraVersions: RecordVersionView[] = [],
): RecordSummaryInput {
  const recordJson = canonicalJson({
    ...(JSON.parse(input.recordJson) as Record<string, JsonValue>),
    content: version.content as unknown as JsonValue,
    computed: version.computed as unknown as JsonValue,
  });
  const recordSha256 = createHash('sha256').update(recordJson).digest('hex');
  const versions = input.record.versions.map((candidate) =>
    candidate.id === version.id ? { ...version, contentSha256: recordSha256 } : candidate,
  );
  return { ...input, recordJson, recordSha256, record: { ...input.record, versions: [...versions, ...extraVersions] } };
}

function pageCount(path: string): number {
  return Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [path]))?.[1]);
}

let directory: string;
let planPath: string;
let examPath: string;
let plan: Buffer;

beforeAll(async () => {
  directory = scratchDirectory();
  plan = await renderRecordSummary(planSummaryInput());
  planPath = writeScratch(directory, 'plan.pdf', plan);
  examPath = writeScratch(directory, 'exam.pdf', renderRecordSummarySync(examSummaryInput()));
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    // The README's picture of a summary page: UPDATE_SCREENSHOTS=1 npx vitest run tests/pdf
    tool('pdftoppm', [
      '-png',
      '-r',
      '80',
      '-singlefile',
      '-f',
      '1',
      '-l',
      '1',
      planPath,
      join(process.cwd(), 'assets/screenshots/pdf-plan-summary'),
    ]);
  }
});

describe('the plan summary', () => {
  it('is deterministic: the same input gives the same bytes, whatever was rendered before', () => {
    // Layouts and font programs are cached across documents: repeat renders, with others
    // in between, must not change a byte (a cache modified by a render would show here).
    for (let round = 0; round < 6; round += 1) {
      expect(renderRecordSummarySync(planSummaryInput()).equals(plan)).toBe(true);
      renderRecordSummarySync(planSummaryInput({ familyName: '王', givenNames: '小明', preferredName: 'عائشة' }));
      renderRecordSummarySync(examSummaryInput());
    }
    expect(tool('pdfinfo', [planPath])).toMatch(/CreationDate:\s+Mon Nov 30 15:10:00 2026 UTC/);
  });

  it('shows the patient banner, record and SHA-256 footer and "Page X of Y" on every page', () => {
    const pages = pageCount(planPath);
    expect(pages).toBeGreaterThanOrEqual(2);
    const { recordSha256 } = planSummaryInput();
    for (let page = 1; page <= pages; page += 1) {
      const text = pageText(planPath, page);
      expect(text).toContain('ŻÓŁĆ, Zoë Łucja');
      expect(text).toContain('Preferred Zoë');
      expect(text).toContain('Born 14-Sep-1971 (55y)');
      expect(text).toContain('Sex Female');
      expect(text).toContain('MRN LIC-004217');
      expect(text).toContain('ALLERGIES Penicillin (rash), Latex');
      expect(text).toContain('Lakeside Infusion Clinic');
      expect(text).toContain(`Page ${page} of ${pages}`);
      expect(text).toContain('record 12 · version 2 (version ID 45)');
      expect(text).toContain(`SHA-256 of record.json ${recordSha256}`);
    }
  });

  it('prints the plan with every derived figure, its formula and rounding rule', () => {
    const text = Array.from({ length: pageCount(planPath) }, (_, index) => pageText(planPath, index + 1)).join(' ');
    for (const expected of [
      'Ketamine hydrochloride, 50 mg/mL',
      'How it is given In an infusion bag with diluent (infusion pump). In 100 mL of 0.9% sodium chloride',
      '1.2 mg/kg of body weight',
      '160 lb = 72.5747792 kg — measured on 30-Nov-2026, entered on the plan',
      '1.2 mg/kg × 72.5747792 kg ≈ 87.09 mg',
      '≈ 87.09 mg over 40 min ≈ 130.63 mg/h',
      // Worked from the entries, so "=" and "exact" hold as printed.
      '1.2 mg/kg over 40 min = 1.8 mg/kg/h 1.8 mg/kg/h exact',
      '≈ 101.74 mL over 40 min ≈ 152.61 mL/h',
      'rounded to 0.01 mL/h',
      '130.63 mg/h · 1.8 mg/kg/h · 152.61 mL/h',
      'Draw up 1.74 mL',
      '6 infusions, 7 days apart',
      'Every 15 min',
      'Ondansetron 4 mg IV before the infusion',
      'Midazolam 1 mg IV for emergence reactions',
      'Clinic limits in force (formulary version 3)',
      '0.1–1 mg/kg',
      '0.05–2 mg/kg',
      'at most 100 mg',
      "Outside your clinic's configured range",
      "Dose per kg 1.2 mg/kg is outside your clinic's configured range: 0.1–1 mg/kg.",
      'Reason given by the physician: Partial response at 0.5 mg/kg over three sessions',
      'Exam this plan rests on',
      'Fibromyalgia (ICD-10 M79.7)',
      'Version and amendment history',
      'Superseded',
      'Dose raised after tolerability review; weight re-measured in pounds. (amends version 1)',
      'Signed by Ana Ruiz, MD — authored — 30-Nov-2026 10:10 UTC−05:00',
      '21 CFR Part 11',
      '§ 11.50',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/recommended/i);
    expect(text).not.toContain('Signing needs a reason');
  });

  it('embeds the canonical JSON as record.json and states its SHA-256 in the document information', () => {
    expect(tool('pdfdetach', ['-list', planPath])).toContain('1: record.json');
    tool('pdfdetach', ['-save', '1', '-o', join(directory, 'record.json'), planPath]);
    const input = planSummaryInput();
    expect(readFileSync(join(directory, 'record.json'), 'utf8')).toBe(input.recordJson);
    expect(plan.toString('latin1')).toContain(`/RecordSHA256 `);
    expect(plan.toString('latin1')).toContain(`(${input.recordSha256})`);
  });

  it('embeds its fonts (subsets), and only the faces it needs', () => {
    const fonts = tool('pdffonts', [planPath]);
    const rows = fonts
      .split('\n')
      .slice(2)
      .filter((row) => row.trim() !== '');
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row).toMatch(/Identity-H\s+yes\s+yes\s+yes/);
    expect(fonts).toContain('NotoSans-Regular');
    expect(fonts).toContain('NotoSans-Bold');
    expect(fonts).not.toContain('NotoSansCJKsc');
  });
});

describe('names in every script', () => {
  it.each([
    ['Chinese', { familyName: '王', givenNames: '小明' }, ['NotoSansCJKsc-Regular'], '王, 小明'],
    ['Arabic', { familyName: 'الفارسي', givenNames: 'عائشة' }, ['NotoSansArabic-Bold'], null],
    ['Greek and Cyrillic', { familyName: 'Παππά', givenNames: 'Пётр' }, ['NotoSans-Bold'], 'ΠΑΠΠΆ, Пётр'],
    ['Polish', { familyName: 'Żółć', givenNames: 'Łukasz' }, ['NotoSans-Bold'], 'ŻÓŁĆ, Łukasz'],
  ])('prints a %s name exactly with an embedded font', (_, names, faces, extracted) => {
    const path = writeScratch(
      directory,
      `names-${faces[0] ?? 'x'}.pdf`,
      renderRecordSummarySync(planSummaryInput(names)),
    );
    const fonts = tool('pdffonts', [path]);
    for (const face of faces) expect(fonts).toMatch(new RegExp(`${face}\\s+CID .*yes\\s+yes\\s+yes`));
    if (extracted !== null) expect(pageText(path, 1)).toContain(extracted);
    // Rendering must succeed (poppler draws every glyph); looked at by eye during development.
    tool('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', path, join(directory, 'names')]);
  });
});

describe('the exam summary', () => {
  it('prints the exam in full with the signature block', () => {
    const pages = pageCount(examPath);
    const text = Array.from({ length: pages }, (_, index) => pageText(examPath, index + 1)).join(' ');
    for (const expected of [
      'Exam — signed summary',
      'Exam date 23-Nov-2026',
      'Fibromyalgia (ICD-10 M79.7)',
      'Candidate — Refractory to first-line treatment.',
      'Blood pressure 122/78 mmHg · Heart rate 72 beats/min · SpO2 98 % · Respiratory rate 14 breaths/min · Temperature 36.8 °C',
      '72.4 kg — measured on 23-Nov-2026',
      'PHQ-9 8 of 27 · GAD-7 not recorded · PCL-5 not recorded · Pain (NRS) 7 of 10',
      'Psychosis (past or present) No',
      'Duloxetine 60 mg daily',
      'Nausea after general anaesthesia (2014).',
      // Screening items are questions, so the answer reads plainly (issue 20, point 16).
      'Question (as the clinic worded it)',
      'Has the patient eaten or drunk when told to fast? No',
      'Widespread tenderness; no focal neurological deficit.',
      'Signed by Ana Ruiz, MD — authored — 23-Nov-2026 10:30 UTC−05:00',
    ]) {
      expect(text).toContain(expected);
    }
    expect(pageText(examPath, pages)).toContain(`Page ${pages} of ${pages}`);
  });
});

describe('a long record', () => {
  it('flows over as many pages as it needs, with the banner and page numbers on each', () => {
    const input = examSummaryInput();
    const [version] = input.record.versions;
    if (version?.recordType !== 'exam') throw new Error('fixture');
    const findings = Array.from(
      { length: 60 },
      (_, index) => `Observation ${index + 1}: tenderness over the trapezius, graded and recorded; no focal deficit.`,
    ).join('\n');
    const history = Array.from({ length: 40 }, (_, index) => ({
      ...version,
      id: 1000 + index,
      version: index + 2,
      displayStatus: 'Superseded' as const,
      amendmentReason: `Correction ${index + 1} of the history notes after review with the patient.`,
    }));
    const long = resealed(input, { ...version, content: { ...version.content, findings } }, history);
    const path = writeScratch(directory, 'long.pdf', renderRecordSummarySync(long));
    const pages = pageCount(path);
    expect(pages).toBeGreaterThanOrEqual(4);
    for (let page = 1; page <= pages; page += 1) {
      const text = pageText(path, page);
      expect(text).toContain('ŻÓŁĆ, Zoë Łucja');
      expect(text).toContain('ALLERGIES Penicillin (rash), Latex');
      expect(text).toContain(`Page ${page} of ${pages}`);
    }
  });
});

describe('input checks', () => {
  it('refuses a record JSON that does not hash to the SHA-256 given', () => {
    const input: RecordSummaryInput = { ...planSummaryInput(), recordJson: '{"edited":true}' };
    expect(() => renderRecordSummarySync(input)).toThrow(/does not hash/);
  });

  it('refuses to print a version other than the one the record JSON describes', () => {
    const input = planSummaryInput();
    const versions = input.record.versions.map((version) =>
      version.recordType === 'plan' && version.id === input.versionId
        ? { ...version, content: { ...version.content, doseMgPerKg: '0.5' } }
        : version,
    );
    expect(() => renderRecordSummarySync({ ...input, record: { ...input.record, versions } })).toThrow(
      /does not describe the version/,
    );
  });

  it('refuses a draft version and a plan without its exam', async () => {
    const input = planSummaryInput();
    const drafted = {
      ...input,
      record: {
        ...input.record,
        versions: input.record.versions.map((version) => ({ ...version, status: 'draft' as const, signedAt: null })),
      },
    };
    expect(() => renderRecordSummarySync(drafted)).toThrow(/Only a signed version/);
    await expect(renderRecordSummary({ ...input, examVersion: null })).rejects.toThrow(/needs the signed exam version/);
  });

  it('says so plainly when the clinic configured no limits for the drug', () => {
    const input = planSummaryInput();
    const version = input.record.versions.find((candidate) => candidate.id === input.versionId);
    if (version?.recordType !== 'plan' || version.computed === null) throw new Error('fixture');
    const unlimited = {
      ...version,
      computed: { ...version.computed, limits: noLimits, noLimitsConfigured: true, findings: [] },
    };
    const path = writeScratch(directory, 'no-limits.pdf', renderRecordSummarySync(resealed(input, unlimited)));
    const text = Array.from({ length: pageCount(path) }, (_, index) => pageText(path, index + 1)).join(' ');
    expect(text).toContain('Your clinic has configured no limits for this drug');
  });
});
