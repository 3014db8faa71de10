import type { TextEngine } from './text-engine';
import type { TextLine } from './text-line';
import type { Span, TextStyle } from './text-style';
import { colors, styles } from './summary-theme';

export interface Frame {
  left: number;
  right: number;
  /** First baseline area below the page header and patient banner, points from the top. */
  top: number;
  /** Last usable point above the footer. */
  bottom: number;
}

export interface TableColumn {
  header: string;
  /** Share of the table width; the shares are normalised. */
  share: number;
}

export type Cell = Span[];

export function text(value: string, style: TextStyle = styles.body): Span {
  return { text: value, style };
}

export function linesHeight(lines: readonly TextLine[]): number {
  return lines.reduce((sum, line) => sum + line.height, 0);
}

/**
 * Writes the body of the summary top to bottom, starting new pages as needed. Page
 * furniture (header, patient banner, footer) is added afterwards on every page.
 */
export class DocumentFlow {
  y: number;

  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly engine: TextEngine,
    readonly frame: Frame,
  ) {
    this.y = frame.top;
  }

  get width(): number {
    return this.frame.right - this.frame.left;
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.frame.top;
  }

  /** Starts a new page unless `heightPt` still fits on this one. */
  ensure(heightPt: number): void {
    if (this.y + heightPt > this.frame.bottom && this.y > this.frame.top) this.newPage();
  }

  gap(heightPt: number): void {
    this.y += heightPt;
  }

  drawLines(lines: readonly TextLine[], x: number, top: number, align: 'left' | 'right' = 'left', widthPt = 0): number {
    let y = top;
    for (const line of lines) {
      const offset = align === 'right' ? widthPt - line.width : 0;
      this.engine.draw(line, x + offset, y + line.baseline);
      y += line.height;
    }
    return y - top;
  }

  heading(title: string): void {
    const lines = this.engine.lines([text(title, styles.heading)], this.width);
    // Keep a heading with at least a few lines of what follows it.
    this.ensure(linesHeight(lines) + 60);
    this.gap(6);
    this.y += this.drawLines(lines, this.frame.left, this.y);
    this.doc
      .moveTo(this.frame.left, this.y + 1)
      .lineTo(this.frame.right, this.y + 1)
      .lineWidth(0.6)
      .strokeColor(colors.rule)
      .stroke();
    this.gap(6);
  }

  subheading(title: string): void {
    const lines = this.engine.lines([text(title, styles.subheading)], this.width);
    // Keep a subheading with the table header and first rows beneath it.
    this.ensure(linesHeight(lines) + 70);
    this.gap(3);
    this.y += this.drawLines(lines, this.frame.left, this.y);
    this.gap(2);
  }

  paragraph(spans: readonly Span[], options: { indentPt?: number; gapAfterPt?: number } = {}): void {
    const indent = options.indentPt ?? 0;
    const lines = this.engine.lines(spans, this.width - indent);
    for (const line of lines) {
      this.ensure(line.height);
      this.y += this.drawLines([line], this.frame.left + indent, this.y);
    }
    this.gap(options.gapAfterPt ?? 4);
  }

  /** Label/value rows: labels in a quiet narrow column, values beside them. */
  fields(rows: readonly { label: string; value: Span[] }[], labelWidthPt = 128): void {
    for (const row of rows) {
      const labelLines = this.engine.lines([text(row.label, styles.label)], labelWidthPt - 8);
      const valueLines = this.engine.lines(row.value, this.width - labelWidthPt);
      const height = Math.max(linesHeight(labelLines) + 1.5, linesHeight(valueLines));
      if (height <= this.frame.bottom - this.frame.top) this.ensure(height);
      // The label sits on the first value line's baseline.
      const offset = (valueLines[0]?.baseline ?? 0) - (labelLines[0]?.baseline ?? 0);
      this.drawLines(labelLines, this.frame.left, this.y + offset);
      let drawn = 0;
      for (const line of valueLines) {
        if (this.y + drawn + line.height > this.frame.bottom) {
          this.newPage();
          drawn = 0;
        }
        drawn += this.drawLines([line], this.frame.left + labelWidthPt, this.y + drawn);
      }
      this.y += Math.max(drawn, linesHeight(labelLines)) + 2.5;
    }
    this.gap(3);
  }

  table(columns: readonly TableColumn[], rows: readonly Cell[][], options: { fontSize?: number } = {}): void {
    const padding = 4;
    const total = columns.reduce((sum, column) => sum + column.share, 0);
    const widths = columns.map((column) => (column.share / total) * this.width);
    const lefts = widths.map(
      (_, index) => this.frame.left + widths.slice(0, index).reduce((sum, width) => sum + width, 0),
    );
    const headerStyle = {
      ...styles.label,
      bold: true,
      size: options.fontSize === undefined ? styles.label.size : options.fontSize - 1.5,
    };
    const layoutRow = (cells: readonly Cell[]) =>
      cells.map((cell, index) => this.engine.lines(cell, (widths[index] ?? 0) - 2 * padding));
    const header = layoutRow(columns.map((column) => [text(column.header, headerStyle)]));
    const rowHeight = (cells: readonly (readonly TextLine[])[]) =>
      Math.max(...cells.map(linesHeight)) + 2 * padding - 1;
    const drawRow = (cells: readonly (readonly TextLine[])[], background: string | null) => {
      const height = rowHeight(cells);
      if (background !== null) this.doc.rect(this.frame.left, this.y, this.width, height).fillColor(background).fill();
      cells.forEach((lines, index) => this.drawLines(lines, (lefts[index] ?? 0) + padding, this.y + padding - 1));
      this.y += height;
      this.doc
        .moveTo(this.frame.left, this.y)
        .lineTo(this.frame.right, this.y)
        .lineWidth(0.4)
        .strokeColor(colors.rule)
        .stroke();
    };
    const drawHeader = () => drawRow(header, null);
    const laidOut = rows.map(layoutRow);
    this.ensure(rowHeight(header) + (laidOut[0] ? rowHeight(laidOut[0]) : 0));
    drawHeader();
    laidOut.forEach((cells, index) => {
      const height = rowHeight(cells);
      if (this.y + height > this.frame.bottom) {
        this.newPage();
        drawHeader();
      }
      drawRow(cells, index % 2 === 1 ? colors.stripe : null);
    });
    this.gap(8);
  }
}
