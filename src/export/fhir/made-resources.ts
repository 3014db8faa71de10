import type { ExportIndex } from '../snapshot-index';
import type { FhirResource } from './datatypes';
import { resourceKey } from './ids';
import type { FhirMapper, ProducedKeys } from './mapper';
import { defaultFhirMappers } from './mappers';

/** The NDJSON files are those of the declared types: a resource of another type has nowhere to go. */
function assertDeclared(mapper: FhirMapper, resource: FhirResource): void {
  if (!mapper.types.includes(resource.resourceType)) {
    throw new Error(`FHIR mapper "${mapper.name}" produced a ${resource.resourceType} it does not declare`);
  }
}

/** Which resources exist, by "Type/id", with their meta.versionId; parts look into their parent too. */
export class ProducedSet implements ProducedKeys {
  private readonly own = new Map<string, string | undefined>();
  constructor(private readonly parent: ProducedSet | null = null) {}

  has(key: string): boolean {
    return this.own.has(key) || this.parent?.has(key) === true;
  }

  /** The resource's version if it exists here (`{ versionId: undefined }` when it has none). */
  target(key: string): { versionId: string | undefined } | undefined {
    if (this.own.has(key)) return { versionId: this.own.get(key) };
    return this.parent?.target(key);
  }

  add(resource: FhirResource, by: FhirMapper): void {
    const key = resourceKey(resource);
    assertDeclared(by, resource);
    if (this.has(key)) throw new Error(`FHIR mapper "${by.name}" produced ${key} twice`);
    this.own.set(key, resource.meta?.versionId);
  }

  /** Copies the keys of the given types from `part` (a finished patient's) into this set. */
  keep(part: ProducedSet, types: ReadonlySet<string>): void {
    for (const [key, versionId] of part.own) {
      if (types.has(key.slice(0, key.indexOf('/')))) this.own.set(key, versionId);
    }
  }
}

/** A resource as the export makes it, with the resources its references may resolve to. */
export interface MadeResource {
  resource: FhirResource;
  targets: ProducedSet;
}

function run(mappers: readonly FhirMapper[], index: ExportIndex, produced: ProducedSet): FhirResource[] {
  const made: FhirResource[] = [];
  for (const mapper of mappers) {
    const resources = mapper.map({ index, produced });
    for (const resource of resources) produced.add(resource, mapper);
    made.push(...resources);
  }
  return made;
}

/**
 * Every resource of the export, made as it is taken: the clinic's mappers first, then every
 * patient's in turn (all of one patient's mappers before the next patient, so a patient's
 * resources are dropped once written), then the streamed families (the AuditEvents), which
 * may point at the clinic's resources and at patients' resources of the types they declare.
 * The trailing mappers that stream must come last in the registry.
 */
export function* madeResources(
  index: ExportIndex,
  mappers: readonly FhirMapper[] = defaultFhirMappers,
): Generator<MadeResource> {
  let split = mappers.length;
  while (split > 0 && mappers[split - 1]?.stream !== undefined) split -= 1;
  const held = mappers.slice(0, split);
  const clinic = new ProducedSet();
  for (const resource of run(
    held.filter((mapper) => mapper.scope === 'clinic'),
    index,
    clinic,
  )) {
    yield { resource, targets: clinic };
  }
  const streamed = mappers.slice(split);
  const referenced = new Set(streamed.flatMap((mapper) => mapper.stream?.references ?? []));
  const seen = new ProducedSet(clinic);
  const patientMappers = held.filter((mapper) => mapper.scope === 'patient');
  for (const part of index.patientParts()) {
    const produced = new ProducedSet(clinic);
    // The whole part is made before any of it is given out: a resource may point at one a
    // later mapper made for the same patient, and the Bundle resolves that reference.
    for (const resource of run(patientMappers, part, produced)) yield { resource, targets: produced };
    seen.keep(produced, referenced);
  }
  for (const mapper of streamed) {
    for (const resource of mapper.stream?.resources({ index, produced: seen }) ?? []) {
      assertDeclared(mapper, resource);
      yield { resource, targets: seen };
    }
  }
}

/** Every resource type the mappers may produce, in registry order: the NDJSON files' order. */
export function declaredTypes(mappers: readonly FhirMapper[] = defaultFhirMappers): string[] {
  return [...new Set(mappers.flatMap((mapper) => mapper.types))];
}
