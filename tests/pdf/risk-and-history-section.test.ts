import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/domain/canonical-json';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { ExamContent } from '../../src/domain/exam';
import type { RecordSummaryInput } from '../../src/pdf/record-summary-input';
import { renderRecordSummarySync } from '../../src/pdf/record-summary';
import { scratchDirectory, writeScratch } from '../signing/signing-fixture';
import { examSummaryInput } from './summary-fixture';

const added: Partial<ExamContent> = {
  priorTreatments: [
    {
      kind: 'medication',
      name: 'Sertraline',
      details: '150 mg daily',
      from: '2019-03',
      to: '2019-09',
      outcome: 'no-response',
      adequateTrial: 'yes',
      note: '',
    },
    {
      kind: 'procedure',
      name: 'Stellate ganglion block',
      details: 'Right, ×2',
      from: '2021',
      to: null,
      outcome: 'partial',
      adequateTrial: null,
      note: 'Relief for 3 weeks',
    },
  ],
  riskScreen: [{ itemId: 'plan', label: 'Any plan or intent to act on these thoughts?', answer: 'no' }],
  riskAcknowledgement: {
    actionTaken: 'Safety plan written with the patient; crisis line number given',
    flaggedBy: 'PHQ-9 item 9 scored 2 of 3',
  },
};

/** The fixture's exam with these parts (PHQ-9 item 9 scored 2), record.json re-made as the service hashes it. */
function withRiskAndHistory(input: RecordSummaryInput): RecordSummaryInput {
  const versions = input.record.versions.map((version) => {
    if (version.id !== input.versionId || version.recordType !== 'exam') return version;
    const phq9 = [1, 2, 1, 0, 1, 2, 1, 0, 2];
    return { ...version, content: { ...version.content, ...added, scales: { ...version.content.scales, phq9 } } };
  });
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

const pdfText = (path: string) => execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('prior treatments and suicide risk in the exam PDF', () => {
  it('prints the treatments as a table and the flagged risk framed, with what was done', () => {
    const directory = scratchDirectory();
    const path = writeScratch(directory, 'exam.pdf', renderRecordSummarySync(withRiskAndHistory(examSummaryInput())));
    const text = pdfText(path);
    expect(text).toContain('Prior treatments');
    expect(text).toContain('Sertraline');
    expect(text).toContain('150 mg daily');
    expect(text).toContain('Mar-2019 to Sep-2019');
    expect(text).toContain('No response; adequate trial: Yes');
    expect(text).toContain('Stellate ganglion block');
    expect(text).toContain('Partial response');
    expect(text).toContain('SUICIDE RISK FLAGGED: PHQ-9 item 9 scored 2 of 3');
    expect(text).toContain('Safety plan written with the patient; crisis line number given');
    expect(text).toContain('Any plan or intent to act on these thoughts?');
    if (process.env.RISK_PNG !== undefined) execFileSync('pdftoppm', ['-png', '-r', '60', path, process.env.RISK_PNG]);
  });

  it('prints neither for an exam written before they existed', () => {
    const directory = scratchDirectory();
    const text = pdfText(writeScratch(directory, 'exam.pdf', renderRecordSummarySync(examSummaryInput())));
    expect(text).not.toContain('Prior treatments');
    expect(text).not.toContain('SUICIDE RISK');
  });
});
