import { describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import { examContentSchema, examSigningProblems } from '../../src/domain/exam';
import type { PriorTreatment } from '../../src/domain/prior-treatments';
import {
  formatPartialDate,
  parsePartialDate,
  priorTreatmentOutcomeText,
  priorTreatmentPeriodText,
  priorTreatmentProblems,
  priorTreatmentsSchema,
  startsAfterEnd,
} from '../../src/domain/prior-treatments';

const sertraline: PriorTreatment = {
  kind: 'medication',
  name: 'Sertraline',
  details: '150 mg daily',
  from: '2019-03',
  to: '2019-09',
  outcome: 'no-response',
  adequateTrial: 'yes',
  note: '',
};

describe('prior treatments', () => {
  it('accepts years, months and dates, and refuses anything else', () => {
    const at = (from: string | null, to: string | null) =>
      priorTreatmentsSchema.safeParse([{ ...sertraline, from, to }]).success;
    expect(at('2019', '2019-03-14')).toBe(true);
    expect(at(null, null)).toBe(true);
    expect(at('2019-13', null)).toBe(false);
    expect(at('2019-02-30', null)).toBe(false);
    expect(at('03/2019', null)).toBe(false);
    expect(at('19', null)).toBe(false);
  });

  it('reads what people type, and prints months in words', () => {
    expect(parsePartialDate('2019')).toBe('2019');
    expect(parsePartialDate('Mar-2019')).toBe('2019-03');
    expect(parsePartialDate('mar 2019')).toBe('2019-03');
    expect(parsePartialDate('14-Mar-2019')).toBe('2019-03-14');
    expect(parsePartialDate('2019-03-14')).toBe('2019-03-14');
    expect(parsePartialDate('31-Feb-2019')).toBeNull();
    expect(parsePartialDate('03/2019')).toBeNull();
    expect(formatPartialDate('2019-03')).toBe('Mar-2019');
    expect(formatPartialDate('2019-03-04')).toBe('04-Mar-2019');
    expect(formatPartialDate('2019')).toBe('2019');
    for (const typed of ['2019', 'Mar-2019', '04-Mar-2019']) {
      expect(formatPartialDate(parsePartialDate(typed))).toBe(typed);
    }
  });

  it('compares from and to at the precision both give', () => {
    expect(startsAfterEnd('2019-05', '2019')).toBe(false);
    expect(startsAfterEnd('2020', '2019-12-31')).toBe(true);
    expect(startsAfterEnd('2019-03-02', '2019-03-01')).toBe(true);
    expect(startsAfterEnd('2019', null)).toBe(false);
  });

  it('needs a name on every row and an end that is not before the start, before signing', () => {
    const rows: PriorTreatment[] = [
      sertraline,
      { ...sertraline, kind: 'procedure', name: '  ', details: '' },
      { ...sertraline, from: '2021', to: '2020-06' },
    ];
    expect(priorTreatmentProblems(rows)).toEqual([
      { path: 'priorTreatments.1.name', message: 'Prior treatment 2: Name the prior treatment or remove the row' },
      { path: 'priorTreatments.2.to', message: 'Prior treatment 3: The end is before the start; check both dates' },
    ]);
    const exam = completeExam('2026-11-02', { priorTreatments: rows });
    expect(examSigningProblems(exam).map((problem) => problem.path)).toEqual([
      'priorTreatments.1.name',
      'priorTreatments.2.to',
    ]);
    expect(examSigningProblems(completeExam('2026-11-02', { priorTreatments: [sertraline] }))).toEqual([]);
  });

  it('reads an exam stored before the list existed, and signs it as before', () => {
    const older = completeExam('2026-11-02');
    expect('priorTreatments' in older).toBe(false);
    const parsed = examContentSchema.parse(JSON.parse(JSON.stringify(older)));
    expect(parsed.priorTreatments).toBeUndefined();
    expect(examSigningProblems(parsed)).toEqual([]);
  });

  it('says when and how it went in words', () => {
    expect(priorTreatmentPeriodText(sertraline)).toBe('Mar-2019 to Sep-2019');
    expect(priorTreatmentPeriodText({ from: '2019', to: null })).toBe('Since 2019 (ongoing or end not recorded)');
    expect(priorTreatmentPeriodText({ from: null, to: null })).toBe('Dates not recorded');
    expect(priorTreatmentOutcomeText(sertraline)).toBe('No response; adequate trial: Yes');
    expect(priorTreatmentOutcomeText({ outcome: 'partial', adequateTrial: null })).toBe('Partial response');
  });
});
