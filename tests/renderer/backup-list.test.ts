import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { BackupRun } from '../../src/domain/backups';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { BackupList } from '../../src/renderer/features/backups/BackupList';

/** The list of backups as an administrator of a clinic on New York time sees it. */
const context = {
  signIn: {
    state: 'active',
    clinic: { name: 'Lakeside Infusion Clinic', address: '', timeZone: 'America/New_York', autoLockMinutes: 10 },
    user: { id: 1, username: 'admin', displayName: 'Alex Admin', credentials: '', role: 'admin' },
    serverTime: '2026-11-30T16:00:00.000Z',
    locksAt: '2026-11-30T17:00:00.000Z',
  },
} as unknown as SignInContextValue;

const hash = 'ab12cd34ef56'.padEnd(64, '0');
const good: BackupRun = {
  id: 2,
  kind: 'daily',
  startedAt: '2026-11-30T23:30:00.000Z',
  finishedAt: '2026-11-30T23:30:04.000Z',
  ok: true,
  fileName: 'dosing-ledger-20261130-233000Z.ledger.age',
  sizeBytes: 1_234_567,
  headSeq: 812,
  headHash: hash,
  message: 'Check passed: integrity ok, audit chain intact (812 entries), same chain head as the live ledger.',
  fileInFolder: true,
  byName: null,
};
const failed: BackupRun = {
  ...good,
  id: 1,
  kind: 'quit',
  ok: false,
  fileName: null,
  sizeBytes: null,
  headSeq: null,
  headHash: null,
  message: 'The backup failed: The backup folder /media/usb does not exist.',
  fileInFolder: null,
};

function list(runs: BackupRun[]): string {
  return renderToStaticMarkup(
    createElement(
      SignInContext.Provider,
      { value: context },
      createElement(BackupList, { runs, onTestRestore: () => undefined }),
    ),
  );
}

describe('the list of backups', () => {
  it('shows each time in clinic time with its offset, the size in words, and the chain head short with the full hash on hover', () => {
    const html = list([good, failed]);
    expect(html).toContain('30-Nov-2026 18:30 UTC−05:00');
    expect(html).toContain('1.2 MB');
    expect(html).toContain(`title="Entry 812: ${hash}"`);
    expect(html).toContain('<code>ab12cd34ef56</code>');
    expect(html).toContain('Check passed');
  });

  it('offers a test restore only for a good backup still in the folder, and says why one failed', () => {
    const html = list([good, failed, { ...good, id: 3, fileInFolder: false }]);
    expect(html.match(/Test restore<span/g)).toHaveLength(1);
    expect(html).toContain('The backup failed: The backup folder /media/usb does not exist.');
    expect(html).toContain('No longer in the folder');
    expect(list([])).toContain('No backups yet.');
  });
});
