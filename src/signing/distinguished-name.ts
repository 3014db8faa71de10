import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { oids } from './oids';

export interface NameAttribute {
  type: string;
  value: string;
}

/**
 * A distinguished name, one attribute per RDN, as UTF8String (RFC 5280 §4.1.2.4) so that
 * "Zoë Łukasz", "王小明" and "عائشة" are stored exactly.
 */
export function buildName(attributes: readonly NameAttribute[]): pkijs.RelativeDistinguishedNames {
  // One attribute per RDN (a SET each). pkijs would put them all in a single multi-valued
  // RDN ("CN=…+O=…"), which NSS and Adobe display and match poorly, so the DER is built here.
  const sequence = new asn1js.Sequence({
    value: attributes.map(
      (attribute) =>
        new asn1js.Set({
          value: [
            new pkijs.AttributeTypeAndValue({
              type: attribute.type,
              value: new asn1js.Utf8String({ value: attribute.value.normalize('NFC') }),
            }).toSchema(),
          ],
        }),
    ),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(sequence.toBER(false));
}

const shortNames: Record<string, string> = {
  [oids.commonName]: 'CN',
  [oids.organization]: 'O',
  [oids.title]: 'T',
  [oids.userId]: 'UID',
  '2.5.4.6': 'C',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.11': 'OU',
  '1.2.840.113549.1.9.1': 'E',
};

/** "CN=Ana Ruiz, MD, O=Lakeside Infusion Clinic" for messages. */
export function describeName(name: pkijs.RelativeDistinguishedNames): string {
  return name.typesAndValues
    .map((entry) => {
      const value: unknown = entry.value.valueBlock;
      const text =
        typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'string'
          ? value.value
          : '?';
      return `${shortNames[entry.type] ?? entry.type}=${text}`;
    })
    .join(', ');
}

export function commonNameOf(name: pkijs.RelativeDistinguishedNames): string | null {
  const entry = name.typesAndValues.find((candidate) => candidate.type === oids.commonName);
  if (entry === undefined) return null;
  const value: unknown = entry.value.valueBlock;
  return typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'string'
    ? value.value
    : null;
}
