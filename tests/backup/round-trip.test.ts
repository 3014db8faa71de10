import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupSidecarSchema } from '../../src/backup/backup-sidecar';
import { BackupError } from '../../src/backup/backup-error';
import { restoreBackup } from '../../src/backup/restore-backup';
import { takeBackup } from '../../src/backup/take-backup';
import { seedDemo } from '../../src/cli/demo';
import { appendAudit, verifyAuditChain } from '../../src/db/audit-log';
import type { LedgerState } from '../support/ledger-state';
import { auditSince, ledgerState } from '../support/ledger-state';
import type { TempLedger } from '../support/temp-ledger';
import { tempLedger } from '../support/temp-ledger';
import { entryAt, fastScrypt, filesIn, lastEntry, passphrase, tempFolder, testActor } from './backup-fixture';

let live: TempLedger;
let out: ReturnType<typeof tempFolder>;

beforeAll(() => {
  live = tempLedger();
  seedDemo(live.ledger, { patientCount: 6 });
  out = tempFolder('backup-out');
}, 600_000); // A demo clinic: scrypt per user and signature, minutes on a busy 2-core machine.
afterAll(() => {
  live.cleanup();
  out.cleanup();
});

/** Row counts and rows of every table but the audit log, which each side extends by one entry. */
function withoutAudit(state: LedgerState): { counts: Record<string, number>; rows: string } {
  const counts = Object.fromEntries(Object.entries(state.counts).filter(([table]) => table !== 'audit_log'));
  const rows = Object.entries(JSON.parse(state.rows) as Record<string, unknown>).filter(
    ([table]) => table !== 'audit_log',
  );
  return { counts, rows: JSON.stringify(rows) };
}

function stateOf(path: string): LedgerState {
  const raw = new Database(path, { readonly: true });
  try {
    return ledgerState(raw);
  } finally {
    raw.close();
  }
}

describe('backup and restore round trip', () => {
  it('restores a ledger whose chain is intact, holds the backup head and has the same rows', async () => {
    const before = ledgerState(live.ledger.raw);
    const fractions: number[] = [];
    const backup = await takeBackup(live.ledger, {
      outDir: out.dir,
      passphrase,
      actor: testActor,
      scryptLogN: fastScrypt,
      onProgress: (fraction) => fractions.push(fraction),
    });

    // Only the encrypted backup and its description: no plaintext copy, no temporary file.
    expect(filesIn(out.dir)).toEqual([`${backup.path.split('/').pop()}`, `${backup.path.split('/').pop()}.json`]);
    expect(backup.path).toMatch(/\/dosing-ledger-\d{8}-\d{6}Z\.ledger\.age$/);
    expect(readFileSync(backup.path).subarray(0, 21).toString()).toBe('age-encryption.org/v1');
    const sidecar = backupSidecarSchema.parse(JSON.parse(readFileSync(backup.sidecarPath, 'utf8')));
    expect(sidecar).toEqual(backup.sidecar);
    expect(sidecar.chainHead).toEqual(before.head);
    expect(sidecar.sizeBytes).toBe(readFileSync(backup.path).length);
    expect(sidecar.appVersion).toBe('0.1.0');
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));

    // The backup is in the live ledger's audit trail, attributed to no user but the actor named.
    const [recorded, ...more] = auditSince(live.ledger.raw, before.head.seq);
    expect(more).toEqual([]);
    expect(recorded).toMatchObject({
      actorUserId: null,
      action: 'backup.created',
      details: {
        file: backup.path.split('/').pop(),
        chainHead: sidecar.chainHead,
        sizeBytes: sidecar.sizeBytes,
        sha256: sidecar.sha256,
        by: 'command line (test)',
      },
    });

    const restoredPath = join(live.dir, 'restored.sqlite');
    const restored = await restoreBackup({
      backupPath: backup.path,
      newPath: restoredPath,
      passphrase,
      actor: testActor,
    });
    expect(restored.backupHead).toEqual(sidecar.chainHead);
    // Nothing but the restored file beside it (checked before reading it, which adds -wal/-shm):
    // no temporary plaintext, no leftover -wal holding part of the ledger.
    expect(filesIn(live.dir).filter((name) => name.startsWith('restored') || name.startsWith('.'))).toEqual([
      'restored.sqlite',
    ]);

    const raw = new Database(restoredPath, { readonly: true });
    try {
      expect(verifyAuditChain(raw)).toMatchObject({ ok: true, entries: sidecar.chainHead.seq + 1 });
    } finally {
      raw.close();
    }
    expect(entryAt(restoredPath, sidecar.chainHead.seq)).toMatchObject(sidecar.chainHead);
    const restoredEntry = lastEntry(restoredPath);
    expect(restoredEntry).toMatchObject({
      seq: sidecar.chainHead.seq + 1,
      action: 'ledger.restored',
      details: { backup: backup.path.split('/').pop(), chainHead: sidecar.chainHead, sha256: sidecar.sha256 },
    });
    expect(entryAt(restoredPath, restoredEntry.seq).prevHash).toBe(sidecar.chainHead.hash);

    const after = stateOf(restoredPath);
    expect(after.counts.audit_log).toBe((before.counts.audit_log ?? 0) + 1);
    expect(withoutAudit(after).counts).toEqual(withoutAudit(before).counts);
    expect(withoutAudit(after).rows === withoutAudit(before).rows, 'restored rows differ').toBe(true);
    expect(before.counts.patients).toBe(6);
  });

  it('refuses to back up a live ledger whose chain is broken, and leaves nothing in the folder', async () => {
    const empty = tempFolder('backup-refused');
    const tampered = tempLedger();
    try {
      seedEdited(tampered);
      const headBefore = ledgerState(tampered.ledger.raw).head;
      const attempt = takeBackup(tampered.ledger, {
        outDir: empty.dir,
        passphrase,
        actor: testActor,
        scryptLogN: fastScrypt,
      });
      await expect(attempt).rejects.toThrow(BackupError);
      await expect(attempt).rejects.toMatchObject({ outcome: 'check-failed' });
      await expect(attempt).rejects.toThrow(/audit chain is broken at entry 2/);
      expect(filesIn(empty.dir)).toEqual([]);
      // A refused backup is no backup: nothing was recorded in the live ledger either.
      expect(ledgerState(tampered.ledger.raw).head).toEqual(headBefore);
    } finally {
      tampered.cleanup();
      empty.cleanup();
    }
  });
});

/** A small ledger whose second audit entry was edited in the file, as with the sqlite3 shell. */
function seedEdited(target: TempLedger): void {
  const raw = target.ledger.raw;
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update');
  // Three chained entries, appended as services do.
  for (const action of ['test.one', 'test.two', 'test.three']) {
    raw.transaction(() => appendTestEntry(raw, action)).immediate();
  }
  raw.prepare("UPDATE audit_log SET action = 'test.edited' WHERE seq = 2").run();
}

function appendTestEntry(raw: Database.Database, action: string): void {
  appendAudit(raw, {
    at: new Date().toISOString(),
    actorUserId: null,
    action,
    entityType: 'test',
    entityId: null,
    details: {},
  });
}
