import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { administrationEventEntry } from '../../src/domain/infusion-session';
import type { SessionEntryView, SessionView } from '../../src/domain/session-view';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { noteServerTime } from '../../src/renderer/lib/server-clock';
import { MonitoringFieldset } from '../../src/renderer/features/sessions/MonitoringFieldset';
import { NextCheckPanel } from '../../src/renderer/features/sessions/NextCheckPanel';
import { SessionActions } from '../../src/renderer/features/sessions/SessionActions';
import { SupervisionPanel } from '../../src/renderer/features/sessions/SupervisionPanel';
import { Timeline } from '../../src/renderer/features/sessions/Timeline';
import { SupervisionStartFields } from '../../src/renderer/features/sessions/SupervisionStartFields';
import { blankStartSupervision, startSupervisionInput } from '../../src/renderer/features/sessions/start-supervision';
import { checklistFormValues } from '../../src/renderer/features/sessions/checklist-form';
import { testChecklist, testObservation } from '../support/session-entries';

/** The start screen's and session screen's supervision parts as the browser gets them (static markup). */
const clinic = { name: 'Harbor Infusion Clinic', address: '', timeZone: 'America/New_York', autoLockMinutes: 10 };
const signIn = {
  state: 'active',
  clinic,
  user: { id: 3, username: 'nurse', displayName: 'Li Chen', credentials: 'RN', role: 'nurse' },
  serverTime: '2026-03-09T14:00:00.000Z',
  locksAt: '2026-03-09T15:00:00.000Z',
};
const context = { signIn } as unknown as SignInContextValue;

function html(element: ReactElement): string {
  return renderToStaticMarkup(createElement(SignInContext.Provider, { value: context }, element))
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

const at = (minute: number) => new Date(Date.UTC(2026, 2, 9, 14, 0) + minute * 60_000).toISOString();
let id = 0;
function entry(minute: number, body: Pick<SessionEntryView, 'kind' | 'content'>): SessionEntryView {
  id += 1;
  return {
    id,
    occurredAt: at(minute),
    recordedAt: at(minute),
    userId: 3,
    printedName: 'Li Chen, RN',
    correctsEntryId: null,
    correctionReason: null,
    correctedByEntryId: null,
    witnessPrintedName: null,
    ...body,
  } as SessionEntryView;
}

function session(entries: SessionEntryView[], status: SessionView['status'], recovery: number | null): SessionView {
  return {
    id: 1,
    patientId: 1,
    planRecordId: 2,
    planVersionId: 3,
    seriesNumber: 1,
    seriesTotal: 6,
    createdAt: at(-5),
    createdByPrintedName: 'Li Chen, RN',
    status,
    plannedRateMlPerH: '5.4',
    monitoringIntervalMin: 15,
    recoveryCheckIntervalMin: recovery,
    planSignedAt: at(-60),
    plannedDurationMin: 40,
    plannedVolumeMl: '3.63',
    startedAt: at(0),
    endedAt: null,
    lastObservationAt: null,
    entries,
    signatures: [],
  };
}

const fakeRegistration = (name: string) => ({
  name,
  onChange: () => Promise.resolve(),
  onBlur: () => Promise.resolve(),
  ref: () => undefined,
});

afterEach(() => noteServerTime(new Date().toISOString()));

describe('the start screen: supervising physician and monitoring (issue 22 point 5)', () => {
  it('asks for the supervising physician from the clinic’s physicians, and how they are available', () => {
    const markup = html(
      createElement(SupervisionStartFields, {
        value: blankStartSupervision,
        onChange: () => undefined,
        requiredMonitoring: ['pulseOximetry'],
        physicians: [
          { userId: 2, printedName: 'Ana Ruiz, MD' },
          { userId: 5, printedName: 'Chidi Okoye, MD' },
        ],
      }),
    );
    expect(markup).toContain('Supervising physician');
    expect(markup).toContain('Choose the physician Ana Ruiz, MD Chidi Okoye, MD');
    expect(markup).toContain('On site');
    expect(markup).toContain('Immediately available');
    expect(markup).toContain('Reason for going ahead without required monitoring');
  });

  it('asks no monitoring reason where the clinic requires none, and says so when none is set up', () => {
    const markup = html(
      createElement(SupervisionStartFields, {
        value: blankStartSupervision,
        onChange: () => undefined,
        requiredMonitoring: [],
        physicians: [],
      }),
    );
    expect(markup).not.toContain('Reason for going ahead without required monitoring');
    expect(markup).toContain('No active physician is set up');
  });

  it('sends the physician only once both are chosen, and the reason only where monitoring is required', () => {
    expect(startSupervisionInput(blankStartSupervision, [])).toEqual({});
    const chosen = { physicianUserId: '2', availability: 'on-site' as const, monitoringReason: 'Capnograph broken' };
    expect(startSupervisionInput(chosen, ['capnography'])).toEqual({
      supervision: { physicianUserId: 2, availability: 'on-site' },
      monitoringReason: 'Capnograph broken',
    });
    expect(startSupervisionInput(chosen, [])).toEqual({ supervision: { physicianUserId: 2, availability: 'on-site' } });
  });

  it('lists the monitoring with the clinic’s required items marked in words', () => {
    const markup = html(
      createElement(MonitoringFieldset, {
        prefix: 'entry',
        register: (item: string) => fakeRegistration(`content.monitoring.${item}`),
        required: ['capnography'],
      }),
    );
    expect(markup).toContain('Monitoring in use');
    expect(markup).toContain('Your clinic requires: Capnography (EtCO2).');
    expect(markup).toContain('Capnography (EtCO2) (required by your clinic)');
    expect(markup).toContain('Supplemental oxygen');
    expect(markup).not.toContain('Pulse oximetry (required');
  });

  it('keeps the monitoring a corrected checklist recorded, and none ticked for one from before', () => {
    const monitoring = { pulseOximetry: true, ecg: true, capnography: false, nibp: false, supplementalOxygen: false };
    expect(checklistFormValues({ ...testChecklist, monitoring }).monitoring).toEqual(monitoring);
    expect(checklistFormValues(testChecklist).monitoring).toEqual({ ...monitoring, pulseOximetry: false, ecg: false });
  });
});

describe('the session screen: handover, supervised by, recovery countdown (issue 22 point 5)', () => {
  const started = () => entry(0, administrationEventEntry('start', { rateMlPerH: '5.4' }));
  const supervisedChecklist = () =>
    entry(-2, {
      kind: 'checklist',
      content: {
        ...testChecklist,
        supervision: { physicianUserId: 2, printedName: 'Ana Ruiz, MD', availability: 'on-site' },
      },
    });

  it('offers a handover while the session is open', () => {
    const running = session([supervisedChecklist(), started()], 'Running', null);
    expect(html(createElement(SessionActions, { session: running, open: null, onOpen: () => undefined }))).toContain(
      'Handover',
    );
  });

  it('shows who supervised from when', () => {
    const handover = entry(20, {
      kind: 'supervision',
      content: { physicianUserId: 5, printedName: 'Chidi Okoye, MD', availability: 'immediately-available', note: '' },
    });
    const running = session([supervisedChecklist(), started(), handover], 'Running', null);
    const panel = html(createElement(SupervisionPanel, { session: running }));
    expect(panel).toContain('Supervised by');
    expect(panel).toContain('Ana Ruiz, MD (on site) from 09:58 until 10:20');
    expect(panel).toContain('Chidi Okoye, MD (immediately available) from 10:20');
  });

  it('counts down to the next recovery check after the stop where the clinic sets an interval', () => {
    const ended = session(
      [
        started(),
        entry(5, { kind: 'observation', content: testObservation }),
        entry(40, administrationEventEntry('end', { volumeInfusedMl: '3.6', wasteMg: '0' })),
      ],
      'Ended',
      15,
    );
    noteServerTime(at(45));
    const panel = html(createElement(NextCheckPanel, { session: ended }));
    expect(panel).toContain('Next recovery check in');
    expect(panel).toContain('Next recovery check due at 10:55');
    expect(panel).toContain('after the infusion stopped, until the discharge');
    noteServerTime(at(60));
    expect(html(createElement(NextCheckPanel, { session: ended }))).toContain('RECOVERY CHECK OVERDUE');
  });

  it('titles a check after the stop a recovery check on the timeline, one during the infusion a check', () => {
    const ended = session(
      [
        started(),
        entry(5, { kind: 'observation', content: testObservation }),
        entry(40, administrationEventEntry('end', { volumeInfusedMl: '3.6', wasteMg: '0' })),
        entry(50, { kind: 'observation', content: testObservation }),
      ],
      'Ended',
      15,
    );
    const timeline = html(createElement(Timeline, { session: ended, onCorrect: () => undefined }));
    expect(timeline).toMatch(/10:50 Recovery check /);
    expect(timeline).toMatch(/10:05 Check /);
    expect(timeline).not.toMatch(/10:05 Recovery check/);
  });
});
