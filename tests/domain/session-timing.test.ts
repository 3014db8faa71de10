import { describe, expect, it } from 'vitest';
import { administrationEventEntry } from '../../src/domain/infusion-session';
import { sequenceProblem } from '../../src/domain/session-sequence';
import { beforeSignatureFinding, startTimingFindings } from '../../src/domain/session-timing';
import { testChecklist } from '../support/session-entries';

/** New York in March 2026 is on UTC−04:00 from the 8th (daylight saving), UTC−05:00 before. */
const zone = 'America/New_York';
const start = {
  zone,
  planSignedAt: '2026-03-02T14:00:00.000Z',
  intervalDays: 3,
  seriesTotal: 6,
  chartedOnPlan: 1,
  lastInfusionAt: '2026-03-03T14:27:00.000Z',
};

describe('starting an infusion against the plan’s timing (issue 20, point 10)', () => {
  it('surfaces infusion 2 on the same day as infusion 1 of a plan that says every 3 days, with the dates', () => {
    const findings = startTimingFindings({ ...start, occurredAt: '2026-03-03T19:00:00.000Z' });
    expect(findings.map((finding) => finding.code)).toEqual(['before-interval']);
    expect(findings[0]?.message).toBe(
      'Before the plan’s interval: last infusion on 03-Mar-2026 09:27 UTC−05:00; plan interval 3 days; earliest by plan 06-Mar-2026.',
    );
  });

  it('counts the interval in the clinic’s calendar days, not in 72-hour blocks', () => {
    // 06-Mar at 08:00 is under 72 hours after 03-Mar 09:27, but it is the day the plan allows.
    expect(startTimingFindings({ ...start, occurredAt: '2026-03-06T13:00:00.000Z' })).toEqual([]);
    expect(startTimingFindings({ ...start, occurredAt: '2026-03-06T04:00:00.000Z' })).toHaveLength(1);
    expect(startTimingFindings({ ...start, intervalDays: 0, occurredAt: '2026-03-03T19:00:00.000Z' })).toEqual([]);
    expect(startTimingFindings({ ...start, lastInfusionAt: null, occurredAt: '2026-03-03T19:00:00.000Z' })).toEqual([]);
  });

  it('surfaces a start after the series is complete', () => {
    const findings = startTimingFindings({ ...start, chartedOnPlan: 6, occurredAt: '2026-03-20T14:00:00.000Z' });
    expect(findings).toEqual([
      {
        code: 'series-complete',
        message: 'Beyond the series: all 6 infusions the plan orders are charted; this would be infusion 7.',
      },
    ]);
  });
});

describe('entries timed before the plan’s signature or the entry they follow (issue 20, point 11)', () => {
  it('gives both times, in clinic time with the offset', () => {
    const finding = beforeSignatureFinding('2026-03-09T13:27:00.000Z', '2026-03-09T14:17:00.000Z', zone);
    expect(finding).toEqual({
      code: 'before-plan-signature',
      message: 'Timed 09-Mar-2026 09:27 UTC−04:00, before the plan was signed at 09-Mar-2026 10:17 UTC−04:00.',
    });
    expect(beforeSignatureFinding('2026-03-09T14:17:40.000Z', '2026-03-09T14:17:00.000Z', zone)).toBeNull();
    // The checklist of a start that came before the signature is surfaced at the start too.
    const early = startTimingFindings({
      ...start,
      lastInfusionAt: null,
      planSignedAt: '2026-03-09T14:17:00.000Z',
      occurredAt: '2026-03-09T13:27:00.000Z',
    });
    expect(early.map((item) => item.code)).toEqual(['before-plan-signature']);
  });

  const t = (hhmm: string) => `2026-03-09T${hhmm}:00.000Z`;
  let id = 0;
  const entry = <E extends { kind: string; content: unknown }>(at: string, body: E) => {
    id += 1;
    return { id, occurredAt: at, correctedByEntryId: null as number | null, ...body };
  };
  const checklist = entry(t('13:27'), { kind: 'checklist', content: testChecklist });
  const started = entry(t('13:30'), administrationEventEntry('start', { rateMlPerH: '5.4' }));
  const paused = entry(t('13:50'), administrationEventEntry('pause'));
  const entries = [checklist, started, paused];

  it('refuses a start timed before the checklist it follows, naming both times', () => {
    expect(
      sequenceProblem([checklist], { kind: 'event', eventType: 'start', occurredAt: t('13:20') }, null, zone),
    ).toBe(
      'The start of the infusion is timed 09:20 UTC−04:00, before the pre-infusion checklist it follows (09:27 UTC−04:00). Check the time, or correct the earlier entry if its time is wrong.',
    );
    expect(
      sequenceProblem([checklist], { kind: 'event', eventType: 'start', occurredAt: t('13:27') }, null, zone),
    ).toBeNull();
  });

  it('refuses an event before the event it follows, and a check before the checklist', () => {
    expect(
      sequenceProblem(entries, { kind: 'event', eventType: 'resume', occurredAt: t('13:45') }, null, zone),
    ).toMatch(/^The resume is timed 09:45 UTC−04:00, before the pause it follows \(09:50 UTC−04:00\)/);
    expect(
      sequenceProblem(entries, { kind: 'observation', eventType: null, occurredAt: t('13:00') }, null, zone),
    ).toMatch(/before the pre-infusion checklist it follows \(09:27 UTC−04:00\)/);
    // A check charted late, between two events, is in order.
    expect(
      sequenceProblem(entries, { kind: 'observation', eventType: null, occurredAt: t('13:40') }, null, zone),
    ).toBeNull();
  });

  it('refuses a correction that moves an entry past the one that follows it', () => {
    expect(
      sequenceProblem(entries, { kind: 'checklist', eventType: null, occurredAt: t('13:35') }, checklist.id, zone),
    ).toBe(
      'The pre-infusion checklist would be timed 09:35 UTC−04:00, after the start of the infusion that follows it (09:30 UTC−04:00). Check the time.',
    );
    expect(
      sequenceProblem(entries, { kind: 'event', eventType: 'start', occurredAt: t('13:55') }, started.id, zone),
    ).toMatch(/after the pause that follows it \(09:50 UTC−04:00\)/);
    expect(
      sequenceProblem(entries, { kind: 'event', eventType: 'start', occurredAt: t('13:29') }, started.id, zone),
    ).toBeNull();
  });
});
