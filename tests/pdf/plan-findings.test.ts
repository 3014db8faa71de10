import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { demoKetamine } from '../../src/cli/demo-clinical';
import type { JsonValue } from '../../src/domain/canonical-json';
import { canonicalJson } from '../../src/domain/canonical-json';
import type { PlanContent } from '../../src/domain/plan';
import { evaluatePlan } from '../../src/domain/plan';
import type { PlanComputed } from '../../src/domain/record-view';
import { weightKg } from '../../src/domain/weight';
import { renderRecordSummarySync } from '../../src/pdf/record-summary';
import type { RecordSummaryInput } from '../../src/pdf/record-summary-input';
import { scratchDirectory, writeScratch } from '../signing/signing-fixture';
import { planSummaryInput } from './summary-fixture';

/**
 * Issue 12, point 2, on paper: a signed plan whose rate per kg is a repeating fraction
 * (a fixed 40 mg over 60 min for 75 kg is 8/15 mg/kg/h) prints it by the mg/kg/h rule, with
 * "≈", in its finding and in the limits table, never with 40 digits.
 */

const today = '2026-11-30';
const drug = {
  ...demoKetamine,
  limits: { ...demoKetamine.limits, rateMgPerKgPerH: { hardMin: null, softMin: null, softMax: '0.5', hardMax: null } },
};

/** The fixture's signed plan version with this content, re-hashed as the records service would. */
function planInput(content: PlanContent): RecordSummaryInput {
  const input = planSummaryInput();
  const version = input.record.versions.find((candidate) => candidate.id === input.versionId);
  if (version?.recordType !== 'plan' || version.computed === null) throw new Error('fixture');
  const evaluation = evaluatePlan(content, [drug], today);
  const computed: PlanComputed = {
    ...version.computed,
    evaluatedOn: today,
    derived: evaluation.derivation?.rounded ?? {},
    lines: evaluation.derivation?.lines ?? [],
    findings: evaluation.findings,
    limits: drug.limits,
    noLimitsConfigured: evaluation.noLimitsConfigured,
    weightAgeDays: evaluation.weightAgeDays,
    weightKg: content.weight === null ? null : weightKg(content.weight).toString(),
  };
  const recordJson = canonicalJson({
    ...(JSON.parse(input.recordJson) as Record<string, JsonValue>),
    content: content as unknown as JsonValue,
    computed: computed as unknown as JsonValue,
  });
  const recordSha256 = createHash('sha256').update(recordJson).digest('hex');
  const versions = input.record.versions.map((candidate) =>
    candidate.id === version.id ? { ...version, content, computed, contentSha256: recordSha256 } : candidate,
  );
  return { ...input, recordJson, recordSha256, record: { ...input.record, versions } };
}

function pdfText(path: string): string {
  return execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('findings on the signed plan summary', () => {
  it('prints a repeating rate per kg as ≈ 0.533 mg/kg/h, in the finding and the limits table', () => {
    const version = planSummaryInput().record.versions.find((candidate) => candidate.id === 45);
    if (version?.recordType !== 'plan') throw new Error('fixture');
    const content: PlanContent = {
      ...version.content,
      doseBasis: 'fixed',
      doseMgPerKg: null,
      doseMg: '40',
      durationMin: 60,
      weight: { value: '75', unit: 'kg', measuredOn: today, source: 'measured', from: 'entered' },
      overrideReasons: { rateMgPerKgPerH: 'Rate agreed with the patient after review.' },
    };
    const path = writeScratch(scratchDirectory(), 'plan-findings.pdf', renderRecordSummarySync(planInput(content)));
    const text = pdfText(path);
    expect(text).toContain(
      "Rate per kg ≈ 0.533 mg/kg/h is outside your clinic's configured range: at most 0.5 mg/kg/h.",
    );
    expect(text).toMatch(/Rate per kg ≈ 0\.533 mg\/kg\/h at most 0\.5 mg\/kg\/h Not configured Outside/);
    expect(text).toContain('Reason given by the physician: Rate agreed with the patient after review.');
    // No figure anywhere on the pages carries more decimals than an entry may have.
    expect(text).not.toMatch(/\d\.\d{7,}/);
  });
});
