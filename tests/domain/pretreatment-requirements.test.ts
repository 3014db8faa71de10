import { describe, expect, it } from 'vitest';
import { examContentSchema, examSigningProblems, emptyExam } from '../../src/domain/exam';
import {
  pretreatmentGaps,
  pretreatmentRequirementProblems,
  pretreatmentRequirementsSchema,
  pretreatmentStatus,
} from '../../src/domain/pretreatment-requirements';
import { pretreatmentResultSchema } from '../../src/domain/pretreatment-results';
import {
  sessionConfigurationChanges,
  sessionConfigurationContentSchema,
  starterSessionConfiguration,
} from '../../src/domain/session-configuration';
import { blankStopBang, stopBangScore } from '../../src/domain/stop-bang';

const requirements = pretreatmentRequirementsSchema.parse({
  items: [{ itemId: 'chest-x-ray', label: 'Chest X-ray' }],
  required: [
    { kind: 'ecg', indications: 'all', maxAgeDays: 90 },
    { kind: 'pregnancy', indications: ['f33', 'F43.1'], maxAgeDays: 7 },
    { kind: 'clinic-item', itemId: 'chest-x-ray', indications: ['M79'], maxAgeDays: 365 },
  ],
});

describe('pre-treatment requirements', () => {
  it('applies a requirement by indication prefix, and an empty code only to "all"', () => {
    expect(pretreatmentStatus(requirements, [], 'F33.9', '2026-03-01').map((status) => status.key)).toEqual([
      'ecg',
      'pregnancy',
    ]);
    expect(pretreatmentStatus(requirements, [], 'M79.7', '2026-03-01').map((status) => status.key)).toEqual([
      'ecg',
      'item:chest-x-ray',
    ]);
    expect(pretreatmentStatus(requirements, [], '', '2026-03-01').map((status) => status.key)).toEqual(['ecg']);
  });

  it('requires nothing when the clinic configured nothing', () => {
    expect(pretreatmentStatus(undefined, [], 'F33.9', '2026-03-01')).toEqual([]);
    expect(pretreatmentStatus({ items: [], required: [] }, [], 'F33.9', '2026-03-01')).toEqual([]);
  });

  it('refuses a requirement for a clinic item the clinic does not have', () => {
    const parsed = pretreatmentRequirementsSchema.safeParse({
      items: [],
      required: [{ kind: 'clinic-item', itemId: 'nope', indications: 'all', maxAgeDays: 30 }],
    });
    expect(parsed.success).toBe(false);
  });

  it('asks a reason against exactly the gaps shown, and none when all is current', () => {
    const ecg = pretreatmentResultSchema.parse({
      id: 'r1',
      takenOn: '2025-10-01',
      source: { type: 'outside', reference: 'City Lab 4411' },
      note: '',
      value: { kind: 'ecg', rhythm: 'Sinus', rateBpm: 70, qtcMs: 420, interpretation: 'normal', text: '' },
    });
    const gaps = pretreatmentGaps(pretreatmentStatus(requirements, [ecg], '', '2026-03-01'));
    expect(gaps).toEqual(['ECG: Stale — 151 days old, limit 90 days']);
    expect(pretreatmentRequirementProblems(gaps, undefined)).toHaveLength(1);
    expect(pretreatmentRequirementProblems(gaps, { reason: ' ', problems: gaps })).toHaveLength(1);
    expect(pretreatmentRequirementProblems(gaps, { reason: 'Repeat booked', problems: ['other'] })).toHaveLength(1);
    expect(pretreatmentRequirementProblems(gaps, { reason: 'Repeat booked', problems: gaps })).toEqual([]);
    expect(pretreatmentGaps(pretreatmentStatus(requirements, [ecg], '', '2025-12-01'))).toEqual([]);
  });

  it('keeps stored configurations and exams without the new keys valid', () => {
    expect(sessionConfigurationContentSchema.safeParse(starterSessionConfiguration).success).toBe(true);
    const exam = emptyExam([]);
    expect(examContentSchema.parse(exam)).not.toHaveProperty('pretreatment');
    const after = { ...starterSessionConfiguration, pretreatmentRequirements: requirements };
    expect(sessionConfigurationContentSchema.safeParse(after).success).toBe(true);
    expect(sessionConfigurationChanges(starterSessionConfiguration, after).map((change) => change.path)).toEqual([
      'pretreatmentRequirements',
    ]);
  });

  it('asks for the date of a result and every STOP-BANG answer before signing', () => {
    const exam = {
      ...emptyExam([]),
      pretreatment: {
        results: [
          pretreatmentResultSchema.parse({
            id: 'r2',
            takenOn: null,
            source: { type: 'in-house' },
            note: '',
            value: { kind: 'stop-bang', answers: blankStopBang() },
          }),
        ],
      },
    };
    const paths = examSigningProblems(exam).map((problem) => problem.path);
    expect(paths).toContain('pretreatment.results.0.takenOn');
    expect(paths).toContain('pretreatment.results.0.value');
  });

  it('counts the STOP-BANG score from its answers', () => {
    const answers = { ...blankStopBang() };
    expect(stopBangScore(answers)).toBeNull();
    const all = Object.fromEntries(Object.keys(answers).map((key, index) => [key, index < 3 ? 'yes' : 'no']));
    expect(stopBangScore(all as typeof answers)).toBe(3);
  });

  it('asks for the outside report at signing, and refuses a decimal typed as a float or without its leading zero', () => {
    const base = { id: 'r3', takenOn: '2026-01-01', note: '' };
    const liver = { kind: 'liver', altUPerL: '31', astUPerL: null, bilirubinMgPerDl: '0.4' };
    const outside = pretreatmentResultSchema.parse({
      ...base,
      source: { type: 'outside', reference: ' ' },
      value: liver,
    });
    const paths = examSigningProblems({ ...emptyExam([]), pretreatment: { results: [outside] } }).map(
      (problem) => problem.path,
    );
    expect(paths).toContain('pretreatment.results.0.reference');
    const inHouse = { ...base, source: { type: 'in-house' } };
    expect(pretreatmentResultSchema.safeParse({ ...inHouse, value: { ...liver, altUPerL: 31 } }).success).toBe(false);
    expect(
      pretreatmentResultSchema.safeParse({ ...inHouse, value: { ...liver, bilirubinMgPerDl: '.4' } }).success,
    ).toBe(false);
  });
});
