import type { FontkitFont, GlyphPosition, LaidOutGlyph, PdfKitFont } from './pdfkit-internals';
import { internalsOf } from './pdfkit-internals';
import { hasRightToLeftScript } from './bidi';

interface ShapedRun {
  glyphs: readonly LaidOutGlyph[];
  positions: readonly GlyphPosition[];
}

/**
 * Shaped runs per font and text, kept across documents (layout is most of a render's cost
 * and the same words recur in every summary). Only the glyph-to-subset mapping is per
 * document, so that part is done on every call, as pdfkit's own `encode` does.
 */
const shapedRuns = new WeakMap<FontkitFont, Map<string, ShapedRun>>();
const maximumShapedRuns = 20_000;

function encode(font: PdfKitFont, text: string, features: unknown[] | undefined): [string[], readonly GlyphPosition[]] {
  let runs = shapedRuns.get(font.font);
  if (runs === undefined) {
    runs = new Map();
    shapedRuns.set(font.font, runs);
  }
  const key = `${features === undefined ? '' : 'f'}|${text}`;
  let shaped = runs.get(key);
  if (shaped === undefined) {
    const laidOut = font.layout(text, features);
    // fontkit keeps one glyph object per glyph ID, so a glyph first met as another character
    // (Latin B shares its glyph with Greek Β and Cyrillic В) or through a measurement reports
    // that character's code points, or none: "Blood" was extracted as "lood". Where each
    // glyph is one character, left to right, the text itself says what it stands for.
    const characters = [...text];
    const oneToOne = laidOut.glyphs.length === characters.length && !hasRightToLeftScript(text);
    shaped = {
      glyphs: laidOut.glyphs.map((glyph, index) => ({
        id: glyph.id,
        advanceWidth: glyph.advanceWidth,
        codePoints: oneToOne ? [characters[index]?.codePointAt(0) ?? 0] : glyph.codePoints,
      })),
      positions: laidOut.positions.map((position) => ({ ...position })),
    };
    if (runs.size >= maximumShapedRuns) runs.clear();
    runs.set(key, shaped);
  }
  const encoded = shaped.glyphs.map((glyph) => {
    const subsetId = font.subset.includeGlyph(glyph.id);
    if (font.widths[subsetId] === undefined) font.widths[subsetId] = glyph.advanceWidth * font.scale;
    if (font.unicode[subsetId] === undefined) font.unicode[subsetId] = glyph.codePoints;
    return `0000${subsetId.toString(16)}`.slice(-4);
  });
  return [encoded, shaped.positions];
}

/** PDF number syntax as pdfkit writes it: at most six decimals, no exponent. */
function pdfNumber(value: number): string {
  const rounded = Math.round(value * 1e6) / 1e6;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

/**
 * Writes one run of text in the current font and size at (x, baseline) in pdfkit's top-left
 * coordinates. A lean form of pdfkit's own text fragment writer: the caller has already laid
 * the run out, so pdfkit's option handling and its two extra width measurements per call
 * (most of a render's time) are skipped. Glyph offsets (Arabic marks) and kerning are kept.
 */
export function writeTextRun(
  doc: PDFKit.PDFDocument,
  run: { text: string; x: number; baseline: number; size: number; features?: unknown[]; fillAndStroke?: boolean },
): void {
  const internals = internalsOf(doc);
  const font = internals._font;
  if (font === null) throw new Error('No font is set');
  const [encoded, positions] = encode(font, run.text, run.features);
  const page = internals.page;
  if (page.fonts[font.id] === undefined) page.fonts[font.id] = font.ref();
  const scale = run.size / 1000;
  // Pages are drawn y-down; text is set in PDF's own y-up space, as pdfkit does.
  let x = run.x;
  const y = page.height - run.baseline;
  const operators: string[] = [
    `q 1 0 0 -1 0 ${pdfNumber(page.height)} cm`,
    'BT',
    `1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm`,
    `/${font.id} ${pdfNumber(run.size)} Tf`,
  ];
  if (run.fillAndStroke === true) operators.push('2 Tr');
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (current: number) => {
    if (last < current) {
      const position = positions[current - 1];
      const adjustment = position === undefined ? 0 : position.xAdvance - position.advanceWidth;
      commands.push(`<${encoded.slice(last, current).join('')}> ${pdfNumber(-adjustment)}`);
    }
    last = current;
  };
  const flush = (index: number) => {
    addSegment(index);
    if (commands.length > 0) {
      operators.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let index = 0;
  for (; index < positions.length; index += 1) {
    const position = positions[index] as (typeof positions)[number];
    if (position.xOffset !== 0 || position.yOffset !== 0) {
      flush(index);
      operators.push(
        `1 0 0 1 ${pdfNumber(x + position.xOffset * scale)} ${pdfNumber(y + position.yOffset * scale)} Tm`,
      );
      flush(index + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        operators.push(`1 0 0 1 ${pdfNumber(x)} ${pdfNumber(y)} Tm`);
        hadOffset = false;
      }
      if (position.xAdvance - position.advanceWidth !== 0) addSegment(index + 1);
    }
    x += position.xAdvance * scale;
  }
  flush(index);
  operators.push('ET', 'Q');
  internals.addContent(operators.join('\n'));
}
