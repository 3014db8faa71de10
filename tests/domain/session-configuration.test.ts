import { describe, expect, it } from 'vitest';
import { checklistScaleProblems, checklistScalesFor } from '../../src/domain/configured-entry-checks';
import { emptyScales } from '../../src/domain/scales';
import {
  newCriterionId,
  sessionConfigurationChanges,
  sessionConfigurationContentSchema,
  starterSessionConfiguration,
} from '../../src/domain/session-configuration';

const nothingAsked = { painNrs: false, phq9: false, gad7: false, pcl5: false };

describe('session configuration', () => {
  it('accepts the starter configuration', () => {
    expect(sessionConfigurationContentSchema.safeParse(starterSessionConfiguration).success).toBe(true);
  });

  it('refuses the same wording twice among the criteria in use, but not among retired ones', () => {
    const criteria = [
      { itemId: 'a', label: 'Alert', retired: false },
      { itemId: 'b', label: 'alert ', retired: false },
    ];
    const twice = sessionConfigurationContentSchema.safeParse({
      preSessionScales: nothingAsked,
      dischargeCriteria: criteria,
    });
    expect(twice.success === false && twice.error.issues.map((issue) => issue.path.join('.'))).toEqual([
      'dischargeCriteria.1.label',
    ]);
    const retired = criteria.map((criterion, index) => ({ ...criterion, retired: index === 0 }));
    expect(
      sessionConfigurationContentSchema.safeParse({ preSessionScales: nothingAsked, dischargeCriteria: retired })
        .success,
    ).toBe(true);
  });

  it('makes unique codes from any wording', () => {
    expect(newCriterionId('Walks steadily — without help', new Set())).toBe('walks-steadily-without-help');
    expect(newCriterionId('Náusea controlada', new Set(['nausea-controlada']))).toBe('nausea-controlada-2');
    expect(newCriterionId('المرافق موجود', new Set(['criterion']))).toBe('criterion-2');
    expect(newCriterionId('x'.repeat(100), new Set()).length).toBeLessThanOrEqual(64);
  });

  it('lists changes by criterion code, a reorder as one change', () => {
    const [first, second, ...rest] = starterSessionConfiguration.dischargeCriteria;
    if (first === undefined || second === undefined) throw new Error('starter list too short');
    const after = {
      preSessionScales: { ...starterSessionConfiguration.preSessionScales, gad7: false },
      dischargeCriteria: [second, first, ...rest],
    };
    expect(sessionConfigurationChanges(starterSessionConfiguration, after)).toEqual([
      { path: 'preSessionScales.gad7', from: true, to: false },
      {
        path: 'dischargeCriteria.order',
        from: starterSessionConfiguration.dischargeCriteria.map((criterion) => criterion.itemId),
        to: after.dischargeCriteria.map((criterion) => criterion.itemId),
      },
    ]);
    // An added criterion at the end is an addition, not a reorder.
    const added = {
      ...starterSessionConfiguration,
      dischargeCriteria: [
        ...starterSessionConfiguration.dischargeCriteria,
        { itemId: 'new', label: 'New', retired: false },
      ],
    };
    expect(sessionConfigurationChanges(starterSessionConfiguration, added)).toEqual([
      { path: 'dischargeCriteria.new', from: null, to: { label: 'New', retired: false } },
    ]);
  });
});

describe('checklist scales', () => {
  it('shows what the clinic asks, and for a correction also what was recorded then', () => {
    const asked = { ...nothingAsked, phq9: true };
    expect([...checklistScalesFor(asked, null).shown]).toEqual(['phq9']);
    expect(checklistScalesFor(asked, null).painRequired).toBe(false);
    const recorded = { ...emptyScales, painNrs: 4, gad7: [0, 0, 0, 0, 0, 0, 0] };
    expect([...checklistScalesFor(asked, recorded).shown]).toEqual(['painNrs', 'phq9', 'gad7']);
    expect(checklistScalesFor(asked, recorded).painRequired).toBe(true);
  });

  it('refuses a scale not asked, and a missing pain score when asked', () => {
    expect(
      checklistScaleProblems({ ...emptyScales, gad7: [0, 0, 0, 0, 0, 0, 0] }, { ...nothingAsked, painNrs: true }, null),
    ).toEqual([
      { path: 'scales.gad7', message: 'Your clinic does not record GAD-7 before a session. Leave it out.' },
      { path: 'scales.painNrs', message: 'Choose the pain score now (0–10)' },
    ]);
    expect(checklistScaleProblems(emptyScales, nothingAsked, null)).toEqual([]);
  });
});
