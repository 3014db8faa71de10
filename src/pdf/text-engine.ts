import { bidiLevels, hasRightToLeftScript, visualOrder } from './bidi';
import type { FaceKey } from './fonts';
import { fallbackOrder, isArabicFace, isFauxBold, loadFace, useFace } from './fonts';
import { baselineRatio, leading, tallBaselineRatio, tallLeading } from './summary-theme';
import type { PlacedRun, TextLine } from './text-line';
import { writeTextRun } from './text-operators';
import type { Span, TextStyle } from './text-style';

interface Character {
  value: string;
  span: number;
  face: FaceKey;
}

const breakAfterWhitespace = /\s/u;
/** Ideographs, kana and hangul break anywhere (there are no spaces between CJK words). */
const breakAnywhere =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303F\uFF00-\uFFEF]/u;
const neutral = /[\s\p{P}\p{S}\p{M}]/u;

/**
 * Lays out and draws rich text with pdfkit: picks a face per character (per-script
 * fallback), wraps at spaces (anywhere in CJK), orders right-to-left runs (bidi) and places
 * every run on a shared baseline, whatever its font's ascender.
 */
export class TextEngine {
  private readonly registered = new Set<FaceKey>();
  /** Face chosen per character and context: the same few hundred characters recur. */
  private static readonly faceChoices = new Map<string, FaceKey>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  private faceFor(character: string, bold: boolean, previous: FaceKey | null): FaceKey {
    const key = `${bold ? 'b' : 'r'}${previous !== null && isArabicFace(previous) ? previous : ''}|${character}`;
    let face = TextEngine.faceChoices.get(key);
    if (face === undefined) {
      face = this.chooseFace(character, bold, previous);
      TextEngine.faceChoices.set(key, face);
    }
    return face;
  }

  private chooseFace(character: string, bold: boolean, previous: FaceKey | null): FaceKey {
    const codePoint = character.codePointAt(0) ?? 0;
    // Spaces and punctuation inside Arabic stay in the Arabic face, so each right-to-left
    // run reaches fontkit whole and is shaped and reversed as one.
    if (
      previous !== null &&
      isArabicFace(previous) &&
      neutral.test(character) &&
      loadFace(previous).hasGlyphForCodePoint(codePoint)
    ) {
      return previous;
    }
    const order = fallbackOrder[bold ? 'bold' : 'regular'];
    return order.find((face) => loadFace(face).hasGlyphForCodePoint(codePoint)) ?? order[0] ?? 'sans';
  }

  private characters(spans: readonly Span[]): Character[] {
    const characters: Character[] = [];
    spans.forEach((span, index) => {
      let previous: FaceKey | null = null;
      for (const raw of span.text.normalize('NFC')) {
        const value = raw === '\t' ? ' ' : raw;
        if (/\p{Cc}/u.test(value) && value !== '\n') continue;
        const face: FaceKey =
          value === '\n' ? (previous ?? 'sans') : this.faceFor(value, span.style.bold === true, previous);
        characters.push({ value, span: index, face });
        previous = face;
      }
    });
    return characters;
  }

  /** Advance widths at 1 pt by face and text: widths scale with the size, and recur. */
  private static readonly widths = new Map<string, number>();

  private measure(text: string, face: FaceKey, style: TextStyle): number {
    const key = `${face}|${text}`;
    let perPoint = TextEngine.widths.get(key);
    if (perPoint === undefined) {
      useFace(this.doc, face, this.registered);
      this.doc.fontSize(1);
      perPoint = hasRightToLeftScript(text)
        ? this.doc.widthOfString(text, { features: [] })
        : this.doc.widthOfString(text);
      if (TextEngine.widths.size >= 50_000) TextEngine.widths.clear();
      TextEngine.widths.set(key, perPoint);
    }
    return perPoint * style.size;
  }

  /** Width of characters measured in runs of one face and span (no wrapping, no bidi). */
  private widthOf(characters: readonly Character[], spans: readonly Span[]): number {
    let width = 0;
    let start = 0;
    while (start < characters.length) {
      const first = characters[start] as Character;
      let end = start + 1;
      while (end < characters.length && characters[end]?.face === first.face && characters[end]?.span === first.span)
        end += 1;
      const style = spans[first.span]?.style ?? { size: 10 };
      width += this.measure(
        characters
          .slice(start, end)
          .map((character) => character.value)
          .join(''),
        first.face,
        style,
      );
      start = end;
    }
    return width;
  }

  /** Units that may not be broken: a word with its trailing spaces, or one CJK character. */
  private units(characters: readonly Character[]): { characters: Character[]; hardBreak: boolean }[] {
    const units: { characters: Character[]; hardBreak: boolean }[] = [];
    let current: Character[] = [];
    const flush = (hardBreak: boolean) => {
      if (current.length > 0 || hardBreak) units.push({ characters: current, hardBreak });
      current = [];
    };
    characters.forEach((character, index) => {
      if (character.value === '\n') {
        flush(true);
        return;
      }
      const next = characters[index + 1];
      if (
        breakAnywhere.test(character.value) &&
        current.length > 0 &&
        !breakAfterWhitespace.test(current[current.length - 1]?.value ?? '')
      ) {
        flush(false);
      }
      current.push(character);
      const breakHere =
        next === undefined ||
        (breakAfterWhitespace.test(character.value) && !breakAfterWhitespace.test(next.value)) ||
        (breakAnywhere.test(character.value) && !breakAfterWhitespace.test(next.value));
      if (breakHere) flush(false);
    });
    return units;
  }

  private lineOf(characters: Character[], spans: readonly Span[]): TextLine {
    let end = characters.length;
    while (end > 0 && breakAfterWhitespace.test(characters[end - 1]?.value ?? '')) end -= 1;
    const visible = characters.slice(0, end);
    const levels = bidiLevels(visible.map((character) => character.value));
    const logical: { characters: Character[]; level: number }[] = [];
    visible.forEach((character, index) => {
      const level = levels[index] ?? 0;
      const last = logical[logical.length - 1];
      const lastCharacter = last?.characters[last.characters.length - 1];
      if (
        last !== undefined &&
        last.level === level &&
        lastCharacter?.face === character.face &&
        lastCharacter.span === character.span
      ) {
        last.characters.push(character);
      } else {
        logical.push({ characters: [character], level });
      }
    });
    let x = 0;
    let size = 0;
    const runs: PlacedRun[] = visualOrder(logical).map((run) => {
      const first = run.characters[0] as Character;
      const style = spans[first.span]?.style ?? { size: 10 };
      const text = run.characters.map((character) => character.value).join('');
      const width = this.measure(text, first.face, style);
      const placed = { text, face: first.face, style, rightToLeft: run.level % 2 === 1, x, width };
      x += width;
      size = Math.max(size, style.size);
      return placed;
    });
    const lineSize = size || (spans[0]?.style.size ?? 10);
    // Arabic marks reach further above and below the baseline than Latin: more room.
    const tall = runs.some((run) => isArabicFace(run.face));
    return {
      runs,
      width: x,
      size: lineSize,
      height: lineSize * (tall ? tallLeading : leading),
      baseline: lineSize * (tall ? tallBaselineRatio : baselineRatio),
    };
  }

  /**
   * Laid-out paragraphs by content and width. Layout depends only on the text, styles and
   * width (and the shipped fonts), and most of a summary's text recurs in every document.
   * The lines are never changed after layout, so they are shared.
   */
  private static readonly laidOut = new Map<string, readonly TextLine[]>();

  /** Breaks spans into lines no wider than `maxWidth` points (shared: never modify them). */
  lines(spans: readonly Span[], maxWidth: number): readonly TextLine[] {
    const key = JSON.stringify([
      maxWidth,
      spans.map((span) => [span.text, span.style.size, span.style.bold === true, span.style.color ?? '']),
    ]);
    const cached = TextEngine.laidOut.get(key);
    if (cached !== undefined) return cached;
    const lines = Object.freeze(this.layoutLines(spans, maxWidth));
    if (TextEngine.laidOut.size >= 20_000) TextEngine.laidOut.clear();
    TextEngine.laidOut.set(key, lines);
    return lines;
  }

  private layoutLines(spans: readonly Span[], maxWidth: number): TextLine[] {
    const lines: TextLine[] = [];
    let current: Character[] = [];
    let currentWidth = 0;
    const flush = () => {
      lines.push(this.lineOf(current, spans));
      current = [];
      currentWidth = 0;
    };
    for (const unit of this.units(this.characters(spans))) {
      const trimmed = unit.characters.filter(
        (character, index, all) =>
          !breakAfterWhitespace.test(character.value) ||
          all.slice(index).some((later) => !breakAfterWhitespace.test(later.value)),
      );
      const visibleWidth = this.widthOf(trimmed, spans);
      if (current.length > 0 && currentWidth + visibleWidth > maxWidth) flush();
      if (visibleWidth > maxWidth) {
        // A word longer than the line (a long code or hash): break it between characters.
        for (const character of unit.characters) {
          const width = this.widthOf([character], spans);
          if (current.length > 0 && currentWidth + width > maxWidth) flush();
          current.push(character);
          currentWidth += width;
        }
      } else {
        current.push(...unit.characters);
        currentWidth += this.widthOf(unit.characters, spans);
      }
      if (unit.hardBreak) flush();
    }
    if (current.length > 0 || lines.length === 0) flush();
    return lines;
  }

  /** Width of spans set on one line. */
  width(spans: readonly Span[]): number {
    return this.lineOf(this.characters(spans), spans).width;
  }

  /** Draws a line with its start at `x` and its baseline at `baseline` (points from the top). */
  draw(line: TextLine, x: number, baseline: number): void {
    const { doc } = this;
    for (const run of line.runs) {
      useFace(doc, run.face, this.registered);
      const color = run.style.color ?? '#1a1a1a';
      doc.fontSize(run.style.size).fillColor(color);
      const shapedRightToLeft = hasRightToLeftScript(run.text);
      // fontkit reverses runs of a right-to-left script itself; other text at a
      // right-to-left level (spaces, punctuation) is reversed here.
      const text = run.rightToLeft && !shapedRightToLeft ? Array.from(run.text).reverse().join('') : run.text;
      const fauxBold = isFauxBold(run.face, run.style.bold === true);
      if (fauxBold) doc.lineWidth(run.style.size * 0.035).strokeColor(color);
      writeTextRun(doc, {
        text,
        x: x + run.x,
        baseline,
        size: run.style.size,
        ...(shapedRightToLeft ? { features: [] } : {}),
        fillAndStroke: fauxBold,
      });
    }
  }
}
