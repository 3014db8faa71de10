import { inflateSync } from 'node:zlib';
import type { PdfDict, PdfValue } from './pdf-syntax';
import { PdfLexer, PdfSyntaxError, dictEntry, nameOf } from './pdf-syntax';

export interface IndirectObject {
  objectNumber: number;
  generation: number;
  /** Offset of "N G obj". */
  offset: number;
  value: PdfValue;
  /** Byte span of the stream data, when the object is a stream. */
  stream: { start: number; end: number } | null;
}

/**
 * Every indirect object of a PDF, found by walking the file from the start (streams are
 * skipped by their length, so bytes inside them are never read as objects). When an
 * object number appears twice, as after an incremental update, the later one wins, as in
 * a PDF reader.
 */
export class PdfObjectIndex {
  readonly objects: IndirectObject[] = [];
  private readonly latest = new Map<number, IndirectObject>();

  constructor(readonly text: string) {
    // Bounded digit runs keep the scan linear over long runs of digits (hex placeholders).
    const header = /(?<!\d)(\d{1,10})\s+(\d{1,5})\s+obj\b/g;
    let match: RegExpExecArray | null;
    while ((match = header.exec(text)) !== null) {
      let object: IndirectObject;
      try {
        object = this.readObject(match, header.lastIndex);
      } catch {
        // A damaged object is skipped, as readers do; the checks then fail on what is missing.
        continue;
      }
      this.objects.push(object);
      this.latest.set(object.objectNumber, object);
      header.lastIndex = object.stream?.end ?? object.value.end;
    }
  }

  static fromBytes(bytes: Uint8Array): PdfObjectIndex {
    return new PdfObjectIndex(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
  }

  private readObject(match: RegExpExecArray, bodyStart: number): IndirectObject {
    const lexer = new PdfLexer(this.text, bodyStart);
    const value = lexer.value();
    lexer.skipSpace();
    let stream: IndirectObject['stream'] = null;
    if (value.kind === 'dict' && this.text.startsWith('stream', lexer.position)) {
      let start = lexer.position + 'stream'.length;
      if (this.text[start] === '\r') start += 1;
      if (this.text[start] === '\n') start += 1;
      const declared = this.resolve(dictEntry(value, 'Length'));
      const length = declared?.kind === 'number' ? declared.value : -1;
      const endKeyword = /^\s*endstream/;
      const end =
        length >= 0 && endKeyword.test(this.text.slice(start + length, start + length + 16))
          ? start + length
          : this.text.indexOf('endstream', start);
      if (end === -1) throw new PdfSyntaxError('Unterminated stream', start);
      stream = { start, end };
    }
    return { objectNumber: Number(match[1]), generation: Number(match[2]), offset: match.index, value, stream };
  }

  get(objectNumber: number): IndirectObject | undefined {
    return this.latest.get(objectNumber);
  }

  /** Follows an indirect reference; other values come back as they are. */
  resolve(value: PdfValue | undefined): PdfValue | undefined {
    if (value?.kind !== 'ref') return value;
    return this.latest.get(value.objectNumber)?.value;
  }

  /** The newest trailer dictionary: the last "trailer", or the last cross-reference stream. */
  trailer(): PdfDict | null {
    const keyword = this.text.lastIndexOf('trailer');
    if (keyword !== -1) {
      try {
        const value = new PdfLexer(this.text, keyword + 'trailer'.length).value();
        if (value.kind === 'dict') return value;
      } catch {
        // Fall through to a cross-reference stream.
      }
    }
    for (let index = this.objects.length - 1; index >= 0; index -= 1) {
      const value = this.objects[index]?.value;
      if (value?.kind === 'dict' && nameOf(value.entries.get('Type')) === 'XRef') return value;
    }
    return null;
  }

  /** The decoded bytes of a stream object (FlateDecode or unfiltered). */
  streamBytes(object: IndirectObject): Buffer {
    if (object.stream === null) throw new Error(`Object ${object.objectNumber} is not a stream.`);
    const raw = Buffer.from(this.text.slice(object.stream.start, object.stream.end), 'latin1');
    const filter = this.resolve(dictEntry(object.value, 'Filter'));
    const filters = filter === undefined ? [] : filter.kind === 'array' ? filter.items.map(nameOf) : [nameOf(filter)];
    let bytes = raw;
    for (const name of filters) {
      if (name === 'FlateDecode') bytes = inflateSync(bytes);
      else throw new Error(`Stream filter ${name ?? 'unknown'} is not supported here.`);
    }
    return bytes;
  }
}
