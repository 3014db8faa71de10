import { auditFiles } from './audit-files';
import type { CsvTableDefinition } from './csv-tables/table';
import { defaultCsvTables } from './csv-tables/registry';
import type { ExportFile } from './export-file';
import { assertSafeExportPath, textFile } from './export-file';
import { buildBundle } from './fhir/bundle';
import type { FhirMapper } from './fhir/mapper';
import { buildFhirResources, defaultFhirMappers } from './fhir/mappers';
import { ndjsonByType } from './fhir/ndjson';
import { serializeFhirJson } from './fhir/json';
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
 */
export function buildExportFiles(snapshot: ExportSnapshot, parts: ExportParts = {}): ExportFile[] {
  const index = indexSnapshot(snapshot);
  const canonical = index.snapshot;
  const resources = buildFhirResources(canonical, parts.fhirMappers ?? defaultFhirMappers);
  const files: ExportFile[] = [
    ...pdfFiles(canonical.signedPdfs),
    textFile('fhir/bundle.json', `${serializeFhirJson(buildBundle(canonical, resources), 2)}\n`),
    ...[...ndjsonByType(resources)].map(([type, text]) => textFile(`fhir/ndjson/${type}.ndjson`, text)),
    ...(parts.csvTables ?? defaultCsvTables).map((table) => ({
      path: `csv/${table.fileName}`,
      bytes: table.build(index),
    })),
    ...auditFiles(canonical),
    ...(canonical.clinicRootCertificatePem === null
      ? []
      : [textFile('certificates/clinic-root.pem', canonical.clinicRootCertificatePem)]),
  ];
  files.push(buildReadme(canonical, files));
  const seen = new Set<string>();
  for (const file of files) {
    assertSafeExportPath(file.path);
    // Two stored PDFs with the same name would silently overwrite each other on disk.
    if (seen.has(file.path.toLowerCase())) throw new Error(`Two files of the export are named ${file.path}`);
    seen.add(file.path.toLowerCase());
  }
  return [...files, buildManifest(canonical, files)];
}
