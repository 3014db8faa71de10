import { formatAllergies, formatPatientName, sexLabels } from '../domain/patient';
import { formatAge, formatDate, localDate } from '../domain/time';
import type { TextEngine } from './text-engine';
import type { TextLine } from './text-line';
import type { Span } from './text-style';
import { text } from './document-flow';
import { linesHeight } from './document-flow';
import type { RecordSummaryInput } from './record-summary-input';
import { colors, footerHeightPt, pagePaddingPt, styles } from './summary-theme';

const bannerPaddingPt = 7;

function drawLines(
  engine: TextEngine,
  lines: readonly TextLine[],
  x: number,
  top: number,
  align: 'left' | 'right' = 'left',
  widthPt = 0,
): number {
  let y = top;
  for (const line of lines) {
    engine.draw(line, align === 'right' ? x + widthPt - line.width : x, y + line.baseline);
    y += line.height;
  }
  return y - top;
}

/** What the header, banner and footer of a signed document name, whatever the document. */
export interface FurnitureInput extends Pick<RecordSummaryInput, 'clinic' | 'patient' | 'recordSha256'> {
  /** Top right, e.g. "Infusion plan — signed summary". */
  documentTitle: string;
  /** Under it, e.g. "Record 5 · version 2 · Signed". */
  documentDetail: string;
  /** Footer, before the patient's name, e.g. "Infusion plan · record 5 · version 2 (version ID 9) · ". */
  footerIdentity: string;
  /** The signing instant: the patient's age in the banner is the age on that day. */
  signedAt: string;
}

/**
 * The clinic header, the patient banner (two identifiers and allergies, on every page, per
 * the UI conventions) and the footer (page X of Y, record and version, SHA-256). Laid out
 * once, then drawn on every page after the body is written, when the page count is known.
 */
export class PageFurniture {
  /** Where the body starts on every page, points from the top. */
  readonly bodyTop: number;
  private readonly header: { left: readonly TextLine[]; right: readonly TextLine[]; height: number };
  private readonly banner: { lines: readonly TextLine[]; height: number; top: number };

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly engine: TextEngine,
    private readonly input: FurnitureInput,
  ) {
    const width = doc.page.width - pagePaddingPt.left - pagePaddingPt.right;
    const { clinic, patient } = input;
    const address = clinic.address
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .join(' · ');
    const left = [
      ...engine.lines([text(clinic.name, styles.clinic)], width * 0.58),
      ...(address === '' ? [] : engine.lines([text(address, styles.small)], width * 0.58)),
    ];
    const right = [
      ...engine.lines([text(input.documentTitle, { ...styles.smallBold, size: 9 })], width * 0.4),
      ...engine.lines([text(input.documentDetail, styles.small)], width * 0.4),
    ];
    this.header = { left, right, height: Math.max(linesHeight(left), linesHeight(right)) };

    const today = localDate(new Date(input.signedAt), clinic.timeZone);
    const nameLine: Span[] = [text(formatPatientName(patient), styles.patientName)];
    if (patient.preferredName.trim() !== '') {
      nameLine.push(text('   Preferred ', styles.label), text(patient.preferredName, styles.bodyBold));
    }
    const identifiers: Span[] = [
      text('Born ', styles.label),
      text(`${formatDate(patient.dateOfBirth)} (${formatAge(patient.dateOfBirth, today)})`, styles.bodyBold),
      text('     Sex ', styles.label),
      text(sexLabels[patient.sex], styles.bodyBold),
      text('     MRN ', styles.label),
      text(patient.mrn, styles.bodyBold),
    ];
    const allergies: Span[] =
      patient.allergies.status === 'none-known'
        ? [text('Allergies ', styles.label), text(formatAllergies(patient.allergies), styles.bodyBold)]
        : [text('ALLERGIES ', styles.alertLabel), text(formatAllergies(patient.allergies), styles.alert)];
    const innerWidth = width - 2 * bannerPaddingPt;
    const lines = [nameLine, identifiers, allergies].flatMap((spans) => engine.lines(spans, innerWidth));
    const bannerTop = pagePaddingPt.top + this.header.height + 7;
    this.banner = { lines, height: linesHeight(lines) + 2 * bannerPaddingPt - 2, top: bannerTop };
    this.bodyTop = bannerTop + this.banner.height + 10;
  }

  /** Top of the footer, points from the top of the page. */
  get footerTop(): number {
    return this.doc.page.height - pagePaddingPt.bottom - footerHeightPt + 8;
  }

  draw(pageIndex: number, pageCount: number): void {
    const { doc, engine } = this;
    const left = pagePaddingPt.left;
    const right = doc.page.width - pagePaddingPt.right;
    const width = right - left;

    drawLines(engine, this.header.left, left, pagePaddingPt.top);
    drawLines(engine, this.header.right, left, pagePaddingPt.top, 'right', width);

    const { top, height, lines } = this.banner;
    doc.rect(left, top, width, height).fillColor(colors.banner).fill();
    doc.rect(left, top, width, height).lineWidth(0.6).strokeColor(colors.bannerEdge).stroke();
    drawLines(engine, lines, left + bannerPaddingPt, top + bannerPaddingPt - 1);

    const footerTop = this.footerTop;
    doc.moveTo(left, footerTop).lineTo(right, footerTop).lineWidth(0.6).strokeColor(colors.rule).stroke();
    const { input } = this;
    const identity = engine.lines(
      [
        text(input.footerIdentity, styles.small),
        text(formatPatientName(input.patient), styles.smallBold),
        text(` · MRN ${input.patient.mrn}`, styles.small),
      ],
      width * 0.8,
    );
    const hash = engine.lines(
      [text('SHA-256 of record.json ', styles.small), text(input.recordSha256.toLowerCase(), styles.mono)],
      width * 0.8,
    );
    drawLines(engine, [...identity, ...hash], left, footerTop + 4);
    const page = engine.lines(
      [text(`Page ${pageIndex + 1} of ${pageCount}`, { ...styles.smallBold, size: 8.5 })],
      width * 0.2,
    );
    drawLines(engine, page, left, footerTop + 4, 'right', width);
  }
}
