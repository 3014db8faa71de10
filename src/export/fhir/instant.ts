/** FHIR `instant`: seconds and a zone are required (R4 datatypes). */
const instantPattern =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]((0\d|1[0-3]):[0-5]\d|14:00))$/;

/**
 * The ledger stores instants as `Date.toISOString()` text, which is already a valid FHIR
 * instant. Anything else is a bug upstream: failing loudly beats exporting an invalid file.
 */
export function fhirInstant(value: string): string {
  if (!instantPattern.test(value)) throw new RangeError(`Not a UTC instant with seconds: "${value}"`);
  return value;
}
