import type { Checklist, Observation } from '../domain/infusion-session';
import { starterDischargeCriteria } from '../domain/infusion-session';
import { emptyScales } from '../domain/scales';
import type { SignIn } from '../services/sign-in';
import type { Call } from './demo-caller';
import type { DemoInfusion } from './demo-register';
import { lastEntryIdOf } from '../domain/session-view';
import { administrationEventEntry } from '../domain/infusion-session';

const vitals = (systolicMmHg: number, heartRateBpm: number) => ({
  systolicMmHg,
  diastolicMmHg: systolicMmHg - 42,
  heartRateBpm,
  spo2Percent: 98,
  respiratoryRatePerMin: 14,
  temperatureC: '36.8',
});

const checklist = (painNrs: number): Checklist => ({
  identityConfirmed: true,
  escortPresent: true,
  escortName: 'Luis Ruiz',
  fasting: 'fasted',
  fastingNote: '',
  changesSinceLastVisit: 'No new medicines; slept better this week.',
  ivSite: 'Left antecubital',
  ivGauge: 22,
  vitals: vitals(124, 74),
  scales: { ...emptyScales, phq9: [1, 1, 1, 0, 1, 1, 0, 0, 0], painNrs },
});

const observation = (systolic: number, heartRate: number, painNrs: number): Observation => ({
  vitals: vitals(systolic, heartRate),
  sedation: 5,
  cadss6: [1, 0, 0, 1, 0, 0],
  painNrs,
  nausea: 'none',
  notes: '',
});

const event = administrationEventEntry;

/**
 * Charted infusions for the demo: the first plan's first infusion completed, discharged and
 * signed; the second plan's infusion running now, so the chairside countdown has something
 * to count.
 */
export function seedDemoSessions(
  call: Call,
  nurse: SignIn,
  planRecordIds: number[],
  signer: { username: string; password: string },
): DemoInfusion[] {
  const infusions: DemoInfusion[] = [];
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();
  // A lot that expires in about a year, whenever the demo is made.
  const lotExpiry = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 7);
  const currentVersion = (planRecordId: number) =>
    call(nurse, 'chairside.status', { planRecordId }).currentVersionId ?? 0;
  const [completedPlan, runningPlan] = planRecordIds;
  if (completedPlan !== undefined) {
    const started = call(nurse, 'sessions.start', {
      planRecordId: completedPlan,
      planVersionId: currentVersion(completedPlan),
      occurredAt: minutesAgo(180),
      checklist: checklist(7),
    });
    const rate = started.plannedRateMlPerH ?? '0';
    const sessionId = started.id;
    call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: minutesAgo(175),
      entry: event('start', { rateMlPerH: rate, lotNumber: 'KET-2611-04', lotExpiry }),
    });
    [160, 145, 130].forEach((ago, index) =>
      call(nurse, 'sessions.addEntry', {
        sessionId,
        occurredAt: minutesAgo(ago),
        entry: { kind: 'observation', content: observation(128 + index * 3, 78 + index * 2, 6 - index) },
      }),
    );
    call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: minutesAgo(133),
      entry: event('end', { volumeInfusedMl: '100.7' }),
    });
    const discharged = call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: minutesAgo(100),
      entry: {
        kind: 'discharge',
        content: {
          criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
          vitals: vitals(122, 72),
          escortName: 'Luis Ruiz',
          instructionsGiven: true,
          notes: '',
        },
      },
    });
    call(nurse, 'sessions.sign', {
      sessionId,
      lastEntryId: lastEntryIdOf(discharged),
      meaning: 'performed',
      username: signer.username,
      password: signer.password,
    });
    infusions.push({ sessionId, planRecordId: completedPlan, startedAt: minutesAgo(175), endedAt: minutesAgo(133) });
  }
  if (runningPlan !== undefined) {
    const started = call(nurse, 'sessions.start', {
      planRecordId: runningPlan,
      planVersionId: currentVersion(runningPlan),
      occurredAt: minutesAgo(25),
      checklist: checklist(6),
    });
    call(nurse, 'sessions.addEntry', {
      sessionId: started.id,
      occurredAt: minutesAgo(20),
      entry: event('start', {
        rateMlPerH: started.plannedRateMlPerH ?? '0',
        lotNumber: 'KET-2611-04',
        lotExpiry,
      }),
    });
    call(nurse, 'sessions.addEntry', {
      sessionId: started.id,
      occurredAt: minutesAgo(8),
      entry: { kind: 'observation', content: observation(131, 84, 5) },
    });
    infusions.push({ sessionId: started.id, planRecordId: runningPlan, startedAt: minutesAgo(20), endedAt: null });
  }
  return infusions;
}
