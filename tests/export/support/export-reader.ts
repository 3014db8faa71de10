import type { ExportFile } from '../../../src/export/export-file';

export interface JsonResource {
  resourceType: string;
  id: string;
  meta?: { versionId?: string };
  [key: string]: unknown;
}

export interface JsonBundle {
  resourceType: 'Bundle';
  type: string;
  entry: { fullUrl: string; resource: JsonResource }[];
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function fileBytes(files: readonly ExportFile[], path: string): Uint8Array {
  const file = files.find((candidate) => candidate.path === path);
  if (file === undefined) throw new Error(`the export has no ${path}`);
  return file.bytes;
}

/** The file as text; a BOM, if any, is kept so tests can see it. */
export function fileText(files: readonly ExportFile[], path: string): string {
  return decoder.decode(fileBytes(files, path));
}

export function ndjsonLines(files: readonly ExportFile[], resourceType: string): string[] {
  const text = fileText(files, `fhir/ndjson/${resourceType}.ndjson`);
  return text.split('\n').slice(0, -1);
}

export function ndjsonResources(files: readonly ExportFile[], resourceType: string): JsonResource[] {
  return ndjsonLines(files, resourceType).map((line) => JSON.parse(line) as JsonResource);
}

export function allNdjsonResources(files: readonly ExportFile[]): JsonResource[] {
  return files
    .filter((file) => file.path.startsWith('fhir/ndjson/'))
    .flatMap((file) =>
      decoder
        .decode(file.bytes)
        .split('\n')
        .slice(0, -1)
        .map((line) => JSON.parse(line) as JsonResource),
    );
}

export function bundleOf(files: readonly ExportFile[]): JsonBundle {
  return JSON.parse(fileText(files, 'fhir/bundle.json')) as JsonBundle;
}

export function resourceById(resources: readonly JsonResource[], resourceType: string, id: string): JsonResource {
  const found = resources.find((resource) => resource.resourceType === resourceType && resource.id === id);
  if (found === undefined) throw new Error(`no ${resourceType}/${id} in the export`);
  return found;
}

/**
 * Every `reference` string anywhere in a value, except "#id" references to a resource
 * contained in the same one (R4's dom-3, checked by the validators, holds those to account).
 */
export function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, member]) =>
    key === 'reference' && typeof member === 'string' ? (member.startsWith('#') ? [] : [member]) : referencesIn(member),
  );
}

/** CSV text (after the BOM) as rows of fields, per RFC 4180. */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let position = 0; position < body.length; position += 1) {
    const char = body[position];
    if (quoted) {
      if (char === '"' && body[position + 1] === '"') {
        field += '"';
        position += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\r' && body[position + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      position += 1;
    } else field += char;
  }
  if (field !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

/** CSV rows as objects keyed by the header. */
export function csvRecords(text: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text);
  return rows.map((row) => Object.fromEntries(header.map((name, column) => [name, row[column] ?? ''])));
}
