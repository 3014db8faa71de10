import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AdministrationEventType } from '../../src/domain/infusion-session';
import { administrationEventEntry, starterDischargeCriteria } from '../../src/domain/infusion-session';
import {
  infusionFinishedAt,
  isRecoveryCheck,
  recoveryCheckDue,
  recoveryCheckIds,
} from '../../src/domain/recovery-checks';
import { timedCheckState } from '../../src/domain/session-timed-checks';
import type { SessionEntryView } from '../../src/domain/session-view';
import { vitalsRows } from '../../src/domain/vitals-rows';
import { testObservation, testVitals } from '../support/session-entries';

const t0 = Date.UTC(2026, 10, 16, 15, 0);
const at = (minute: number) => new Date(t0 + minute * 60_000).toISOString();
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
const event = (minute: number, type: AdministrationEventType) =>
  ({ ...base(minute), ...administrationEventEntry(type, { rateMlPerH: '150' }) }) satisfies SessionEntryView;
const check = (minute: number) =>
  ({ ...base(minute), kind: 'observation', content: testObservation }) satisfies SessionEntryView;
const testDischarge = {
  criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
  vitals: testVitals,
  escortName: 'Luis Ruiz',
  instructionsGiven: true,
  notes: '',
};
const discharge = (minute: number) =>
  ({ ...base(minute), kind: 'discharge', content: testDischarge }) satisfies SessionEntryView;

describe('recovery checks', () => {
  it('are labelled "Recovery check" in the vitals rows (screen table and PDF alike), checks before the stop "Check"', () => {
    const entries = [event(0, 'start'), check(15), event(40, 'end'), check(40), check(55), discharge(70)];
    expect(vitalsRows(entries).map((row) => row.source)).toEqual(['Check', 'Check', 'Recovery check', 'Discharge']);
  });

  it('marks the checks after the stop, and none while the infusion runs', () => {
    const entries = [event(0, 'start'), check(15), event(40, 'stop'), check(40), check(55), check(70)];
    expect(infusionFinishedAt(entries)).toBe(at(40));
    const ids = recoveryCheckIds(entries);
    expect(entries.filter((entry) => ids.has(entry.id)).map((entry) => entry.occurredAt)).toEqual([at(55), at(70)]);
    expect(recoveryCheckIds(entries.slice(0, 2)).size).toBe(0);
  });

  it('counts down from the stop, then from the last recovery check, until the discharge', () => {
    const running = [event(0, 'start'), check(15)];
    expect(recoveryCheckDue(running, 15, Date.parse(at(20)))).toBeNull();
    const stopped = [...running, event(40, 'end')];
    expect(recoveryCheckDue(stopped, 15, Date.parse(at(50)))).toMatchObject({
      dueAt: at(55),
      after: 'stop',
      overdue: false,
    });
    const checked = [...stopped, check(50)];
    expect(recoveryCheckDue(checked, 15, Date.parse(at(70)))).toMatchObject({
      dueAt: at(65),
      after: 'last-check',
      overdue: true,
    });
    expect(recoveryCheckDue([...checked, discharge(60)], 15, Date.parse(at(70)))).toBeNull();
    expect(recoveryCheckDue(checked, null, Date.parse(at(70)))).toBeNull();
  });

  it('gives the session countdown a recovery state only where the clinic sets an interval', () => {
    const entries = [event(0, 'start'), event(40, 'stop')];
    expect(timedCheckState(entries, 15, Date.parse(at(45)))).toEqual({ kind: 'finished', at: at(40), by: 'stop' });
    expect(timedCheckState(entries, 15, Date.parse(at(45)), 10)).toMatchObject({
      kind: 'recovery-due',
      by: 'stop',
      dueAt: at(50),
      after: 'stop',
    });
    expect(timedCheckState([...entries, discharge(60)], 15, Date.parse(at(65)), 10).kind).toBe('finished');
  });

  it('never classes a check after the stop as during the infusion, nor one before it as recovery (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('check' as const), gap: fc.integer({ min: 0, max: 30 }) }),
      fc.record({
        kind: fc.constant('event' as const),
        gap: fc.integer({ min: 0, max: 30 }),
        type: fc.constantFrom<AdministrationEventType>('start', 'pause', 'resume', 'rate-change', 'stop', 'end'),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 20 }), fc.integer({ min: 1, max: 60 }), (steps, intervalMin) => {
        let minute = 0;
        const entries: SessionEntryView[] = steps.map((item) => {
          minute += item.gap;
          return item.kind === 'check' ? check(minute) : event(minute, item.type);
        });
        const stops = entries
          .filter((entry) => entry.kind === 'event' && ['stop', 'end'].includes(entry.content.type))
          .map((entry) => Date.parse(entry.occurredAt));
        const firstStop = stops.length === 0 ? null : Math.min(...stops);
        const ids = recoveryCheckIds(entries);
        for (const entry of entries.filter((candidate) => candidate.kind === 'observation')) {
          const after = firstStop !== null && Date.parse(entry.occurredAt) > firstStop;
          expect(ids.has(entry.id)).toBe(after);
          expect(isRecoveryCheck(entry, infusionFinishedAt(entries))).toBe(after);
        }
        const due = recoveryCheckDue(entries, intervalMin, Date.parse(at(minute)));
        if (firstStop === null) {
          expect(due).toBeNull();
          return;
        }
        const recovery = entries.filter((entry) => ids.has(entry.id)).map((entry) => Date.parse(entry.occurredAt));
        const from = recovery.length === 0 ? firstStop : Math.max(...recovery);
        expect(due?.dueAt).toBe(new Date(from + intervalMin * 60_000).toISOString());
        expect(due?.after).toBe(recovery.length === 0 ? 'stop' : 'last-check');
      }),
    );
  });
});
