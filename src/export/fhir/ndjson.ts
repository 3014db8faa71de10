import type { FhirResource } from './datatypes';
import { serializeFhirJson } from './json';
import type { FhirParts } from './mappers';

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

/**
 * The NDJSON files' types and lines when some families stream (see buildFhirParts): held
 * types first, in order of first appearance, then each streamed family that has resources.
 */
export function ndjsonPartTypes(parts: FhirParts): string[] {
  const types = ndjsonTypes(parts.held);
  for (const family of parts.streamed) {
    if (family.count > 0 && !types.includes(family.resourceType)) types.push(family.resourceType);
  }
  return types;
}

export function* ndjsonPartLinesOf(parts: FhirParts, type: string): Generator<string> {
  yield* ndjsonLinesOf(parts.held, type);
  for (const family of parts.streamed) {
    if (family.resourceType !== type) continue;
    for (const resource of family.resources()) yield `${serializeFhirJson(resource)}\n`;
  }
}
