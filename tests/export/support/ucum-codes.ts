import { UcumLhcUtils } from '@lhncbc/ucum-lhc';

const ucumSystem = 'http://unitsofmeasure.org';
const ucum = UcumLhcUtils.getInstance();

/** Every {system, code} pair in a value whose system is UCUM, with where it was found. */
function ucumCodes(value: unknown, path: string): { path: string; code: unknown }[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => ucumCodes(item, `${path}[${index}]`));
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  const own = record.system === ucumSystem ? [{ path, code: record.code }] : [];
  return [...own, ...Object.entries(record).flatMap(([key, member]) => ucumCodes(member, `${path}.${key}`))];
}

/**
 * UCUM codes the NLM's UCUM library (@lhncbc/ucum-lhc) does not accept, as readable lines.
 * Neither FHIR validator checks them: R4 only asks that a UCUM-coded quantity's code be UCUM.
 */
export function ucumErrors(resource: { resourceType: string; id?: string }): string[] {
  return ucumCodes(resource, resource.resourceType).flatMap(({ path, code }) => {
    if (typeof code !== 'string')
      return [`${resource.id ?? resource.resourceType} ${path}: a UCUM quantity without a code`];
    const { status, msg } = ucum.validateUnitString(code, false);
    return status === 'valid'
      ? []
      : [`${resource.id ?? resource.resourceType} ${path}: "${code}" is not UCUM (${msg.join('; ')})`];
  });
}
