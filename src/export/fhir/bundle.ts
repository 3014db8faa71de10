import { nameBasedUuid } from '../sha256';
import type { ExportSnapshot } from '../snapshot';
import type { FhirResource } from './datatypes';
import { fhirInstant } from './instant';
import { resourceKey } from './ids';
import { FhirDecimal, serializeFhirJson, serializeFhirJsonAt } from './json';

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

/** Deep copy with every reference to an entry of this bundle replaced by that entry's fullUrl. */
function rewriteReferences(
  value: unknown,
  fullUrls: ReadonlyMap<string, { fullUrl: string; versionId?: string }>,
): unknown {
  if (Array.isArray(value)) return value.map((item) => rewriteReferences(item, fullUrls));
  if (value === null || typeof value !== 'object' || value instanceof FhirDecimal) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'reference' && typeof member === 'string') {
      const match = referencePattern.exec(member);
      const target = match === null ? undefined : fullUrls.get(`${match[1]}/${match[2]}`);
      // A version-specific reference resolves here only if this bundle holds that version.
      const sameVersion = match?.[3] === undefined || match[3] === target?.versionId;
      copy[key] = target !== undefined && sameVersion ? target.fullUrl : member;
    } else {
      copy[key] = rewriteReferences(member, fullUrls);
    }
  }
  return copy;
}

/**
 * One Bundle of type "collection" with every resource. Entries get `urn:uuid:` fullUrls (the
 * export has no server base URL to give), and because R4 resolves a relative reference
 * inside a bundle only against a RESTful fullUrl, references between entries are rewritten
 * to those urn:uuid values; each resource keeps its id, and references keep their display.
 * References to what the bundle does not hold (earlier versions) stay "Type/id/_history/n".
 * The NDJSON files keep plain "Type/id" references, as FHIR Bulk Data expects.
 */
export function buildBundle(
  snapshot: Pick<ExportSnapshot, 'exportedAt' | 'clinic'>,
  resources: readonly FhirResource[],
): Bundle {
  const { head, entryOf } = bundleParts(snapshot, resources);
  return { ...head, entry: resources.map(entryOf) };
}

function bundleParts(
  snapshot: Pick<ExportSnapshot, 'exportedAt' | 'clinic'>,
  resources: readonly FhirResource[],
): { head: Omit<Bundle, 'entry'>; entryOf: (resource: FhirResource) => BundleEntry; seed: string } {
  const seed = `dosing-ledger|${snapshot.clinic.name}|${snapshot.exportedAt}`;
  const fullUrls = new Map(
    resources.map((resource) => [
      resourceKey(resource),
      { fullUrl: `urn:uuid:${nameBasedUuid(`${seed}|${resourceKey(resource)}`)}`, versionId: resource.meta?.versionId },
    ]),
  );
  return {
    seed,
    head: {
      resourceType: 'Bundle',
      identifier: { system: 'urn:ietf:rfc:3986', value: `urn:uuid:${nameBasedUuid(seed)}` },
      type: 'collection',
      timestamp: fhirInstant(snapshot.exportedAt),
    },
    entryOf: (resource) => ({
      fullUrl: fullUrls.get(resourceKey(resource))?.fullUrl ?? '',
      resource: rewriteReferences(resource, fullUrls) as FhirResource,
    }),
  };
}

/**
 * fhir/bundle.json as pieces of text, one entry at a time (each entry's rewritten copy is
 * made, written and dropped): the same bytes as `serializeFhirJson(buildBundle(...), 2)` and
 * a final newline, without the whole document ever being one string. `tail` resources (made
 * one at a time while written, see FhirMapper.stream) follow the held ones; nothing refers to
 * them, so their fullUrls are worked out as they come instead of being held in the map.
 */
export function* bundleJsonPieces(
  snapshot: Pick<ExportSnapshot, 'exportedAt' | 'clinic'>,
  resources: readonly FhirResource[],
  tail: Iterable<FhirResource> = [],
): Generator<string> {
  const { head, entryOf, seed } = bundleParts(snapshot, resources);
  const headText = serializeFhirJson(head, 2);
  let entries = 0;
  const entryText = (entry: BundleEntry) =>
    // `entry` is the last member: open it where the head's closing brace was.
    `${entries++ === 0 ? `${headText.slice(0, -'\n}'.length)},\n  "entry": [` : ','}\n    ${serializeFhirJsonAt(entry, 2, '    ')}`;
  for (const resource of resources) yield entryText(entryOf(resource));
  for (const resource of tail) {
    const fullUrl = `urn:uuid:${nameBasedUuid(`${seed}|${resourceKey(resource)}`)}`;
    yield entryText({ ...entryOf(resource), fullUrl });
  }
  // No entries: the member is left out, as for any empty array.
  yield entries === 0 ? `${headText}\n` : '\n  ]\n}\n';
}
