import { auditFiles } from './audit-files';
import type { CsvTableDefinition } from './csv-tables/table';
import { defaultCsvTables } from './csv-tables/registry';
import type { ExportFile, ExportSource } from './export-file';
import { assertSafeExportPath, lazyTextFile, materializeFiles, textFile } from './export-file';
import { bundleJsonPieces } from './fhir/bundle';
import type { FhirMapper } from './fhir/mapper';
import type { FhirResource } from './fhir/datatypes';
import type { FhirParts } from './fhir/mappers';
import { buildFhirParts, defaultFhirMappers } from './fhir/mappers';
import { ndjsonPartLinesOf, ndjsonPartTypes } from './fhir/ndjson';
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
  const mappers = parts.fhirMappers ?? defaultFhirMappers;
  // The held resources (a decade's are gigabytes) are let go once the last FHIR file is
  // written, so the CSV files that follow do not add to them; made again only if asked again.
  let held: FhirParts | null = buildFhirParts(index, mappers);
  const fhir = () => (held ??= buildFhirParts(index, mappers));
  const types = ndjsonPartTypes(fhir());
  const lastFhirPath = types.length === 0 ? 'fhir/bundle.json' : `fhir/ndjson/${types.at(-1) ?? ''}.ndjson`;
  const fhirFile = (path: string, pieces: (parts: FhirParts) => Iterable<string>) =>
    lazyTextFile(path, function* piecesThenRelease() {
      yield* pieces(fhir());
      if (path === lastFhirPath) held = null;
    });
  const files: ExportSource[] = [
    ...pdfFiles(canonical.signedPdfs),
    fhirFile('fhir/bundle.json', (fhirParts) =>
      bundleJsonPieces(canonical, fhirParts.held, streamedResources(fhirParts)),
    ),
    ...types.map((type) => fhirFile(`fhir/ndjson/${type}.ndjson`, (fhirParts) => ndjsonPartLinesOf(fhirParts, type))),
    ...(parts.csvTables ?? defaultCsvTables).map((table): ExportSource => {
      const lines = table.lines;
      if (lines !== undefined) return lazyTextFile(`csv/${table.fileName}`, () => lines(index));
      return {
        path: `csv/${table.fileName}`,
        *produce() {
          yield table.build(index);
        },
      };
    }),
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
  return [
    ...files,
    buildManifest(
      canonical,
      files.map((file) => file.path),
    ),
  ];
}

/** The streamed families' resources, family after family, made as they are taken. */
function* streamedResources(fhir: FhirParts): Generator<FhirResource> {
  for (const family of fhir.streamed) yield* family.resources();
}

/** Every file with its bytes in memory (tests, small exports); writing uses exportSources. */
export function buildExportFiles(snapshot: ExportSnapshot, parts: ExportParts = {}): ExportFile[] {
  return materializeFiles(exportSources(snapshot, parts));
}
