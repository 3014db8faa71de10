import type { SignedCheckpoint } from '../domain/audit-checkpoint';
import { formatPrintedName } from '../domain/user';
import type { ExportFile } from './export-file';
import { textFile } from './export-file';
import { sha256Hex } from './sha256';
import type { ExportSnapshot } from './snapshot';

export const manifestPath = 'manifest.json';

export interface ManifestEntry {
  path: string;
  sha256: string;
  bytes: number;
}

export interface Manifest {
  kind: 'dosing-ledger/export-manifest';
  schema: 1;
  clinic: string;
  exportedAt: string;
  exportedBy: { userId: number; printedName: string };
  selection: string;
  auditHead: { seq: number; hash: string };
  /** The newest signed checkpoint at export time (absent before anyone signed). */
  checkpoint?: SignedCheckpoint;
  files: ManifestEntry[];
}

/**
 * manifest.json lists every other file of the export with its SHA-256 (hex) and size in
 * bytes, sorted by path. It cannot list itself; anyone can check the rest with `sha256sum`.
 */
export function buildManifest(snapshot: ExportSnapshot, files: readonly ExportFile[]): ExportFile {
  const manifest: Manifest = {
    kind: 'dosing-ledger/export-manifest',
    schema: 1,
    clinic: snapshot.clinic.name,
    exportedAt: snapshot.exportedAt,
    exportedBy: { userId: snapshot.exportedBy.id, printedName: formatPrintedName(snapshot.exportedBy) },
    selection: snapshot.selection.description,
    auditHead: { seq: snapshot.auditHead.seq, hash: snapshot.auditHead.hash },
    ...(snapshot.latestCheckpoint == null ? {} : { checkpoint: snapshot.latestCheckpoint }),
    files: [...files]
      .sort((left, right) => (left.path < right.path ? -1 : left.path > right.path ? 1 : 0))
      .map((file) => ({ path: file.path, sha256: sha256Hex(file.bytes), bytes: file.bytes.byteLength })),
  };
  return textFile(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
