import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { AuditVerifyJob } from '../../src/contract/audit-verify-job';
import { VerifyOutcome } from '../../src/renderer/features/audit/VerifyChainPanel';
import { VerifyProgress, timeLeftText } from '../../src/renderer/features/audit/VerifyProgress';

const note =
  'Incremental check: the entries after entry 812,400, which signed checkpoint 97 (sign-in at 2026-12-06T08:01:00.000Z) holds.';

const running: AuditVerifyJob = {
  id: '6a0f3f7e-1111-4000-8000-000000000001',
  state: 'running',
  scope: 'sinceLast',
  done: 250,
  total: 1000,
  what: 'Checking the new entries',
  secondsLeft: 42,
  start: { kind: 'incremental', fromSeq: 812_400, checkpointId: 97, note },
  head: null,
  result: null,
  message: '',
};

describe('the verification panel', () => {
  it('shows a running check as a labelled progress bar with what is checked, the time left and Cancel', () => {
    const html = renderToStaticMarkup(createElement(VerifyProgress, { job: running, onCancel: () => undefined }));
    expect(html).toContain('<label for="verify-progress-bar">Checking the new entries: 25% done</label>');
    expect(html).toContain('<progress id="verify-progress-bar" max="1000" value="250"></progress>');
    expect(html).toContain('About 42 s left');
    expect(html).toContain(note);
    expect(html).toMatch(/<button type="button"[^>]*>Cancel verification<\/button>/);
  });

  it('says it is estimating until the server can tell, and counts minutes past one', () => {
    expect(timeLeftText(null)).toBe('Estimating the time left…');
    expect(timeLeftText(0)).toBe('About 1 s left');
    expect(timeLeftText(150)).toBe('About 3 min left');
    const starting = { ...running, done: 0, total: 0, secondsLeft: null, start: null };
    const html = renderToStaticMarkup(createElement(VerifyProgress, { job: starting, onCancel: () => undefined }));
    expect(html).toContain('<progress id="verify-progress-bar" max="1" value="0"></progress>');
  });

  it('shows an intact incremental check with the entry it started after', () => {
    const done: AuditVerifyJob = {
      ...running,
      state: 'done',
      done: 1000,
      secondsLeft: null,
      head: { seq: 815_000, hash: 'ab'.repeat(32) },
      result: { ok: true, entries: 2600, headHash: 'ab'.repeat(32), checkpoints: 3 },
    };
    const html = renderToStaticMarkup(createElement(VerifyOutcome, { job: done }));
    expect(html).toContain('The audit chain is intact');
    expect(html).toContain('The 2,600 entries after entry 812,400 are in order');
    expect(html).toContain(note);
  });

  it('says a cancelled check changed nothing', () => {
    const html = renderToStaticMarkup(createElement(VerifyOutcome, { job: { ...running, state: 'cancelled' } }));
    expect(html).toContain('Verification cancelled');
    expect(html).toContain('Nothing was changed');
  });
});
