import { describe, expect, it } from 'vitest';
import { completeExam, planWith } from '../../src/cli/demo-clinical';
import { planFormValues, planFormValuesSchema } from '../../src/renderer/features/plans/plan-form-values';

const examWeight = completeExam('2026-11-23').weight;
const weight = examWeight === null ? null : { ...examWeight, from: 'exam' as const };

describe('a plan draft kept in this window before the form gained fields', () => {
  it('is still restored: a bag with no pump named, and no reason for the checks added later', () => {
    const current = planFormValues(planWith(weight), true);
    const older: Record<string, unknown> = { ...current };
    delete older.administration;
    delete older.syringeVolumeMl;
    delete older.pumpId;
    const olderReasons: Record<string, string> = { ...current.overrideReasons };
    delete olderReasons.rateMgPerH;
    delete olderReasons.rateMlPerH;
    older.overrideReasons = olderReasons;
    const restored = planFormValuesSchema.safeParse(older);
    expect(restored.success).toBe(true);
    expect(restored.data?.administration).toBe('bag');
    expect(restored.data?.pumpId).toBe('');
    expect(restored.data?.overrideReasons.rateMlPerH).toBe('');
    expect(restored.data?.diluentVolumeMl).toBe('100');
  });
});
