import type { FhirResource } from './datatypes';
import { serializeFhirJson } from './json';

/**
 * FHIR Bulk Data NDJSON: one file per resource type, one resource per line, each line a
 * complete compact JSON object ending in "\n". Types appear in registry order.
 */
export function ndjsonByType(resources: readonly FhirResource[]): Map<string, string> {
  const lines = new Map<string, string[]>();
  for (const resource of resources) {
    const own = lines.get(resource.resourceType) ?? [];
    own.push(`${serializeFhirJson(resource)}\n`);
    lines.set(resource.resourceType, own);
  }
  return new Map([...lines].map(([type, typeLines]) => [type, typeLines.join('')]));
}
