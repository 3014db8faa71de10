import type { SignedCheckpoint } from '../domain/audit-checkpoint';
import { formatPrintedName } from '../domain/user';
import type { ExportSource, LazyExportFile, WrittenDigests } from './export-file';
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
 * It is written last, from the digests taken while the other files were written, so no file
 * is read or made twice.
 */
export function buildManifest(snapshot: ExportSnapshot, files: readonly ExportSource[]): LazyExportFile {
  return {
    path: manifestPath,
    *produce(written: WrittenDigests) {
      const manifest: Manifest = {
        kind: 'dosing-ledger/export-manifest',
        schema: 1,
        clinic: snapshot.clinic.name,
        exportedAt: snapshot.exportedAt,
        exportedBy: { userId: snapshot.exportedBy.id, printedName: formatPrintedName(snapshot.exportedBy) },
        selection: snapshot.selection.description,
        auditHead: { seq: snapshot.auditHead.seq, hash: snapshot.auditHead.hash },
        ...(snapshot.latestCheckpoint == null ? {} : { checkpoint: snapshot.latestCheckpoint }),
        files: files
          .map((file) => file.path)
          .sort((left, right) => (left < right ? -1 : left > right ? 1 : 0))
          .flatMap((path) => {
            const digest = written.get(path);
            if (digest !== undefined) return [{ path, sha256: digest.sha256, bytes: digest.bytes }];
            // An optional file left out for having no bytes is not listed.
            if (files.some((file) => file.path === path && 'optional' in file && file.optional === true)) return [];
            throw new Error(`The manifest is written before ${path}`);
          }),
      };
      yield new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
    },
  };
}
