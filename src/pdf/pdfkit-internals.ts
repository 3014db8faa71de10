/**
 * The few pdfkit internals this renderer relies on, typed in one place (pdfkit 0.20; none
 * of them is in @types/pdfkit). Anything that breaks on a pdfkit upgrade breaks here.
 */

/** An indirect object pdfkit will write: `data` is its dictionary. */
export interface PdfKitReference {
  data: Record<string, unknown>;
  end(chunk?: Uint8Array | string): void;
}

/** The parts of a fontkit font used here (the object pdfkit embeds). */
export interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
  layout(text: string, ...rest: unknown[]): unknown;
}

/** A glyph position from fontkit, scaled by pdfkit to 1/1000 em. */
export interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

export interface LaidOutGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

/** pdfkit's embedded font: lays text out, subsets the glyphs used, records widths and Unicode. */
export interface PdfKitFont {
  id: string;
  font: FontkitFont;
  /** 1000 / unitsPerEm. */
  scale: number;
  subset: { includeGlyph(glyphId: number): number };
  widths: (number | undefined)[];
  unicode: (number[] | undefined)[];
  layout(text: string, features?: unknown[]): { glyphs: LaidOutGlyph[]; positions: GlyphPosition[] };
  ref(): PdfKitReference;
}

interface PdfKitInternals {
  ref(data: Record<string, unknown>): PdfKitReference;
  _root: PdfKitReference;
  _acroform?: { fonts: Record<string, unknown>; defaultFont: string };
  page: {
    dictionary: PdfKitReference;
    annotations: PdfKitReference[];
    fonts: Record<string, PdfKitReference>;
    height: number;
  };
  _font: PdfKitFont | null;
  registerFont(name: string, src: FontkitFont | Buffer): void;
  addContent(operators: string): void;
}

export function internalsOf(doc: PDFKit.PDFDocument): PdfKitInternals {
  return doc as unknown as PdfKitInternals;
}
