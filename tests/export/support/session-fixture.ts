import type { AdministrationEvent, Checklist, Observation } from '../../../src/domain/infusion-session';
import { starterDischargeCriteria } from '../../../src/domain/infusion-session';
import { emptyScales } from '../../../src/domain/scales';
import { effectiveEntries, sessionStatus } from '../../../src/domain/session-state';
import type { SessionEntryView, SessionView } from '../../../src/domain/session-view';
import type { Vitals } from '../../../src/domain/vitals';

/**
 * Infusion sessions as the session service builds their views (services/sessions-view.ts toView):
 * entries in charted order, `correctedByEntryId` set on corrected entries, the status from
 * the domain's own sessionStatus.
 *
 * - Session 7, Ruiz, plan 2 v2, infusion 2 of 6 (16-Nov-2026, UTC−05:00): checklist, start at
 *   the planned rate, a check every 5 minutes, a rate change to 120 mL/h with a deviation
 *   reason, nausea (adverse event) with a pause and resume, the 15:15 check corrected (pain
 *   4 → 3, respiratory rate withdrawn), end with witnessed waste, discharge, signed
 *   "performed" by the nurse and "reviewed" by the physician.
 * - Session 8, 王, plan 4 v1, infusion 1 of 6: started, stopped by the patient's wish, not
 *   yet discharged or signed.
 */
export const nurse = { userId: 3, printedName: 'Li Chen, RN' };
export const physician = { userId: 2, printedName: 'Ana Ruiz, MD' };

const vitals = (overrides: Partial<Vitals> = {}): Vitals => ({
  systolicMmHg: 128,
  diastolicMmHg: 82,
  heartRateBpm: 78,
  spo2Percent: 98,
  respiratoryRatePerMin: 14,
  temperatureC: '36.8',
  ...overrides,
});

export const check = (overrides: Partial<Observation> = {}): Observation => ({
  vitals: vitals({ temperatureC: null }),
  sedation: 5,
  cadss6: [0, 0, 0, 0, 0, 0],
  painNrs: 4,
  nausea: 'none',
  notes: '',
  ...overrides,
});

export const event = (
  type: AdministrationEvent['type'],
  overrides: Partial<AdministrationEvent> = {},
): AdministrationEvent => ({
  type,
  rateMlPerH: null,
  reason: '',
  lotNumber: '',
  lotExpiry: '',
  volumeInfusedMl: null,
  wasteMg: null,
  ...overrides,
});

type Body = Pick<SessionEntryView, 'kind' | 'content'>;

export interface EntrySpec {
  id: number;
  at: string;
  /** When it was saved; a minute after it happened unless said. */
  recordedAt?: string;
  body: Body;
  by?: { userId: number; printedName: string };
  corrects?: { entryId: number; reason: string };
  witness?: string;
}

const minuteAfter = (instant: string) => new Date(Date.parse(instant) + 60_000).toISOString();

export function entries(specs: readonly EntrySpec[]): SessionEntryView[] {
  const correctedBy = new Map(
    specs.flatMap((spec) => (spec.corrects === undefined ? [] : [[spec.corrects.entryId, spec.id]])),
  );
  return specs
    .map(
      (spec) =>
        ({
          id: spec.id,
          ...spec.body,
          occurredAt: spec.at,
          recordedAt: spec.recordedAt ?? minuteAfter(spec.at),
          userId: (spec.by ?? nurse).userId,
          printedName: (spec.by ?? nurse).printedName,
          correctsEntryId: spec.corrects?.entryId ?? null,
          correctionReason: spec.corrects?.reason ?? null,
          correctedByEntryId: correctedBy.get(spec.id) ?? null,
          witnessPrintedName: spec.witness ?? null,
        }) as SessionEntryView,
    )
    .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.id - b.id);
}

export function view(
  base: Omit<SessionView, 'status' | 'startedAt' | 'endedAt' | 'lastObservationAt' | 'entries'>,
  charted: SessionEntryView[],
): SessionView {
  const standing = effectiveEntries(charted);
  const firstOf = (type: AdministrationEvent['type']) =>
    standing.find((entry) => entry.kind === 'event' && entry.content.type === type)?.occurredAt ?? null;
  return {
    ...base,
    status: sessionStatus(charted, base.signatures),
    startedAt: firstOf('start'),
    endedAt: firstOf('end') ?? firstOf('stop'),
    lastObservationAt: standing.filter((entry) => entry.kind === 'observation').at(-1)?.occurredAt ?? null,
    entries: charted,
  };
}

export const checklist: Checklist = {
  identityConfirmed: true,
  escortPresent: true,
  escortName: 'Luis Ruiz',
  fasting: 'fasted',
  fastingNote: '',
  changesSinceLastVisit: '=No changes; slept well',
  ivSite: 'Left antecubital',
  ivGauge: 22,
  vitals: vitals({ heartRateBpm: 72 }),
  scales: { ...emptyScales, phq9: [1, 1, 1, 0, 1, 1, 0, 0, 0], painNrs: 6 },
};

const t = (hhmm: string) => `2026-11-16T${hhmm}:00.000Z`;

/** Every 5 minutes from 15:10 to 15:55, ids in the order they were saved. */
const checks: EntrySpec[] = [
  { id: 703, at: t('15:10'), body: { kind: 'observation', content: check() } },
  { id: 704, at: t('15:15'), body: { kind: 'observation', content: check({ painNrs: 4 }) } },
  {
    id: 706,
    at: t('15:20'),
    body: { kind: 'observation', content: check({ cadss6: [2, 1, null, 1, 0, 0], notes: 'Feels floaty' }) },
  },
  { id: 709, at: t('15:25'), body: { kind: 'observation', content: check({ nausea: 'moderate', sedation: 4 }) } },
  { id: 711, at: t('15:30'), body: { kind: 'observation', content: check({ nausea: 'mild' }) } },
  { id: 713, at: t('15:35'), body: { kind: 'observation', content: check() } },
  { id: 714, at: t('15:40'), body: { kind: 'observation', content: check() } },
  { id: 715, at: t('15:45'), body: { kind: 'observation', content: check({ cadss6: [1, 1, 0, 0, 0, 1] }) } },
  { id: 717, at: t('15:55'), body: { kind: 'observation', content: check({ painNrs: 2 }) } },
];

export const ruizSession = (plannedRateMlPerH: string | null): SessionView =>
  view(
    {
      id: 7,
      patientId: 1,
      planRecordId: 2,
      planVersionId: 202,
      seriesNumber: 2,
      seriesTotal: 6,
      createdAt: t('15:01'),
      createdByPrintedName: nurse.printedName,
      plannedRateMlPerH,
      monitoringIntervalMin: 15,
      signatures: [
        {
          id: 21,
          signerUserId: 3,
          printedName: nurse.printedName,
          meaning: 'performed',
          signedAt: t('16:25'),
          lastEntryId: 719,
          contentSha256: 'a'.repeat(64),
        },
        {
          id: 22,
          signerUserId: 2,
          printedName: physician.printedName,
          meaning: 'reviewed',
          signedAt: t('16:40'),
          lastEntryId: 719,
          contentSha256: 'a'.repeat(64),
        },
      ],
    },
    entries([
      { id: 701, at: t('15:00'), body: { kind: 'checklist', content: checklist } },
      {
        id: 702,
        at: t('15:05'),
        body: {
          kind: 'event',
          content: event('start', { rateMlPerH: plannedRateMlPerH, lotNumber: 'K123', lotExpiry: '2027-06' }),
        },
      },
      ...checks,
      {
        id: 705,
        at: t('15:18'),
        body: {
          kind: 'event',
          content: event('rate-change', { rateMlPerH: '120', reason: 'Dissociation: CADSS-6 rising' }),
        },
      },
      {
        id: 707,
        at: t('15:22'),
        body: {
          kind: 'adverse-event',
          content: {
            type: 'Nausea',
            onsetAt: t('15:21'),
            severity: 'moderate',
            action: 'Infusion paused; ondansetron given',
            rescueMedication: 'Ondansetron 4 mg IV',
            outcome: 'Resolved within 8 min',
            physicianNotified: { name: 'Ana Ruiz, MD', at: t('15:23') },
          },
        },
      },
      { id: 708, at: t('15:22'), body: { kind: 'event', content: event('pause', { reason: 'Nausea' }) } },
      {
        id: 710,
        at: t('15:30'),
        body: {
          kind: 'event',
          content: event('resume', { rateMlPerH: '120', reason: 'Nausea settled; reduced rate kept' }),
        },
      },
      {
        id: 712,
        at: t('15:15'),
        recordedAt: t('15:33'),
        body: {
          kind: 'observation',
          content: check({ painNrs: 3, vitals: vitals({ temperatureC: null, respiratoryRatePerMin: null }) }),
        },
        corrects: { entryId: 704, reason: 'Pain score and respiratory rate were of the previous patient' },
      },
      {
        id: 716,
        at: t('15:50'),
        body: { kind: 'event', content: event('end', { volumeInfusedMl: '100.7', wasteMg: '2' }) },
        witness: physician.printedName,
      },
      {
        id: 718,
        at: t('16:20'),
        body: {
          kind: 'discharge',
          content: {
            criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
            vitals: vitals({ systolicMmHg: 122 }),
            escortName: 'Luis Ruiz',
            instructionsGiven: true,
            notes: 'Left with her son',
          },
        },
      },
      {
        id: 719,
        at: t('16:21'),
        body: { kind: 'observation', content: check({ notes: 'Final check before leaving' }) },
      },
    ]),
  );

const w = (hhmm: string) => `2026-11-12T${hhmm}:00.000Z`;

export const wangSession = (plannedRateMlPerH: string | null): SessionView =>
  view(
    {
      id: 8,
      patientId: 2,
      planRecordId: 4,
      planVersionId: 401,
      seriesNumber: 1,
      seriesTotal: 6,
      createdAt: w('14:00'),
      createdByPrintedName: nurse.printedName,
      plannedRateMlPerH,
      monitoringIntervalMin: 15,
      signatures: [],
    },
    entries([
      { id: 801, at: w('14:00'), body: { kind: 'checklist', content: { ...checklist, escortName: 'His brother' } } },
      {
        id: 802,
        at: w('14:02'),
        body: {
          kind: 'event',
          content: event('start', { rateMlPerH: plannedRateMlPerH, lotNumber: 'K200', lotExpiry: '2027-01-31' }),
        },
      },
      { id: 803, at: w('14:17'), body: { kind: 'observation', content: check() } },
      {
        id: 804,
        at: w('14:20'),
        body: { kind: 'event', content: event('stop', { reason: 'Patient asked to stop', volumeInfusedMl: '41.5' }) },
      },
    ]),
  );
