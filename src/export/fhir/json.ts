import { Decimal } from '../../domain/quantity';

/**
 * A FHIR `decimal` carried as its exact text. FHIR JSON writes decimals as JSON numbers, but
 * a JavaScript number would pass through binary floating point (0.1 + 0.2 → 0.30000000000000004,
 * and 17+ significant digits are lost), so quantities stay decimal strings all the way and the
 * serializer below copies this text verbatim into the JSON as a number token.
 */
export class FhirDecimal {
  private constructor(readonly text: string) {}

  /** From a domain decimal string ("72.4") or a Decimal; written without exponent. */
  static of(value: string | Decimal): FhirDecimal {
    const decimal = new Decimal(value);
    if (!decimal.isFinite()) throw new RangeError(`A FHIR decimal must be finite, not ${decimal.toString()}`);
    // toFixed() never uses exponent notation and keeps every digit the exact value has.
    return new FhirDecimal(decimal.toFixed());
  }

  toJSON(): never {
    throw new Error('FhirDecimal must be written with serializeFhirJson, not JSON.stringify');
  }
}

export function fhirDecimal(value: string | Decimal): FhirDecimal {
  return FhirDecimal.of(value);
}

/** JSON number grammar (RFC 8259) restricted to what FhirDecimal produces. */
const decimalToken = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * Writes a resource as JSON. Keys keep their insertion order (resourceType first, as FHIR
 * examples do, and stable because mappers build objects the same way every time). FHIR
 * forbids empty strings, arrays and objects, so those (and `undefined`) are left out here
 * rather than in every mapper: an optional field the clinic left blank simply disappears.
 * Numbers must be safe integers; anything fractional must be a FhirDecimal, so a float can
 * never slip into an export.
 */
export function serializeFhirJson(value: unknown, indent = 0): string {
  const pruned = prune(value);
  if (pruned === undefined) throw new TypeError('Nothing to write: the value is empty');
  return write(pruned, indent, '');
}

/**
 * A value written as it would appear nested at `depth` (the indentation of the line it starts
 * on) inside a document written with `indent`: lets a large document be written one member
 * at a time with exactly the bytes `serializeFhirJson` gives for the whole.
 */
export function serializeFhirJsonAt(value: unknown, indent: number, depth: string): string {
  const pruned = prune(value);
  if (pruned === undefined) throw new TypeError('Nothing to write: the value is empty');
  return write(pruned, indent, depth);
}

/** The value without empty members, or undefined when nothing is left. */
export function prune(value: unknown): unknown {
  if (value === undefined || value === '') return undefined;
  if (Array.isArray(value)) {
    const items = value.map(prune).filter((item) => item !== undefined);
    return items.length === 0 ? undefined : items;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof FhirDecimal)) {
    const members = Object.entries(value as Record<string, unknown>)
      .map(([key, member]) => [key, prune(member)] as const)
      .filter(([, member]) => member !== undefined);
    return members.length === 0 ? undefined : Object.fromEntries(members);
  }
  return value;
}

function write(value: unknown, indent: number, depth: string): string {
  if (value === null || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new RangeError(`Only whole numbers may be JS numbers in FHIR output; use FhirDecimal for ${value}`);
    }
    return String(value);
  }
  if (value instanceof FhirDecimal) {
    if (!decimalToken.test(value.text)) throw new RangeError(`Not a decimal: ${value.text}`);
    return value.text;
  }
  const inner = indent > 0 ? `${depth}${' '.repeat(indent)}` : '';
  const open = indent > 0 ? `\n${inner}` : '';
  const close = indent > 0 ? `\n${depth}` : '';
  const separator = indent > 0 ? `,\n${inner}` : ',';
  const colon = indent > 0 ? ': ' : ':';
  if (Array.isArray(value)) {
    const items = value.map((item: unknown) => write(item, indent, inner));
    return `[${open}${items.join(separator)}${close}]`;
  }
  if (typeof value === 'object') {
    const members = Object.entries(value as Record<string, unknown>).map(
      ([key, member]) => `${JSON.stringify(key)}${colon}${write(member, indent, inner)}`,
    );
    return `{${open}${members.join(separator)}${close}}`;
  }
  throw new TypeError(`Cannot write a ${typeof value} as FHIR JSON`);
}
