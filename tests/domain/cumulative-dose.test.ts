import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeExam, planWith } from '../../src/cli/demo-clinical';
import type { SessionDose } from '../../src/domain/cumulative-dose';
import { cumulativeDose, doseSumText, sessionDose } from '../../src/domain/cumulative-dose';
import { administrationEventEntry } from '../../src/domain/infusion-session';
import { toDecimal } from '../../src/domain/quantity';
import type { SessionEntryView, SessionView } from '../../src/domain/session-view';

const examWeight = completeExam('2026-11-16').weight;
const plan = planWith(examWeight === null ? null : { ...examWeight, from: 'exam' });
const at = (minute: number) => new Date(Date.UTC(2026, 10, 16, 15, 0) + minute * 60_000).toISOString();

function session(id: number, planRecordId: number, volumeInfusedMl: string | null): SessionView {
  const entry = (entryId: number, minute: number, type: 'start' | 'end', volume: string | null) =>
    ({
      id: entryId,
      occurredAt: at(minute),
      recordedAt: at(minute),
      userId: 3,
      printedName: 'Li Chen, RN',
      correctsEntryId: null,
      correctionReason: null,
      correctedByEntryId: null,
      witnessPrintedName: null,
      ...administrationEventEntry(type, { volumeInfusedMl: volume }),
    }) satisfies SessionEntryView;
  return {
    id,
    patientId: 1,
    planRecordId,
    planVersionId: planRecordId,
    seriesNumber: 1,
    seriesTotal: 6,
    createdAt: at(0),
    createdByPrintedName: 'Li Chen, RN',
    status: 'Ended',
    plannedRateMlPerH: null,
    monitoringIntervalMin: 15,
    startedAt: at(0),
    endedAt: at(40),
    lastObservationAt: null,
    entries: [entry(id * 10, 0, 'start', null), entry(id * 10 + 1, 40, 'end', volumeInfusedMl)],
    signatures: [],
  };
}

describe('the drug given across the course', () => {
  it('takes each session’s mg from the volume charted at its plan’s concentration', () => {
    // The demo plan: 0.5 mg/kg × 72.4 kg = 36.2 mg, in 100 mL of diluent and 0.724 mL of drug.
    expect(sessionDose(session(1, 1, '100.724'), plan)).toEqual({ sessionId: 1, planRecordId: 1, mg: '36.2' });
    expect(sessionDose(session(2, 1, '50.362'), plan).mg).toBe('18.1');
    expect(sessionDose(session(3, 1, null), plan).mg).toBeNull();
    expect(sessionDose(session(4, 1, '10'), null).mg).toBeNull();
  });

  it('adds up per series and in total, and says what is not counted', () => {
    const sum = cumulativeDose([
      sessionDose(session(1, 1, '100.724'), plan),
      sessionDose(session(2, 1, '50.362'), plan),
      sessionDose(session(3, 2, '100.724'), plan),
      sessionDose(session(4, 2, null), plan),
    ]);
    expect(sum.series).toEqual([
      { planRecordId: 1, mg: '54.3', counted: 2, uncounted: 0 },
      { planRecordId: 2, mg: '36.2', counted: 1, uncounted: 1 },
    ]);
    expect(sum.totalMg).toBe('90.5');
    expect(doseSumText(sum.totalMg, sum.counted, sum.uncounted)).toBe(
      '90.5 mg over 3 sessions; 1 session has no volume infused charted and is not counted',
    );
    expect(cumulativeDose([]).totalMg).toBe('0');
  });

  it('totals exactly the sum of the sessions’ doses, in any order (no floating point)', () => {
    const mg = fc
      .tuple(fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 99 }))
      .map(([whole, hundredths]) => toDecimal(whole).plus(toDecimal(hundredths).dividedBy(100)).toString());
    const dose = fc.record({
      sessionId: fc.integer({ min: 1, max: 1000 }),
      planRecordId: fc.integer({ min: 1, max: 4 }),
      mg: fc.option(mg, { nil: null }),
    }) as fc.Arbitrary<SessionDose>;
    fc.assert(
      fc.property(
        fc.array(dose, { maxLength: 40 }),
        fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
        (doses, keys) => {
          const shuffled = doses
            .map((one, index) => ({ one, key: keys[index] ?? 0 }))
            .sort((a, b) => a.key - b.key)
            .map(({ one }) => one);
          const sum = cumulativeDose(doses);
          // Whole hundredths of a mg, added as integers: the exact answer.
          const hundredths = doses.reduce(
            (total, one) => total + (one.mg === null ? 0 : Math.round(Number(one.mg) * 100)),
            0,
          );
          expect(toDecimal(sum.totalMg).times(100).toNumber()).toBe(hundredths);
          expect(cumulativeDose(shuffled).totalMg).toBe(sum.totalMg);
          const bySeries = sum.series.reduce((total, one) => total.plus(one.mg), toDecimal(0));
          expect(bySeries.equals(sum.totalMg)).toBe(true);
          expect(sum.counted + sum.uncounted).toBe(doses.length);
        },
      ),
    );
  });
});
