import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/domain/canonical-json';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { ExamPretreatment } from '../../src/domain/pretreatment-results';
import type { RecordSummaryInput } from '../../src/pdf/record-summary-input';
import { renderRecordSummarySync } from '../../src/pdf/record-summary';
import { scratchDirectory, writeScratch } from '../signing/signing-fixture';
import { examSummaryInput } from './summary-fixture';

const pretreatment: ExamPretreatment = {
  results: [
    {
      id: 'ecg-1',
      takenOn: '2025-10-01',
      source: { type: 'outside', reference: 'City Cardiology 4411' },
      recordedBy: { userId: 2, printedName: 'Ana Ruiz, MD' },
      recordedAt: '2026-03-01T10:00:00.000Z',
      note: '',
      value: { kind: 'ecg', rhythm: 'Sinus rhythm', rateBpm: 68, qtcMs: 421, interpretation: 'normal', text: '' },
    },
    {
      id: 'kidney-1',
      takenOn: '2026-02-20',
      source: { type: 'in-house' },
      recordedBy: { userId: 2, printedName: 'Ana Ruiz, MD' },
      recordedAt: '2026-03-01T10:00:00.000Z',
      note: '',
      value: { kind: 'kidney', creatinineMgPerDl: '0.82', egfrMlMin173m2: '94' },
    },
  ],
  acknowledgement: {
    reason: 'Repeat ECG booked for next week',
    problems: ['ECG: Stale — 151 days old, limit 90 days'],
  },
};

/** The fixture's exam with results, and record.json re-made to match, as the service hashes it. */
function withPretreatment(input: RecordSummaryInput): RecordSummaryInput {
  const versions = input.record.versions.map((version) =>
    version.id === input.versionId && version.recordType === 'exam'
      ? { ...version, content: { ...version.content, pretreatment } }
      : version,
  );
  const version = versions.find((candidate) => candidate.id === input.versionId);
  const recordJson = canonicalJson({
    ...(JSON.parse(input.recordJson) as Record<string, JsonValue>),
    content: version?.content as unknown as JsonValue,
  });
  const recordSha256 = createHash('sha256').update(recordJson).digest('hex');
  const sealed = versions.map((candidate) =>
    candidate.id === input.versionId ? { ...candidate, contentSha256: recordSha256 } : candidate,
  );
  return { ...input, recordJson, recordSha256, record: { ...input.record, versions: sealed } };
}

describe('pre-treatment results in the exam PDF', () => {
  it('prints each result with its date, value, source and who entered it, and the reason for signing without one', () => {
    const directory = scratchDirectory();
    const path = writeScratch(directory, 'exam.pdf', renderRecordSummarySync(withPretreatment(examSummaryInput())));
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Pre-treatment results');
    expect(text).toContain('01-Oct-2025');
    expect(text).toContain('QTc 421 ms');
    // Table cells wrap, and pdftotext reads wrapped cells across the row: match each line.
    expect(text).toContain('Outside: City');
    expect(text).toContain('Cardiology 4411');
    expect(text).toContain('Creatinine 0.82 mg/dL');
    expect(text).toContain('ECG: Stale — 151 days old, limit 90 days');
    expect(text).toContain('Repeat ECG booked for next week');
    if (process.env.PRETREATMENT_PNG !== undefined) {
      execFileSync('pdftoppm', ['-png', '-r', '60', path, process.env.PRETREATMENT_PNG]);
    }
  });

  it('prints no section for an exam without results', () => {
    const directory = scratchDirectory();
    const path = writeScratch(directory, 'exam.pdf', renderRecordSummarySync(examSummaryInput()));
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).not.toContain('Pre-treatment results');
  });
});
