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

/** The resource types in the order their NDJSON files are written (first appearance). */
export function ndjsonTypes(resources: readonly FhirResource[]): string[] {
  return [...new Set(resources.map((resource) => resource.resourceType))];
}

/** One type's NDJSON lines, one resource at a time. */
export function* ndjsonLinesOf(resources: readonly FhirResource[], type: string): Generator<string> {
  for (const resource of resources) {
    if (resource.resourceType === type) yield `${serializeFhirJson(resource)}\n`;
  }
}
