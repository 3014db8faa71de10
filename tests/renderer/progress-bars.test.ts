import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { MethodOutput } from '../../src/contract/methods';
import type { BackupJob } from '../../src/domain/backups';
import { BackupProgress } from '../../src/renderer/features/backups/BackupProgress';
import { ExportProgress } from '../../src/renderer/features/exports/ExportProgress';

/** The bars of the long jobs: what is being done, how far, about how long is left, and Cancel. */
const writing: MethodOutput<'exports.status'> = {
  id: '00000000-0000-4000-8000-000000000001',
  state: 'writing',
  done: 30,
  total: 120,
  outPath: '/clinic/exports/dosing-ledger-export.zip',
  message: 'Writing the export…',
  what: 'records/MRN-0042/plan-7-v1.pdf',
  download: null,
};

const backingUp: BackupJob = {
  id: '00000000-0000-4000-8000-000000000002',
  kind: 'manual',
  state: 'running',
  fraction: 0.6,
  what: 'Encrypting',
  message: '',
  fileName: null,
  headSeq: null,
  headHash: null,
};

const exportBar = (job: MethodOutput<'exports.status'>, elapsedMs: number) =>
  renderToStaticMarkup(createElement(ExportProgress, { job, elapsedMs, onCancel: () => undefined }));
const backupBar = (job: BackupJob, elapsedMs: number) =>
  renderToStaticMarkup(createElement(BackupProgress, { job, elapsedMs, onCancel: () => undefined }));

describe('the export progress bar', () => {
  it('says which file is being written, how far it is and, once it can tell, the time left', () => {
    const html = exportBar(writing, 12_000);
    expect(html).toContain('<label for="export-progress-bar">Writing file 31 of 120 (about 36 s left)</label>');
    expect(html).toContain('<progress id="export-progress-bar" max="120" value="30"></progress>');
    expect(html).toContain('Now writing <code>records/MRN-0042/plan-7-v1.pdf</code>');
    expect(html).toContain('>Cancel export</button>');
  });

  it('gives no estimate in the first seconds', () => {
    expect(exportBar(writing, 1500)).toContain('>Writing file 31 of 120</label>');
  });

  it('says the export was cancelled, with no bar', () => {
    const html = exportBar(
      { ...writing, state: 'cancelled', what: '', message: 'The export was cancelled. No files were left behind.' },
      5000,
    );
    expect(html).toContain('Export cancelled');
    expect(html).toContain('No files were left behind.');
    expect(html).not.toContain('<progress');
  });
});

describe('the backup progress bar', () => {
  it('says what is being done, the share done and the time left, with Cancel', () => {
    const html = backupBar(backingUp, 6000);
    expect(html).toContain('<label for="backup-progress-bar">Encrypting… (about 4 s left)</label>');
    expect(html).toContain('<progress id="backup-progress-bar" max="100" value="60"></progress>');
    expect(html).toContain('<button type="button" class="button button-secondary">Cancel backup</button>');
  });

  it('while cancelling, says so, shows no estimate and cannot be cancelled twice', () => {
    const html = backupBar({ ...backingUp, what: 'Cancelling' }, 6000);
    expect(html).toContain('<label for="backup-progress-bar">Cancelling…</label>');
    expect(html).toContain('disabled="">Cancelling…</button>');
  });
});
