import type { Checklist, Observation } from '../domain/infusion-session';
import { starterDischargeCriteria } from '../domain/infusion-session';
import { emptyScales } from '../domain/scales';
import type { SignIn } from '../services/sign-in';
import type { Call } from './demo-caller';
import { demoDraws } from './demo-register';
import { lastEntryIdOf } from '../domain/session-view';
import { administrationEventEntry } from '../domain/infusion-session';
import { Decimal } from '../domain/quantity';

/** The demo plans' bag of diluent, to which the drawn dose is added. */
const bagVolumeMl = '100';

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
  scales: { ...emptyScales, phq9: phq9Easing(painNrs), painNrs },
});

/** PHQ-9 answers easing with the pain over the series (its total is two below the pain score). */
function phq9Easing(painNrs: number): number[] {
  const total = Math.max(painNrs - 2, 0);
  return Array.from({ length: 9 }, (_, item) => (item < total && item !== 8 ? 1 : 0));
}

const observation = (systolic: number, heartRate: number, painNrs: number): Observation => ({
  vitals: vitals(systolic, heartRate),
  sedation: 5,
  cadss6: [1, 0, 0, 1, 0, 0],
  painNrs,
  nausea: 'none',
  notes: '',
});

const event = administrationEventEntry;

/** The nurse at the chair: who charts, when (the infusion's times count back from `clock`), who witnesses waste. */
export interface DemoChair {
  call: Call;
  nurse: SignIn;
  clock: () => Date;
  /** The nurse's credentials, to sign the session. */
  signer: { username: string; password: string };
  /** The physician's, to witness the waste. */
  witness: { username: string; password: string };
}

function minutesBefore(chair: DemoChair, minutes: number): string {
  return new Date(chair.clock().getTime() - minutes * 60_000).toISOString();
}

/** Starts the infusion of the plan's current version, drawing the dose from the register. */
function startInfusion(chair: DemoChair, planRecordId: number, startMinutesAgo: number, painNrs: number) {
  const { call, nurse } = chair;
  const planVersionId = call(nurse, 'chairside.status', { planRecordId }).currentVersionId ?? 0;
  const drawn = demoDraws(call, nurse, planRecordId);
  const started = call(nurse, 'sessions.start', {
    planRecordId,
    planVersionId,
    occurredAt: minutesBefore(chair, startMinutesAgo + 5),
    checklist: {
      ...checklist(painNrs),
      monitoring: { pulseOximetry: true, ecg: false, capnography: false, nibp: true, supplementalOxygen: false },
    },
    // The clinic's first physician supervises, on site (issue 22: a start names one).
    supervision: {
      physicianUserId: call(nurse, 'sessions.physicians', {}).physicians[0]?.userId ?? 0,
      availability: 'on-site',
    },
  });
  call(nurse, 'sessions.addEntry', {
    sessionId: started.id,
    occurredAt: minutesBefore(chair, startMinutesAgo),
    entry: event('start', { rateMlPerH: started.plannedRateMlPerH ?? '0' }),
    draws: drawn.draws,
  });
  return { sessionId: started.id, drawn };
}

/**
 * An infusion charted from start to signature: the start three hours before `clock` with the
 * register's vials, checks every 15 minutes, the end with the waste witnessed by the physician,
 * the discharge and the nurse's signature. `painNrs` is the pain score before it.
 */
export function chartCompletedInfusion(chair: DemoChair, planRecordId: number, painNrs: number): void {
  const { call, nurse } = chair;
  const { sessionId, drawn } = startInfusion(chair, planRecordId, 175, painNrs);
  // Checks every 15 minutes; the last two after the end (at 135) are recovery checks.
  [160, 145, 130, 115].forEach((ago, index) =>
    call(nurse, 'sessions.addEntry', {
      sessionId,
      occurredAt: minutesBefore(chair, ago),
      entry: {
        kind: 'observation',
        content: observation(128 + index * 3, 78 + index * 2, Math.max(painNrs - 1 - index, 0)),
      },
    }),
  );
  const wasted = new Decimal(drawn.wasteMg);
  call(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: minutesBefore(chair, 135),
    entry: event('end', {
      volumeInfusedMl: new Decimal(bagVolumeMl).plus(drawn.volumeMl).toFixed(),
      wasteMg: wasted.isZero() ? null : wasted.toFixed(),
    }),
    witness: wasted.isZero() ? undefined : chair.witness,
  });
  const discharged = call(nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: minutesBefore(chair, 100),
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
    username: chair.signer.username,
    password: chair.signer.password,
  });
}

/** An infusion running now (started 20 minutes before `clock`), so the chairside countdown has something to count. */
export function chartRunningInfusion(chair: DemoChair, planRecordId: number, painNrs: number): void {
  const { sessionId } = startInfusion(chair, planRecordId, 20, painNrs);
  chair.call(chair.nurse, 'sessions.addEntry', {
    sessionId,
    occurredAt: minutesBefore(chair, 8),
    entry: { kind: 'observation', content: observation(131, 84, Math.max(painNrs - 1, 0)) },
  });
}
