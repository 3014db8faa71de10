import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreBackup } from '../../src/backup/restore-backup';
import { takeBackup } from '../../src/backup/take-backup';
import { verifyAuditChain } from '../../src/db/audit-log';
import type { TestApp } from '../support/test-app';
import { createTestApp, setUpClinic, signedInUser, staffPassword } from '../support/test-app';
import { entryAt, fastScrypt, passphrase, tempFolder, testActor } from './backup-fixture';

const root = fileURLToPath(new URL('../..', import.meta.url));
const writerScript = fileURLToPath(new URL('./writer-child.ts', import.meta.url));

let app: TestApp;
let folder: ReturnType<typeof tempFolder>;
let writer: ChildProcess;
const acknowledged: string[] = [];
let writerErrors = '';

/** Resolves once the writer has acknowledged at least `count` writes in all. */
function acknowledgedAtLeast(count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = setInterval(() => {
      if (acknowledged.length >= count) {
        clearInterval(check);
        resolve();
      } else if (writer.exitCode !== null) {
        clearInterval(check);
        reject(new Error(`the writer stopped: ${writerErrors}`));
      }
    }, 20);
  });
}

beforeAll(async () => {
  app = createTestApp();
  const admin = setUpClinic(app);
  signedInUser(app, admin, 'nurse', 'writer');
  folder = tempFolder('backup-concurrent');
  writer = spawn(process.execPath, ['--import', 'tsx', writerScript, app.path, 'writer', staffPassword], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let pending = '';
  writer.stdout?.on('data', (chunk: Buffer) => {
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('ack ')) acknowledged.push(line.slice(4));
  });
  writer.stderr?.on('data', (chunk: Buffer) => {
    writerErrors += chunk.toString();
  });
  await acknowledgedAtLeast(5);
}, 600_000); // scrypt for the users, and a cold tsx start of the writer on a busy machine.

afterAll(async () => {
  if (writer.exitCode === null) {
    const exited = new Promise((resolve) => writer.once('exit', resolve));
    writer.kill('SIGTERM');
    await exited;
  }
  app.cleanup();
  folder.cleanup();
}, 60_000);

function patientsIn(path: string): Set<string> {
  const raw = new Database(path, { readonly: true });
  try {
    expect(verifyAuditChain(raw).ok).toBe(true);
    return new Set((raw.prepare('SELECT mrn FROM patients').all() as { mrn: string }[]).map((row) => row.mrn));
  } finally {
    raw.close();
  }
}

describe('backups taken while another process keeps writing', () => {
  it('20 backups each restore, verify, and hold every write acknowledged before they started', async () => {
    const heads: number[] = [];
    for (let index = 0; index < 20; index += 1) {
      const acknowledgedBefore = [...acknowledged];
      const backup = await takeBackup(app.ledger, {
        outDir: folder.dir,
        passphrase,
        actor: testActor,
        scryptLogN: fastScrypt,
      });
      const restoredPath = join(folder.dir, `restored-${index}.sqlite`);
      const restored = await restoreBackup({
        backupPath: backup.path,
        newPath: restoredPath,
        passphrase,
        actor: testActor,
      });
      expect(restored.backupHead).toEqual(backup.sidecar.chainHead);
      expect(entryAt(restoredPath, backup.sidecar.chainHead.seq)).toMatchObject(backup.sidecar.chainHead);
      const patients = patientsIn(restoredPath);
      const missing = acknowledgedBefore.filter((mrn) => !patients.has(mrn));
      expect(missing, `backup ${index} lacks acknowledged writes`).toEqual([]);
      heads.push(backup.sidecar.chainHead.seq);
      // Let the writer get some writes in between, so each backup sees a different ledger.
      await acknowledgedAtLeast(acknowledged.length + 2);
    }
    expect(writerErrors).toBe('');
    expect(writer.exitCode).toBeNull();
    // The writer really wrote between the backups: every backup saw a longer chain than the last.
    expect(heads).toEqual([...heads].sort((a, b) => a - b));
    expect(new Set(heads).size).toBe(20);
  }, 300_000);
});
