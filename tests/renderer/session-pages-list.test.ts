import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import type { SessionListItem } from '../../src/domain/session-list-item';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { seriesPosition } from '../../src/renderer/features/chairside/series-position';
import { SessionPagesList } from '../../src/renderer/features/sessions/SessionPagesList';

/** The chart's paged list of sessions as the browser gets it: newest first, "Show older sessions". */
const signIn = {
  state: 'active',
  clinic: { name: 'Harbor Infusion Clinic', address: '', timeZone: 'UTC', autoLockMinutes: 10 },
  user: { id: 3, username: 'nurse', displayName: 'Nora Kim', credentials: 'RN', role: 'nurse' },
  serverTime: '2026-11-23T15:00:00.000Z',
  locksAt: '2026-11-23T16:00:00.000Z',
};
const context = { signIn } as unknown as SignInContextValue;
const markup = (element: ReactElement) =>
  renderToStaticMarkup(
    createElement(MemoryRouter, null, createElement(SignInContext.Provider, { value: context }, element)),
  );
const text = (element: ReactElement) =>
  markup(element)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

const item = (id: number, overrides: Partial<SessionListItem> = {}): SessionListItem => ({
  id,
  patientId: 1,
  planRecordId: 2,
  planVersionId: 3,
  seriesNumber: id,
  seriesTotal: 6,
  createdAt: `2026-11-${String(id).padStart(2, '0')}T14:00:00.000Z`,
  createdByPrintedName: 'Nora Kim, RN',
  status: 'Signed',
  startedAt: `2026-11-${String(id).padStart(2, '0')}T14:05:00.000Z`,
  endedAt: null,
  doseGivenMg: '36.2',
  signed: true,
  ...overrides,
});

const pages = (sessions: SessionListItem[], more: boolean) => ({
  sessions,
  more,
  busy: false,
  error: null,
  showOlder: () => undefined,
});

describe('the chart list of sessions', () => {
  it('shows the newest page with its dose and offers older sessions while there are more', () => {
    const shown = text(
      createElement(SessionPagesList, {
        patientId: 1,
        total: 25,
        pages: pages([item(5), item(4, { doseGivenMg: null, status: 'Discharged', signed: false })], true),
      }),
    );
    expect(shown).toContain('Infusion 5 of 6 05-Nov-2026 Signed 36.2 mg Nora Kim, RN');
    expect(shown).toContain('Infusion 4 of 6 04-Nov-2026 Discharged Not charted');
    expect(shown).toContain('The newest 2 of 25 sessions.');
    expect(markup(createElement(SessionPagesList, { patientId: 1, total: 25, pages: pages([item(5)], true) }))).toMatch(
      /<button[^>]*>Show older sessions<\/button>/,
    );
  });

  it('offers nothing older once every session is shown', () => {
    const shown = text(
      createElement(SessionPagesList, { patientId: 1, total: 2, pages: pages([item(2), item(1)], false) }),
    );
    expect(shown).toContain('All 2 sessions, newest first.');
    expect(shown).not.toContain('Show older sessions');
  });
});

describe('the chairside series position', () => {
  it('comes from the counts per plan and the open session, not every session', () => {
    const series = [{ planRecordId: 2, charted: 3 }];
    expect(seriesPosition({ open: item(3, { status: 'Running' }), series }, 2, 6)).toBe(
      'Infusion 3 of 6 (in progress)',
    );
    expect(seriesPosition({ open: null, series }, 2, 6)).toBe('Next: infusion 4 of 6');
    expect(seriesPosition({ open: null, series: [{ planRecordId: 2, charted: 6 }] }, 2, 6)).toBe(
      'All 6 infusions charted',
    );
    expect(seriesPosition({ open: item(9, { planRecordId: 7 }), series }, 2, null)).toBe('Next: infusion 4');
  });
});
