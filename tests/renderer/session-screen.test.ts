import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { administrationEventEntry } from '../../src/domain/infusion-session';
import type { Patient } from '../../src/domain/patient';
import type { SessionEntryView, SessionView } from '../../src/domain/session-view';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { noteServerTime } from '../../src/renderer/lib/server-clock';
import { ChecklistFields } from '../../src/renderer/features/sessions/ChecklistFields';
import { checklistFormValues } from '../../src/renderer/features/sessions/checklist-form';
import { NextCheckPanel } from '../../src/renderer/features/sessions/NextCheckPanel';
import { PumpPanel } from '../../src/renderer/features/sessions/PumpPanel';
import { SessionActions } from '../../src/renderer/features/sessions/SessionActions';
import { testObservation } from '../support/session-entries';

/**
 * The session screen's panels and forms rendered as the browser gets them (React's own
 * server renderer, no browser needed), signed in as a nurse of a clinic on New York time.
 */
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

function session(entries: SessionEntryView[], status: SessionView['status']): SessionView {
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

const started = () => entry(0, administrationEventEntry('start', { rateMlPerH: '5.4' }));

/** Moves the screen's clock (the server's, as the panels read it) to `minute` after 10:00 local (UTC−04:00). */
function nowAt(minute: number): void {
  noteServerTime(at(minute));
}

afterEach(() => noteServerTime(new Date().toISOString()));

describe('the session screen (issue 20)', () => {
  it('names the early stop for what it does, beside "End infusion" (point 15)', () => {
    const running = session([started()], 'Running');
    const buttons = html(createElement(SessionActions, { session: running, open: null, onOpen: () => undefined }));
    expect(buttons).toContain('Stop early…');
    expect(buttons).toContain('End infusion');
    expect(buttons).not.toMatch(/ Stop (?!early)/);
  });

  it('shows the planned end while running, and over-time in words (point 12)', () => {
    const running = session([started()], 'Running');
    nowAt(30);
    const onTime = html(createElement(PumpPanel, { session: running }));
    expect(onTime).toContain('Planned end 10:40');
    expect(onTime).not.toContain('Over time');
    nowAt(45);
    const late = html(createElement(PumpPanel, { session: running }));
    expect(late).toContain('Over time by 5 min: the planned end was 10:40');
  });

  it('moves the planned end on by the time paused (point 12)', () => {
    const paused = session(
      [
        started(),
        entry(10, administrationEventEntry('pause')),
        entry(15, administrationEventEntry('resume', { rateMlPerH: '5.4' })),
      ],
      'Running',
    );
    nowAt(30);
    expect(html(createElement(PumpPanel, { session: paused }))).toContain('Planned end 10:45');
  });

  it('stops the countdown once the infusion has ended: no OVERDUE, recovery checks optional (point 13)', () => {
    const ended = session(
      [
        started(),
        entry(5, { kind: 'observation', content: testObservation }),
        entry(40, administrationEventEntry('end', { volumeInfusedMl: '3.6', wasteMg: '0' })),
      ],
      'Ended',
    );
    nowAt(90);
    const panel = html(createElement(NextCheckPanel, { session: ended }));
    expect(panel).not.toContain('OVERDUE');
    expect(panel).not.toContain('Record a check now');
    expect(panel).toContain('The infusion ended at 10:40: timed checks have stopped.');
    expect(panel).toContain('Recovery checks are optional');
  });

  it('starts the checklist’s pain score empty, asking for a choice (point 17)', () => {
    const patient: Patient = {
      id: 1,
      version: 1,
      createdAt: at(-600),
      updatedAt: at(-600),
      mrn: 'H-1',
      familyName: 'Okafor',
      givenNames: 'Chiamaka',
      preferredName: '',
      dateOfBirth: '1975-05-05',
      sex: 'female',
      phone: '',
      emergencyContact: null,
      allergies: { status: 'none-known' },
    };
    const register = (name: string) => ({
      name,
      onChange: () => Promise.resolve(),
      onBlur: () => Promise.resolve(),
      ref: () => undefined,
    });
    const form = renderToStaticMarkup(
      createElement(
        SignInContext.Provider,
        { value: context },
        createElement(ChecklistFields, {
          prefix: 'entry',
          patient,
          register: register as never,
          values: checklistFormValues(null),
          messages: new Map(),
          scales: new Set(['painNrs'] as const),
        }),
      ),
    );
    const pain = /<select[^>]*id="entry-content-scales-painNrs"[^>]*>(.*?)<\/select>/s.exec(form)?.[1] ?? '';
    expect(pain).not.toBe('');
    expect(pain).not.toContain('Not recorded');
    expect(pain).toMatch(/^<option value="">Choose a score<\/option>/);
  });
});
