import { nameBasedUuid } from '../sha256';
import type { ExportSnapshot } from '../snapshot';
import type { FhirResource } from './datatypes';
import { fhirInstant } from './instant';
import { resourceKey } from './ids';
import { FhirDecimal, serializeFhirJson, serializeFhirJsonAt } from './json';
import type { MadeResource, ProducedSet } from './made-resources';

export interface BundleEntry {
  fullUrl: string;
  resource: FhirResource;
}

export interface Bundle {
  resourceType: 'Bundle';
  identifier: { system: string; value: string };
  type: 'collection';
  timestamp: string;
  entry: BundleEntry[];
}

const referencePattern = /^([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/;

/** The fullUrl of a resource in the export's Bundle ("urn:uuid:…", named from the export and the key). */
function fullUrlOf(seed: string, key: string): string {
  return `urn:uuid:${nameBasedUuid(`${seed}|${key}`)}`;
}

/** Deep copy with every reference to an entry of this bundle replaced by that entry's fullUrl. */
function rewriteReferences(value: unknown, seed: string, targets: ProducedSet): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteReferences(item, seed, targets));
  if (value === null || typeof value !== 'object' || value instanceof FhirDecimal) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'reference' && typeof member === 'string') {
      const match = referencePattern.exec(member);
      const targetKey = match === null ? undefined : `${match[1]}/${match[2]}`;
      const target = targetKey === undefined ? undefined : targets.target(targetKey);
      // A version-specific reference resolves here only if this bundle holds that version.
      const sameVersion = match?.[3] === undefined || match[3] === target?.versionId;
      copy[key] = targetKey !== undefined && target !== undefined && sameVersion ? fullUrlOf(seed, targetKey) : member;
    } else {
      copy[key] = rewriteReferences(member, seed, targets);
    }
  }
  return copy;
}

/**
 * fhir/bundle.json as pieces of text, one entry at a time (each entry's rewritten copy is
 * made, written and dropped): one Bundle of type "collection" with every resource, without
 * the whole document ever being one string. Entries get `urn:uuid:` fullUrls (the export has
 * no server base URL to give), and because R4 resolves a relative reference inside a bundle
 * only against a RESTful fullUrl, references between entries are rewritten to those urn:uuid
 * values; each resource keeps its id, and references keep their display. References to what
 * the bundle does not hold (earlier versions) stay "Type/id/_history/n". The NDJSON files keep
 * plain "Type/id" references, as FHIR Bulk Data expects.
 */
export function* bundleJsonPieces(
  snapshot: Pick<ExportSnapshot, 'exportedAt' | 'clinic'>,
  made: Iterable<MadeResource>,
): Generator<string> {
  const seed = `dosing-ledger|${snapshot.clinic.name}|${snapshot.exportedAt}`;
  const head: Omit<Bundle, 'entry'> = {
    resourceType: 'Bundle',
    identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${nameBasedUuid(seed)}` },
    type: 'collection',
    timestamp: fhirInstant(snapshot.exportedAt),
  };
  const headText = serializeFhirJson(head, 2);
  let entries = 0;
  for (const { resource, targets } of made) {
    const entry: BundleEntry = {
      fullUrl: fullUrlOf(seed, resourceKey(resource)),
      resource: rewriteReferences(resource, seed, targets) as FhirResource,
    };
    // `entry` is the last member: open it where the head's closing brace was.
    const opening = entries++ === 0 ? `${headText.slice(0, -'\n}'.length)},\n  "entry": [` : ',';
    yield `${opening}\n    ${serializeFhirJsonAt(entry, 2, '    ')}`;
  }
  // No entries: the member is left out, as for any empty array.
  yield entries === 0 ? `${headText}\n` : '\n  ]\n}\n';
}
