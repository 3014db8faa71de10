import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/domain/canonical-json';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { CourseGoal } from '../../src/domain/course-goal';
import { renderRecordSummarySync } from '../../src/pdf/record-summary';
import type { RecordSummaryInput } from '../../src/pdf/record-summary-input';
import { scratchDirectory, writeScratch } from '../signing/signing-fixture';
import { planSummaryInput } from './summary-fixture';

/** The fixture's signed plan with this goal (or none), re-hashed as the records service would. */
function withGoal(courseGoal: CourseGoal | undefined): RecordSummaryInput {
  const input = planSummaryInput();
  const version = input.record.versions.find((candidate) => candidate.id === input.versionId);
  if (version?.recordType !== 'plan') throw new Error('fixture');
  const content = { ...version.content, ...(courseGoal === undefined ? {} : { courseGoal }) };
  const recordJson = canonicalJson({
    ...(JSON.parse(input.recordJson) as Record<string, JsonValue>),
    content: content as unknown as JsonValue,
  });
  const recordSha256 = createHash('sha256').update(recordJson).digest('hex');
  const versions = input.record.versions.map((candidate) =>
    candidate.id === version.id ? { ...version, content, contentSha256: recordSha256 } : candidate,
  );
  return { ...input, recordJson, recordSha256, record: { ...input.record, versions } };
}

function pdfText(name: string, input: RecordSummaryInput): string {
  const path = writeScratch(scratchDirectory(), name, renderRecordSummarySync(input));
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('the goal of the series on the plan’s PDF', () => {
  it('prints the goal and the definitions as the plan worded them', () => {
    const text = pdfText(
      'plan-goal.pdf',
      withGoal({
        goal: 'Back to full days at work',
        responseDefinitionIds: ['response'],
        definitionsAsWorded: [
          { id: 'response', label: 'Response', scale: 'phq9', rule: { type: 'percent-drop', percent: '50' } },
        ],
      }),
    );
    expect(text).toContain('Goal of the series');
    expect(text).toContain('Back to full days at work');
    expect(text).toContain('Response: PHQ-9 down at least 50% from baseline');
  });

  it('prints a plan signed before goals existed as before', () => {
    expect(pdfText('plan-no-goal.pdf', withGoal(undefined))).not.toContain('Goal of the series');
  });
});
