import { describe, expect, it } from 'vitest';
import type { AdministrationEvent } from '../../src/domain/infusion-session';
import { administrationEventEntry } from '../../src/domain/infusion-session';
import type { SessionEntryView } from '../../src/domain/session-view';
import { summariseSession } from '../../src/domain/session-summary';
import { testObservation } from '../support/session-entries';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 16, 15, 0) + minute * 60_000).toISOString();
let nextId = 1;

function base(minute: number) {
  nextId += 1;
  return {
    id: nextId,
    occurredAt: at(minute),
    recordedAt: at(minute),
    userId: 3,
    printedName: 'Li Chen, RN',
    correctsEntryId: null,
    correctionReason: null,
    correctedByEntryId: null,
    witnessPrintedName: null,
  };
}

function event(minute: number, type: AdministrationEvent['type'], extra: Partial<AdministrationEvent> = {}) {
  return { ...base(minute), ...administrationEventEntry(type, extra) } satisfies SessionEntryView;
}

const check = (minute: number) =>
  ({ ...base(minute), kind: 'observation', content: testObservation }) satisfies SessionEntryView;

describe('the infusion at a glance', () => {
  it('counts every stretch without a check longer than the interval, start to end', () => {
    const entries = [event(0, 'start', { rateMlPerH: '150' }), check(10), check(25), check(60), event(70, 'end')];
    const summary = summariseSession(entries, '150', 15);
    // 0→10 and 10→25 kept the interval; 25→60 did not; 60→70 did.
    expect(summary.gapsOverInterval).toBe(1);
    expect(summary.longestGapMin).toBe(35);
    expect(summary.checks).toBe(3);
  });

  it('does not call an infusion with no check, or one long silence after the last check, on time', () => {
    expect(summariseSession([event(0, 'start'), event(120, 'end')], null, 15)).toMatchObject({
      checks: 0,
      gapsOverInterval: 1,
      longestGapMin: 120,
    });
    const silent = summariseSession([event(0, 'start'), check(10), event(120, 'end')], null, 15);
    expect(silent.gapsOverInterval).toBe(1);
    expect(silent.longestGapMin).toBe(110);
  });

  it('compares times to the minute, as they are charted and printed', () => {
    const seconds = (minute: number, second: number) => ({
      ...check(minute),
      occurredAt: new Date(Date.parse(at(minute)) + second * 1_000).toISOString(),
    });
    expect(summariseSession([event(0, 'start'), seconds(15, 40), event(20, 'end')], null, 15).gapsOverInterval).toBe(0);
    expect(summariseSession([event(0, 'start'), seconds(16, 0), event(20, 'end')], null, 15).gapsOverInterval).toBe(1);
  });

  it('keeps an early stop and its reason when the end is charted after it', () => {
    const summary = summariseSession(
      [
        event(0, 'start', { rateMlPerH: '150' }),
        event(20, 'stop', { reason: 'Patient asked to stop' }),
        event(25, 'end', { volumeInfusedMl: '50' }),
      ],
      '150',
      15,
    );
    expect(summary.stopped).toEqual({ at: at(20), reason: 'Patient asked to stop' });
    expect(summary.endedAt).toBe(at(25));
    expect(summary.runningMin).toBe(20);
    expect(summary.volumeInfusedMl).toBe('50');
    // Monitoring ran to the stop: 0→15 would be fine, 0→20 without a check is not.
    expect(summary.gapsOverInterval).toBe(1);
  });

  it('finds rates off the plan, pauses, and only witnessed waste above zero', () => {
    const summary = summariseSession(
      [
        event(0, 'start', { rateMlPerH: '150' }),
        event(10, 'pause'),
        event(16, 'resume', { rateMlPerH: '120', reason: 'Nausea' }),
        { ...event(40, 'end', { wasteMg: '2' }), witnessPrintedName: 'Priya Patel, RN' },
      ],
      '150.0',
      15,
    );
    expect(summary.deviations).toEqual([{ occurredAt: at(16), rateMlPerH: '120', reason: 'Nausea' }]);
    expect(summary.pausedMin).toBe(6);
    expect(summary.runningMin).toBe(34);
    expect(summary.wastes).toEqual([{ wasteMg: '2', witnessPrintedName: 'Priya Patel, RN' }]);
    const none = summariseSession([event(0, 'start'), event(10, 'end', { wasteMg: '0' })], null, 15);
    expect(none.wastes).toEqual([]);
  });

  it('counts a corrected entry as its correction', () => {
    const original = { ...check(40), correctedByEntryId: 99 };
    const correction = { ...check(14), id: 99, correctsEntryId: original.id };
    const summary = summariseSession([event(0, 'start'), original, correction, event(20, 'end')], null, 15);
    expect(summary.checks).toBe(1);
    expect(summary.gapsOverInterval).toBe(0);
  });

  it('lists each stretch without a check by its bounding times, for the discharge to explain (issue 20, point 13)', () => {
    const entries = [event(0, 'start', { rateMlPerH: '150' }), check(10), check(40), event(50, 'end')];
    expect(summariseSession(entries, '150', 15).gaps).toEqual([{ fromAt: at(10), untilAt: at(40), minutes: 30 }]);
    expect(summariseSession([event(0, 'start'), event(20, 'end')], null, 15).gaps).toEqual([
      { fromAt: at(0), untilAt: at(20), minutes: 20 },
    ]);
    expect(summariseSession(entries, '150', null).gaps).toEqual([]);
  });

  it('tells a waste charted as 0 mg from one not charted (issue 20, point 18)', () => {
    expect(summariseSession([event(0, 'start'), event(10, 'end', { wasteMg: '0' })], null, 15).wasteCharted).toBe(true);
    expect(summariseSession([event(0, 'start'), event(10, 'end')], null, 15).wasteCharted).toBe(false);
  });
});
