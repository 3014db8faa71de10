import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { CallError } from '../../src/contract/errors';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { StaleSaveNotice } from '../../src/renderer/components/StaleSaveNotice';
import { SaveStatus } from '../../src/renderer/features/records/SaveStatus';
import { conflictState } from '../../src/renderer/features/records/use-autosave';

/** What a draft screen shows when the same physician saved the draft on another device meanwhile. */
const context = {
  signIn: {
    state: 'active',
    clinic: { name: 'Lakeside Infusion Clinic', address: '', timeZone: 'America/New_York', autoLockMinutes: 10 },
    user: { id: 2, username: 'physician', displayName: 'Ana Ruiz', credentials: 'MD', role: 'physician' },
    serverTime: '2026-11-30T16:00:00.000Z',
    locksAt: '2026-11-30T17:00:00.000Z',
  },
} as unknown as SignInContextValue;

const message =
  'Not saved: you, on Chair 3 tablet, saved this exam draft at 30-Nov-2026 11:02 UTC\u221205:00, after this screen loaded it. Changed there: 2 fields. Your changes are still on screen: load the latest, then make them again.';
const refusal: CallError = {
  code: 'CONFLICT',
  message,
  issues: [
    { path: 'content.vitals.systolicMmHg', message: 'Changed since this screen loaded it' },
    { path: 'content.findings', message: 'Changed since this screen loaded it' },
  ],
};

function status(error: CallError): string {
  return renderToStaticMarkup(
    createElement(
      SignInContext.Provider,
      { value: context },
      createElement(SaveStatus, {
        state: conflictState(error),
        issues: [],
        onRetry: () => undefined,
        onSelect: () => undefined,
        recordType: 'exam',
        onLoadLatest: () => undefined,
      }),
    ),
  );
}

describe('a draft save refused because another screen saved it since', () => {
  it('keeps the changed fields by path, without the "content." of the call', () => {
    expect(conflictState(refusal)).toEqual({
      kind: 'conflict',
      message,
      changedPaths: ['vitals.systolicMmHg', 'findings'],
    });
  });

  it('says who and when, lists the changed fields by their labels, and offers "Load the latest"', () => {
    const html = status(refusal);
    expect(html).toContain('role="alert"');
    expect(html).toContain('you, on Chair 3 tablet, saved this exam draft at 30-Nov-2026 11:02 UTC\u221205:00');
    expect(html).toContain('<li>Systolic blood pressure (mmHg)</li><li>Findings</li>');
    expect(html).toContain('Loading the latest replaces what you typed here since your last save');
    expect(html).toMatch(/<button type="button"[^>]*>Load the latest<\/button>/);
    // Not the routine "Try saving again": saving again would be refused again.
    expect(html).not.toContain('Try saving again');
    expect(html).not.toContain('Draft saved at');
  });
});

describe('the same refusal on a settings page', () => {
  it('shows the message and "Load the latest" until the user chooses it', () => {
    const html = renderToStaticMarkup(
      createElement(StaleSaveNotice, {
        message: 'Not saved: Alex Admin saved the clinic settings at 30-Nov-2026 11:02 UTC\u221205:00.',
        onLoadLatest: () => undefined,
      }),
    );
    expect(html).toContain('Someone saved this since you opened it');
    expect(html).toContain('Alex Admin saved the clinic settings at 30-Nov-2026 11:02 UTC\u221205:00');
    expect(html).toContain('Load the latest');
    expect(html).not.toContain('Changed there');
  });
});
