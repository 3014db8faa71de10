import type { ExportSource, LazyExportFile, ScratchSpace } from '../export-file';
import { lazyTextFile } from '../export-file';
import type { ExportIndex } from '../snapshot-index';
import { bundleJsonPieces } from './bundle';
import { serializeFhirJson } from './json';
import type { MadeResource } from './made-resources';
import { declaredTypes, madeResources } from './made-resources';
import type { FhirMapper } from './mapper';
import { NdjsonSpool } from './ndjson';

/** Every resource once more, copied to the spool on the way. */
function* spooled(made: Iterable<MadeResource>, spool: NdjsonSpool): Generator<MadeResource> {
  for (const item of made) {
    spool.append(item.resource.resourceType, `${serializeFhirJson(item.resource)}\n`);
    yield item;
  }
}

/**
 * fhir/bundle.json, then fhir/ndjson/<Type>.ndjson for every type the mappers declare (a type
 * the export holds none of is left out). The resources are made once, in one pass, while the
 * Bundle is written: each NDJSON line goes to that type's file in the write's scratch folder,
 * and an NDJSON file is read back from there when its turn comes. So only one patient's
 * resources are ever held, whatever the ledger's size.
 */
export function fhirFiles(index: ExportIndex, mappers: readonly FhirMapper[]): ExportSource[] {
  const types = declaredTypes(mappers);
  // One spool per write (a snapshot's files may be written more than once, e.g. in tests).
  const spools = new WeakMap<ScratchSpace, NdjsonSpool>();
  const fill = function* fill(scratch: ScratchSpace): Generator<MadeResource> {
    const spool = new NdjsonSpool(scratch.folder(), types);
    spools.set(scratch, spool);
    try {
      yield* spooled(madeResources(index, mappers), spool);
      spool.finish();
    } finally {
      spool.close();
    }
  };
  const bundle = lazyTextFile('fhir/bundle.json', (scratch) => bundleJsonPieces(index.snapshot, fill(scratch)));
  const ndjson = types.map((type): LazyExportFile => ({
    path: `fhir/ndjson/${type}.ndjson`,
    optional: true,
    *produce(_written, scratch) {
      let spool = spools.get(scratch);
      if (spool?.full !== true) {
        // Written without the Bundle before it: make the resources here instead.
        const resources = fill(scratch);
        while (resources.next().done !== true) continue;
        spool = spools.get(scratch);
      }
      if (spool !== undefined) yield* spool.read(type);
    },
  }));
  return [bundle, ...ndjson];
}
