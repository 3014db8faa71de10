import { getClinic } from '../../../src/db/clinic-repo';
import type { Ledger } from '../../../src/db/open';
import type { ExportFile } from '../../../src/export/export-file';
import { buildExportFiles } from '../../../src/export/export-files';
import type { ExportSnapshot } from '../../../src/export/snapshot';
import { createServiceContext } from '../../../src/services/context';
import type { ExportRequest } from '../../../src/services/export-snapshot';
import { gatherSnapshot } from '../../../src/services/export-snapshot';
import { createSignIn } from '../../../src/services/sign-in';

const everything: ExportRequest = { from: null, to: null, patientIds: null };

/**
 * The snapshot the export service gathers (the same function `exports.start` and the command
 * line use), read in one transaction, without starting an export job or writing files.
 */
export function serviceSnapshot(ledger: Ledger, request: ExportRequest = everything): ExportSnapshot {
  return heldSnapshot(servicePartsSnapshot(ledger, request));
}

/** The same snapshot as the service hands it to the export: each patient's part read when needed. */
export function servicePartsSnapshot(ledger: Ledger, request: ExportRequest = everything): ExportSnapshot {
  return ledger.raw.transaction(() => {
    const context = createServiceContext(ledger, createSignIn(), null, getClinic(ledger.db), new Date());
    return gatherSnapshot(context, request, {
      id: 0,
      username: 'tester',
      displayName: 'Test export',
      credentials: '',
      role: 'auditor',
      active: true,
    });
  })();
}

export function serviceExportFiles(ledger: Ledger, request: ExportRequest = everything): ExportFile[] {
  return buildExportFiles(servicePartsSnapshot(ledger, request));
}

/** Every patient's part read and held in the snapshot's own lists, as a test snapshot holds them. */
export function heldSnapshot(snapshot: ExportSnapshot): ExportSnapshot {
  const source = snapshot.patientParts;
  if (source === undefined) return snapshot;
  const parts = [...source.parts()];
  const whole: ExportSnapshot = { ...snapshot };
  delete whole.patientParts;
  return {
    ...whole,
    records: parts.flatMap((part) => part.records),
    sessions: parts.flatMap((part) => part.sessions),
    consents: parts.flatMap((part) => part.consents ?? []),
  };
}
