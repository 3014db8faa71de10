import { describe, expect, it } from 'vitest';
import { administrationEventEntry } from '../../src/domain/infusion-session';
import { plannedEnd } from '../../src/domain/session-planned-end';
import { timedCheckState } from '../../src/domain/session-timed-checks';
import { testObservation } from '../support/session-entries';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 9, 14, 0) + minute * 60_000).toISOString();
const ms = (minute: number) => Date.parse(at(minute));
let id = 0;
const entry = <E extends { kind: string; content: unknown }>(minute: number, body: E) => {
  id += 1;
  return { id, occurredAt: at(minute), correctedByEntryId: null as number | null, ...body };
};
const event = (minute: number, type: Parameters<typeof administrationEventEntry>[0]) =>
  entry(minute, administrationEventEntry(type, type === 'start' || type === 'resume' ? { rateMlPerH: '5.4' } : {}));
const check = (minute: number) => entry(minute, { kind: 'observation' as const, content: testObservation });

describe('the planned end while the infusion runs (issue 20, point 12)', () => {
  it('is the start plus the planned duration plus the time paused, and says when it is passed', () => {
    const entries = [event(0, 'start'), event(10, 'pause'), event(15, 'resume')];
    expect(plannedEnd(entries, 40, ms(30))).toEqual({
      startedAt: at(0),
      plannedEndAt: at(45),
      pausedMin: 5,
      overTimeMin: 0,
    });
    // 45 minutes into a 40-minute infusion (5 of them paused) is not yet over time; 50 is.
    expect(plannedEnd(entries, 40, ms(50))?.overTimeMin).toBe(5);
  });

  it('moves the planned end on while the pump is paused, and has none once the infusion is over', () => {
    const paused = [event(0, 'start'), event(10, 'pause')];
    expect(plannedEnd(paused, 40, ms(30))).toMatchObject({ plannedEndAt: at(60), pausedMin: 20, overTimeMin: 0 });
    expect(plannedEnd([event(0, 'start'), event(40, 'end')], 40, ms(50))).toBeNull();
    expect(plannedEnd([event(0, 'start')], null, ms(50))).toBeNull();
    expect(plannedEnd([], 40, ms(50))).toBeNull();
  });
});

describe('timed checks after the infusion ends (issue 20, point 13)', () => {
  it('counts down while the pump runs, overdue in words', () => {
    expect(timedCheckState([event(0, 'start'), check(10)], 15, ms(20))).toEqual({
      kind: 'due',
      dueAt: at(25),
      remainingMs: 5 * 60_000,
      overdue: false,
      after: 'last-check',
    });
    expect(timedCheckState([event(0, 'start')], 15, ms(20))).toMatchObject({ kind: 'due', overdue: true });
  });

  it('stops the countdown once the infusion has ended or been stopped: recovery checks are optional', () => {
    expect(timedCheckState([event(0, 'start'), check(10), event(40, 'end')], 15, ms(70))).toEqual({
      kind: 'finished',
      at: at(40),
      by: 'end',
    });
    expect(timedCheckState([event(0, 'start'), event(5, 'stop')], 15, ms(70))).toEqual({
      kind: 'finished',
      at: at(5),
      by: 'stop',
    });
    expect(timedCheckState([], 15, ms(70))).toEqual({ kind: 'not-started' });
    expect(timedCheckState([event(0, 'start')], null, ms(70))).toEqual({ kind: 'no-interval' });
  });
});
