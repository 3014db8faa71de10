import { starterDischargeCriteria } from '../../../src/domain/infusion-session';
import type { SessionView } from '../../../src/domain/session-view';
import type { EntrySpec } from './session-fixture';
import { check, checklist, entries, event, nurse, view } from './session-fixture';

/**
 * One infusion session in each state the fixture's sessions 7 (signed, with an adverse event)
 * and 8 (stopped, volume charted) do not cover, all under plan 2 v2 (Ruiz) on 20-Nov-2026:
 *
 * - 31 not started (checklist only); 32 running; 33 paused; 34 stopped with no volume charted;
 * - 35 ended, not yet discharged; 36 discharged, not signed;
 * - 37 signed "performed", then a check corrected: amended after signing.
 */
const t = (hhmm: string) => `2026-11-20T${hhmm}:00.000Z`;

const base = (id: number, plannedRateMlPerH: string | null) => ({
  id,
  patientId: 1,
  planRecordId: 2,
  planVersionId: 202,
  seriesNumber: id - 28,
  seriesTotal: 6,
  createdAt: t('14:00'),
  createdByPrintedName: nurse.printedName,
  plannedRateMlPerH,
  monitoringIntervalMin: 15,
});

const discharge: EntrySpec['body'] = {
  kind: 'discharge',
  content: {
    criteria: starterDischargeCriteria.map((item) => ({ ...item, met: true })),
    vitals: checklist.vitals,
    escortName: 'Luis Ruiz',
    instructionsGiven: true,
    notes: '',
  },
};

/** Entries 100·id + n, so every session's entries have ids of their own. */
function charted(id: number, rate: string | null, steps: readonly ('run' | 'pause' | 'stop' | 'end' | 'discharge')[]) {
  const specs: EntrySpec[] = [{ id: id * 100 + 1, at: t('14:00'), body: { kind: 'checklist', content: checklist } }];
  const minutes = ['14:05', '14:20', '14:30', '14:45', '15:10'];
  steps.forEach((step, position) => {
    const at = t(minutes[position] ?? '15:30');
    const entryId = id * 100 + 2 + position;
    const body: EntrySpec['body'] =
      step === 'run'
        ? { kind: 'event', content: event('start', { rateMlPerH: rate, lotNumber: 'K777', lotExpiry: '2027-09' }) }
        : step === 'pause'
          ? { kind: 'event', content: event('pause', { reason: 'Patient asked for a break' }) }
          : step === 'stop'
            ? { kind: 'event', content: event('stop', { reason: 'IV site swelling' }) }
            : step === 'end'
              ? { kind: 'event', content: event('end', { volumeInfusedMl: '52.17' }) }
              : discharge;
    specs.push({ id: entryId, at, body });
    if (step === 'run')
      specs.push({ id: id * 100 + 50, at: t('14:15'), body: { kind: 'observation', content: check() } });
  });
  return specs;
}

export function stateSessions(plannedRateMlPerH: string | null): SessionView[] {
  const signedBy = (id: number, lastEntryId: number) => [
    {
      id: id * 10,
      signerUserId: nurse.userId,
      printedName: nurse.printedName,
      meaning: 'performed' as const,
      signedAt: t('15:20'),
      lastEntryId,
      contentSha256: 'b'.repeat(64),
    },
  ];
  const amended = charted(37, plannedRateMlPerH, ['run', 'end', 'discharge']);
  return [
    view({ ...base(31, plannedRateMlPerH), signatures: [] }, entries(charted(31, plannedRateMlPerH, []))),
    view({ ...base(32, plannedRateMlPerH), signatures: [] }, entries(charted(32, plannedRateMlPerH, ['run']))),
    view({ ...base(33, plannedRateMlPerH), signatures: [] }, entries(charted(33, plannedRateMlPerH, ['run', 'pause']))),
    view({ ...base(34, plannedRateMlPerH), signatures: [] }, entries(charted(34, plannedRateMlPerH, ['run', 'stop']))),
    view({ ...base(35, plannedRateMlPerH), signatures: [] }, entries(charted(35, plannedRateMlPerH, ['run', 'end']))),
    view(
      { ...base(36, plannedRateMlPerH), signatures: [] },
      entries(charted(36, plannedRateMlPerH, ['run', 'end', 'discharge'])),
    ),
    view(
      { ...base(37, plannedRateMlPerH), signatures: signedBy(37, 3750) },
      entries([
        ...amended,
        {
          id: 3790,
          at: t('14:15'),
          recordedAt: t('15:40'),
          body: { kind: 'observation', content: check({ painNrs: 2 }) },
          corrects: { entryId: 3750, reason: 'Pain score charted for the wrong patient' },
        },
      ]),
    ),
  ];
}
