import { canonicalJson } from '../domain/canonical-json';
import { auditSummary } from './audit-entries';
import type { ExportSource } from './export-file';
import { lazyTextFile, textFile } from './export-file';
import type { ExportSnapshot } from './snapshot';

/**
 * The audit log as stored, one entry per line in canonical JSON (keys sorted), so anyone can
 * recompute the chain: hash = SHA-256 hex of (prevHash + canonical JSON of {seq, at,
 * actorUserId, action, entityType, entityId, details: canonical JSON text of details,
 * prevHash}). The checkpoint is the head of the whole chain when the export was taken:
 * comparing it with a later `dosing-ledger audit verify` shows that nothing was removed since.
 */
export function auditFiles(snapshot: ExportSnapshot): ExportSource[] {
  const summary = auditSummary(snapshot.auditEntries);
  const checkpoint = {
    kind: 'dosing-ledger/audit-checkpoint',
    schema: 1,
    headSeq: snapshot.auditHead.seq,
    headHash: snapshot.auditHead.hash,
    exportedAt: snapshot.exportedAt,
    entriesInExport: summary.count,
    firstSeqInExport: summary.firstSeq,
    lastSeqInExport: summary.lastSeq,
  };
  return [
    // Written a line at a time: several million entries never become one string.
    lazyTextFile('audit/audit-log.ndjson', function* lines() {
      for (const entry of snapshot.auditEntries) yield `${canonicalJson({ ...entry })}\n`;
    }),
    textFile('audit/checkpoint.json', `${JSON.stringify(checkpoint, null, 2)}\n`),
  ];
}
