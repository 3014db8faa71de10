import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import type { FontkitFont } from './pdfkit-internals';
import { internalsOf } from './pdfkit-internals';

/**
 * The fonts of the summary, shipped in assets/fonts (SIL Open Font License, see OFL.txt):
 * Noto Sans for Latin, Greek and Cyrillic; Noto Sans Arabic; Noto Sans Math for the few
 * symbols Noto Sans lacks (the true minus of "UTC−05:00", ≤, ≥); Noto Sans CJK SC for
 * Chinese, Japanese and Korean. pdfkit embeds only the glyphs used (subsets).
 */
export const faceFiles = {
  sans: 'NotoSans-Regular.ttf',
  sansBold: 'NotoSans-Bold.ttf',
  arabic: 'NotoSansArabic-Regular.ttf',
  arabicBold: 'NotoSansArabic-Bold.ttf',
  math: 'NotoSansMath-Regular.ttf',
  cjk: 'NotoSansCJKsc-Regular.otf',
} as const;
export type FaceKey = keyof typeof faceFiles;

/**
 * Which faces to try, in order, for a character: the first that has a glyph prints it.
 * Math and CJK have no bold: bold text in them is drawn with a thin outline (`isFauxBold`).
 */
export const fallbackOrder: Record<'regular' | 'bold', readonly FaceKey[]> = {
  regular: ['sans', 'arabic', 'math', 'cjk'],
  bold: ['sansBold', 'arabicBold', 'math', 'cjk'],
};

export function isFauxBold(face: FaceKey, bold: boolean): boolean {
  return bold && (face === 'math' || face === 'cjk');
}

export function isArabicFace(face: FaceKey): boolean {
  return face === 'arabic' || face === 'arabicBold';
}

let configuredDirectory: string | null = null;

/** For packaged apps that keep the fonts elsewhere; tests and the CLI find them unaided. */
export function setFontDirectory(directory: string): void {
  configuredDirectory = directory;
}

/** assets/fonts of the project, found from this module's location (src/pdf or dist/…). */
export function fontDirectory(): string {
  if (configuredDirectory !== null) return configuredDirectory;
  let directory = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth += 1) {
    const candidate = join(directory, 'assets', 'fonts');
    if (existsSync(join(candidate, faceFiles.sans))) {
      configuredDirectory = candidate;
      return candidate;
    }
    directory = resolve(directory, '..');
  }
  throw new Error('The PDF fonts (assets/fonts) were not found: call setFontDirectory with their folder.');
}

/**
 * Parsed fonts are kept for the life of the process: parsing a face's layout tables costs
 * ~100 ms and the CJK file is 16 MB, so every document reuses them (pdfkit accepts a parsed
 * fontkit font in place of a file, and still subsets per document). A face is read only
 * when a character needs it, so a summary without CJK never loads the CJK font.
 */
const parsedFaces = new Map<FaceKey, FontkitFont>();

interface GlyphRun {
  glyphs: unknown[];
  positions: Record<string, number>[];
}

/** Bounds the memos; a summary uses a few thousand distinct words at most. */
const maximumMemoisedRuns = 20_000;
const maximumMemoisedSubsets = 64;

interface FontSubset {
  glyphs: number[];
  encode(): Uint8Array;
}

/**
 * Shaping (GSUB/GPOS) is most of a render's time, and pdfkit's own layout cache lives
 * only as long as one document. This wrapper remembers fontkit's glyph runs across
 * documents and hands pdfkit a fresh copy of the positions each time, because pdfkit scales
 * them in place. Everything else is the fontkit font itself (its prototype).
 */
function withLayoutMemo(font: FontkitFont): FontkitFont {
  const memo = new Map<string, GlyphRun>();
  const wrapper = Object.create(font) as FontkitFont;
  wrapper.layout = (text: string, ...rest: unknown[]): unknown => {
    const key = rest[0] === undefined ? `|${text}` : `${JSON.stringify(rest)}|${text}`;
    let run = memo.get(key);
    if (run === undefined) {
      run = (font.layout as (text: string, ...rest: unknown[]) => GlyphRun)(text, ...rest);
      if (memo.size >= maximumMemoisedRuns) memo.clear();
      memo.set(key, run);
    }
    const positions = run.positions.map((position) => ({ ...position }));
    return {
      glyphs: run.glyphs,
      positions,
      get advanceWidth(): number {
        return positions.reduce((sum, position) => sum + (position.xAdvance ?? 0), 0);
      },
    };
  };
  // Subsetting re-encodes the glyph outlines; the same glyphs give the same bytes, so a
  // document that uses exactly the glyphs of an earlier one reuses its font program.
  const subsets = new Map<string, Uint8Array>();
  const createSubset = (font as unknown as { createSubset: (this: FontkitFont) => FontSubset }).createSubset;
  (wrapper as unknown as { createSubset(): FontSubset }).createSubset = () => {
    const subset = createSubset.call(wrapper);
    const encode = subset.encode.bind(subset);
    subset.encode = () => {
      const key = subset.glyphs.join(',');
      let bytes = subsets.get(key);
      if (bytes === undefined) {
        bytes = encode();
        if (subsets.size >= maximumMemoisedSubsets) subsets.clear();
        subsets.set(key, bytes);
      }
      return bytes;
    };
    return subset;
  };
  return wrapper;
}

export function loadFace(face: FaceKey): FontkitFont {
  const cached = parsedFaces.get(face);
  if (cached !== undefined) return cached;
  // pdfkit parses the file with its own fontkit; a scratch document hands the result over.
  const scratch = new PDFDocument({ autoFirstPage: false });
  const internals = internalsOf(scratch);
  internals.registerFont(face, readFileSync(join(fontDirectory(), faceFiles[face])));
  scratch.font(face);
  const parsed = internals._font?.font;
  if (parsed === undefined) throw new Error(`pdfkit did not load the font ${faceFiles[face]}`);
  const wrapped = withLayoutMemo(parsed);
  parsedFaces.set(face, wrapped);
  return wrapped;
}

/** Registers a face with a document the first time it is used there. */
export function useFace(doc: PDFKit.PDFDocument, face: FaceKey, registered: Set<FaceKey>): void {
  if (!registered.has(face)) {
    internalsOf(doc).registerFont(face, loadFace(face));
    registered.add(face);
  }
  doc.font(face);
}
