import { auditFiles } from './audit-files';
import type { CsvTableDefinition } from './csv-tables/table';
import { defaultCsvTables } from './csv-tables/registry';
import type { ExportFile, ExportSource } from './export-file';
import { assertSafeExportPath, lazyTextFile, materializeFiles, textFile } from './export-file';
import { fhirFiles } from './fhir/fhir-files';
import type { FhirMapper } from './fhir/mapper';
import { defaultFhirMappers } from './fhir/mappers';
import { buildManifest } from './manifest';
import { pdfFiles } from './pdf-files';
import { buildReadme } from './readme';
import type { ExportSnapshot } from './snapshot';
import { indexSnapshot } from './snapshot-index';

export interface ExportParts {
  fhirMappers?: readonly FhirMapper[];
  csvTables?: readonly CsvTableDefinition[];
}

/**
 * Every file of an auditor export, in a fixed order, the manifest last. Pure: the same
 * snapshot gives the same bytes. The layout:
 *   pdf/<file>.pdf  fhir/bundle.json  fhir/ndjson/<Type>.ndjson  csv/<table>.csv
 *   audit/audit-log.ndjson  audit/checkpoint.json  certificates/clinic-root.pem
 *   README.txt  manifest.json
 * Files are produced when written (see LazyExportFile): a stored PDF is read from the ledger
 * when its turn comes, the Bundle and NDJSON are written a resource at a time, and the
 * manifest is made from the digests taken while writing.
 */
export function exportSources(snapshot: ExportSnapshot, parts: ExportParts = {}): ExportSource[] {
  const index = indexSnapshot(snapshot);
  const canonical = index.snapshot;
  const files: ExportSource[] = [
    ...pdfFiles(canonical.signedPdfs),
    ...fhirFiles(index, parts.fhirMappers ?? defaultFhirMappers),
    ...(parts.csvTables ?? defaultCsvTables).map((table) =>
      lazyTextFile(`csv/${table.fileName}`, () => table.lines(index)),
    ),
    ...auditFiles(canonical),
    ...(canonical.clinicRootCertificatePem === null
      ? []
      : [textFile('certificates/clinic-root.pem', canonical.clinicRootCertificatePem)]),
  ];
  files.push(buildReadme(canonical));
  const seen = new Set<string>();
  for (const file of files) {
    assertSafeExportPath(file.path);
    // Two stored PDFs with the same name would silently overwrite each other on disk.
    if (seen.has(file.path.toLowerCase())) throw new Error(`Two files of the export are named ${file.path}`);
    seen.add(file.path.toLowerCase());
  }
  return [...files, buildManifest(canonical, files)];
}

/** Every file with its bytes in memory (tests, small exports); writing uses exportSources. */
export function buildExportFiles(snapshot: ExportSnapshot, parts: ExportParts = {}): ExportFile[] {
  return materializeFiles(exportSources(snapshot, parts));
}
