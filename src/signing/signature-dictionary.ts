import type { PdfObjectIndex } from './pdf-object-index';
import type { PdfValue } from './pdf-syntax';
import { PdfLexer, dictEntry, nameOf, parsePdfDate, pdfStringText } from './pdf-syntax';
import { byteRangePlaceholderName } from './placeholder-format';

/** A signature dictionary (/Type /Sig) as found in a file, with where its parts sit. */
export interface SignatureDictionary {
  objectNumber: number;
  /** The four numbers, or null while it is still the placeholder. */
  byteRange: number[] | null;
  byteRangeSpan: { start: number; end: number };
  /** Offsets of the "<" and just past the ">" of /Contents. */
  contentsSpan: { start: number; end: number };
  contents: Buffer;
  subFilter: string | null;
  signingTime: Date | null;
  /** Span of the /M string, for the signer to write the signing time into. */
  signingTimeSpan: { start: number; end: number } | null;
  name: string | null;
  reason: string | null;
  location: string | null;
}

function isSignature(value: PdfValue): boolean {
  if (value.kind !== 'dict') return false;
  const type = nameOf(value.entries.get('Type'));
  return (type === 'Sig' || type === null) && value.entries.has('ByteRange') && value.entries.has('Contents');
}

function describe(objectNumber: number, value: PdfValue): SignatureDictionary | null {
  if (!isSignature(value)) return null;
  const byteRange = dictEntry(value, 'ByteRange');
  const contents = dictEntry(value, 'Contents');
  if (byteRange?.kind !== 'array' || contents?.kind !== 'string') return null;
  const numbers = byteRange.items.map((item) => (item.kind === 'number' ? item.value : null));
  const signingTime = dictEntry(value, 'M');
  return {
    objectNumber,
    byteRange: numbers.length === 4 && numbers.every((item) => item !== null) ? numbers : null,
    byteRangeSpan: { start: byteRange.start, end: byteRange.end },
    contentsSpan: { start: contents.start, end: contents.end },
    contents: contents.bytes,
    subFilter: nameOf(dictEntry(value, 'SubFilter')),
    signingTime: parsePdfDate(pdfStringText(signingTime)),
    signingTimeSpan: signingTime?.kind === 'string' ? { start: signingTime.start, end: signingTime.end } : null,
    name: pdfStringText(dictEntry(value, 'Name')),
    reason: pdfStringText(dictEntry(value, 'Reason')),
    location: pdfStringText(dictEntry(value, 'Location')),
  };
}

/** Every signature dictionary of the file, in file order. */
export function findSignatureDictionaries(index: PdfObjectIndex): SignatureDictionary[] {
  return index.objects.flatMap((object) => describe(object.objectNumber, object.value) ?? []);
}

const placeholderPattern = new RegExp(
  `/ByteRange\\s*\\[\\s*0\\s+/${escapeForRegExp(byteRangePlaceholderName)}\\s+/${escapeForRegExp(byteRangePlaceholderName)}\\s+/${escapeForRegExp(byteRangePlaceholderName)}\\s*\\]`,
  'g',
);

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Unfilled signature dictionaries, found from their /ByteRange placeholder without indexing
 * the whole file (the signer's hot path): each is read as the object that encloses it.
 */
export function findSignaturePlaceholders(text: string): SignatureDictionary[] {
  const found: SignatureDictionary[] = [];
  for (const match of text.matchAll(placeholderPattern)) {
    // The nearest "N G obj" before the placeholder starts its object. Searched in the text
    // before it only, with bounded digit runs (a long run of hex zeros must stay linear).
    const windowStart = Math.max(0, match.index - 4096);
    const before = text.slice(windowStart, match.index);
    let enclosing: { index: number; length: number; objectNumber: number } | null = null;
    for (const candidate of before.matchAll(/(?<!\d)(\d{1,10})\s+\d{1,5}\s+obj\b/g)) {
      enclosing = {
        index: windowStart + candidate.index,
        length: candidate[0].length,
        objectNumber: Number(candidate[1]),
      };
    }
    if (enclosing === null) continue;
    try {
      const value = new PdfLexer(text, enclosing.index + enclosing.length).value();
      const signature = describe(enclosing.objectNumber, value);
      if (signature !== null && signature.byteRange === null) found.push(signature);
    } catch {
      // Not a readable dictionary: not a placeholder this signer can fill.
    }
  }
  return found;
}
