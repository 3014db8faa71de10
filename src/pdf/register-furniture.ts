import type { Span } from './text-style';
import type { TextEngine } from './text-engine';
import type { TextLine } from './text-line';
import { linesHeight, text } from './document-flow';
import type { DocumentFurniture } from './signed-document';
import { colors, footerHeightPt, pagePaddingPt, styles } from './summary-theme';

const bandPaddingPt = 7;

export interface RegisterFurnitureInput {
  clinic: { name: string; address: string };
  /** The registration band on every page (registrant, registration number, range, zone). */
  band: Span[][];
  documentTitle: string;
  documentDetail: string;
  footerIdentity: string;
  recordSha256: string;
}

function drawLines(engine: TextEngine, lines: readonly TextLine[], x: number, top: number, rightEdge?: number): void {
  let y = top;
  for (const line of lines) {
    engine.draw(line, rightEdge === undefined ? x : rightEdge - line.width, y + line.baseline);
    y += line.height;
  }
}

/**
 * The header, registration band and footer of the register's documents: they name no patient,
 * so the clinic's registration takes the place of the patient banner, on every page.
 */
export class RegisterFurniture implements DocumentFurniture {
  readonly bodyTop: number;
  private readonly left: readonly TextLine[];
  private readonly right: readonly TextLine[];
  private readonly band: { lines: readonly TextLine[]; top: number; height: number };

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly engine: TextEngine,
    private readonly input: RegisterFurnitureInput,
  ) {
    const width = doc.page.width - pagePaddingPt.left - pagePaddingPt.right;
    const address = input.clinic.address
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' · ');
    this.left = [
      ...engine.lines([text(input.clinic.name, styles.clinic)], width * 0.58),
      ...engine.lines([text(address === '' ? 'Address not known' : address, styles.small)], width * 0.58),
    ];
    this.right = [
      ...engine.lines([text(input.documentTitle, { ...styles.smallBold, size: 9 })], width * 0.4),
      ...engine.lines([text(input.documentDetail, styles.small)], width * 0.4),
    ];
    const lines = input.band.flatMap((spans) => engine.lines(spans, width - 2 * bandPaddingPt));
    const top = pagePaddingPt.top + Math.max(linesHeight(this.left), linesHeight(this.right)) + 7;
    this.band = { lines, top, height: linesHeight(lines) + 2 * bandPaddingPt - 2 };
    this.bodyTop = top + this.band.height + 10;
  }

  draw(pageIndex: number, pageCount: number): void {
    const { doc, engine, input } = this;
    const left = pagePaddingPt.left;
    const right = doc.page.width - pagePaddingPt.right;
    const width = right - left;
    drawLines(engine, this.left, left, pagePaddingPt.top);
    drawLines(engine, this.right, left, pagePaddingPt.top, right);
    const { top, height, lines } = this.band;
    doc.rect(left, top, width, height).fillColor(colors.banner).fill();
    doc.rect(left, top, width, height).lineWidth(0.6).strokeColor(colors.bannerEdge).stroke();
    drawLines(engine, lines, left + bandPaddingPt, top + bandPaddingPt - 1);

    const footerTop = doc.page.height - pagePaddingPt.bottom - footerHeightPt + 8;
    doc.moveTo(left, footerTop).lineTo(right, footerTop).lineWidth(0.6).strokeColor(colors.rule).stroke();
    const footer = [
      ...engine.lines([text(input.footerIdentity, styles.small)], width * 0.8),
      ...engine.lines(
        [text('SHA-256 of record.json ', styles.small), text(input.recordSha256.toLowerCase(), styles.mono)],
        width * 0.8,
      ),
    ];
    drawLines(engine, footer, left, footerTop + 4);
    const page = engine.lines(
      [text(`Page ${pageIndex + 1} of ${pageCount}`, { ...styles.smallBold, size: 8.5 })],
      width,
    );
    drawLines(engine, page, left, footerTop + 4, right);
  }
}

/** "Not known" in the band when the administrator has not entered the registration yet. */
export function registrationBand(
  registration: { registrantName: string; registrationNumber: string },
  extra: Span[],
): Span[][] {
  const known = (value: string) => (value.trim() === '' ? 'Not known (set in the register settings)' : value.trim());
  return [
    [
      text('Registrant ', styles.label),
      text(known(registration.registrantName), styles.bodyBold),
      text('     Registration number ', styles.label),
      text(known(registration.registrationNumber), styles.bodyBold),
    ],
    extra,
  ];
}
