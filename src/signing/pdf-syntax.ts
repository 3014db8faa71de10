/**
 * A small reader for the PDF object syntax (ISO 32000-1 §7.3): enough to find the signature
 * dictionary, the document information and the embedded record in a file, without a PDF
 * library. Works on the file as a latin1 string, so a character offset is a byte offset.
 * Every value remembers where it sits in the file, so the signer can patch in place.
 */

interface Span {
  start: number;
  end: number;
}

export type PdfValue = Span &
  (
    | { kind: 'null' }
    | { kind: 'boolean'; value: boolean }
    | { kind: 'number'; value: number }
    | { kind: 'name'; value: string }
    | { kind: 'string'; bytes: Buffer; hex: boolean }
    | { kind: 'array'; items: PdfValue[] }
    | { kind: 'dict'; entries: Map<string, PdfValue> }
    | { kind: 'ref'; objectNumber: number; generation: number }
    | { kind: 'keyword'; value: string }
  );

export type PdfDict = Extract<PdfValue, { kind: 'dict' }>;

const whitespace = new Set(['\0', '\t', '\n', '\f', '\r', ' ']);
const delimiters = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);

function isRegular(character: string | undefined): boolean {
  return character !== undefined && !whitespace.has(character) && !delimiters.has(character);
}

export class PdfSyntaxError extends Error {
  constructor(message: string, offset: number) {
    super(`${message} at byte ${offset}`);
    this.name = 'PdfSyntaxError';
  }
}

const literalEscapes: Record<string, number> = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 40, ')': 41, '\\': 92 };

export class PdfLexer {
  position: number;

  constructor(
    readonly text: string,
    start = 0,
  ) {
    this.position = start;
  }

  skipSpace(): void {
    const { text } = this;
    while (this.position < text.length) {
      const character = text[this.position];
      if (character !== undefined && whitespace.has(character)) {
        this.position += 1;
      } else if (character === '%') {
        while (this.position < text.length && text[this.position] !== '\n' && text[this.position] !== '\r')
          this.position += 1;
      } else {
        return;
      }
    }
  }

  private regularToken(): string {
    const start = this.position;
    while (isRegular(this.text[this.position])) this.position += 1;
    return this.text.slice(start, this.position);
  }

  /** The value at the current position (after any white space). */
  value(): PdfValue {
    this.skipSpace();
    const { text } = this;
    const start = this.position;
    const character = text[start];
    if (character === undefined) throw new PdfSyntaxError('Unexpected end of file', start);
    if (character === '/') {
      this.position += 1;
      const raw = this.regularToken();
      return {
        kind: 'name',
        value: raw.replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
        start,
        end: this.position,
      };
    }
    if (character === '<' && text[start + 1] === '<') return this.dict();
    if (character === '<') return this.hexString();
    if (character === '(') return this.literalString();
    if (character === '[') {
      this.position += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (text[this.position] === ']') break;
        items.push(this.value());
      }
      this.position += 1;
      return { kind: 'array', items, start, end: this.position };
    }
    const token = this.regularToken();
    if (token === '') throw new PdfSyntaxError(`Unexpected "${character}"`, start);
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) {
      if (/^\d+$/.test(token)) {
        const reference = this.referenceAfter(Number(token), start);
        if (reference !== null) return reference;
      }
      return { kind: 'number', value: Number(token), start, end: this.position };
    }
    if (token === 'true' || token === 'false')
      return { kind: 'boolean', value: token === 'true', start, end: this.position };
    if (token === 'null') return { kind: 'null', start, end: this.position };
    return { kind: 'keyword', value: token, start, end: this.position };
  }

  /** "12 0 R" after the first integer has been read; restores the position when it is not one. */
  private referenceAfter(objectNumber: number, start: number): PdfValue | null {
    const saved = this.position;
    const match = /^\s+(\d+)\s+R(?![^\0\t\n\f\r ()<>[\]{}/%])/.exec(this.text.slice(saved, saved + 32));
    if (match === null) return null;
    this.position = saved + match[0].length;
    return { kind: 'ref', objectNumber, generation: Number(match[1]), start, end: this.position };
  }

  private dict(): PdfValue {
    const start = this.position;
    this.position += 2;
    const entries = new Map<string, PdfValue>();
    for (;;) {
      this.skipSpace();
      if (this.text.startsWith('>>', this.position)) break;
      const key = this.value();
      if (key.kind !== 'name') throw new PdfSyntaxError('Expected a name as dictionary key', key.start);
      entries.set(key.value, this.value());
    }
    this.position += 2;
    return { kind: 'dict', entries, start, end: this.position };
  }

  private hexString(): PdfValue {
    const start = this.position;
    const close = this.text.indexOf('>', start);
    if (close === -1) throw new PdfSyntaxError('Unterminated hex string', start);
    let digits = this.text.slice(start + 1, close).replace(/[\0\t\n\f\r ]/g, '');
    if (!/^[0-9A-Fa-f]*$/.test(digits)) throw new PdfSyntaxError('Invalid hex string', start);
    if (digits.length % 2 === 1) digits += '0';
    this.position = close + 1;
    return { kind: 'string', bytes: Buffer.from(digits, 'hex'), hex: true, start, end: this.position };
  }

  private literalString(): PdfValue {
    const { text } = this;
    const start = this.position;
    const bytes: number[] = [];
    let depth = 0;
    let index = start + 1;
    for (;;) {
      const character = text[index];
      if (character === undefined) throw new PdfSyntaxError('Unterminated string', start);
      if (character === '\\') {
        const next = text[index + 1] ?? '';
        const escaped = literalEscapes[next];
        if (escaped !== undefined) {
          bytes.push(escaped);
          index += 2;
        } else if (/[0-7]/.test(next)) {
          const octal = /^[0-7]{1,3}/.exec(text.slice(index + 1, index + 4))?.[0] ?? '0';
          bytes.push(parseInt(octal, 8) & 0xff);
          index += 1 + octal.length;
        } else if (next === '\r' || next === '\n') {
          index += next === '\r' && text[index + 2] === '\n' ? 3 : 2;
        } else {
          index += 1;
        }
        continue;
      }
      if (character === '(') depth += 1;
      if (character === ')') {
        if (depth === 0) break;
        depth -= 1;
      }
      bytes.push(character.charCodeAt(0) & 0xff);
      index += 1;
    }
    this.position = index + 1;
    return { kind: 'string', bytes: Buffer.from(bytes), hex: false, start, end: this.position };
  }
}

/** Text of a PDF string: UTF-16BE with its byte-order mark, else PDFDocEncoding (~latin1). */
export function pdfStringText(value: PdfValue | undefined): string | null {
  if (value?.kind !== 'string') return null;
  const { bytes } = value;
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return bytes.subarray(3).toString('utf8');
  return bytes.toString('latin1');
}

export function dictEntry(dict: PdfValue | undefined, key: string): PdfValue | undefined {
  return dict?.kind === 'dict' ? dict.entries.get(key) : undefined;
}

export function nameOf(value: PdfValue | undefined): string | null {
  return value?.kind === 'name' ? value.value : null;
}

/** "D:20261123190500Z", "D:20261123140500-05'00'" → Date; null when not a PDF date. */
export function parsePdfDate(text: string | null): Date | null {
  if (text === null) return null;
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (match === null) return null;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', zone = 'Z'] = match;
  const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  const date = new Date(`${year ?? ''}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(date.getTime()) ? null : date;
}
