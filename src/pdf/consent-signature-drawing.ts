import type { SignatureStrokes } from '../domain/consent-signature';
import { signatureGrid, signatureGridHeight } from '../domain/consent-signature';
import { colors } from './summary-theme';

const inkColor = '#14213d';
const inkWidthPt = 1.3;

/**
 * Draws a patient's signature again from its vector strokes, in a box three times as wide as
 * high (the grid's shape, so it is neither stretched nor squashed), with a signing line
 * under it. The grid's y grows downwards like the screen it was drawn on, and like pdfkit's.
 */
export function drawSignatureStrokes(
  doc: PDFKit.PDFDocument,
  strokes: SignatureStrokes,
  box: { x: number; y: number; widthPt: number },
): void {
  const heightPt = box.widthPt / 3;
  const scale = box.widthPt / signatureGrid;
  doc.save();
  doc.rect(box.x, box.y, box.widthPt, heightPt).lineWidth(0.5).strokeColor(colors.rule).stroke();
  const lineY = box.y + heightPt * 0.82;
  doc
    .moveTo(box.x + 8, lineY)
    .lineTo(box.x + box.widthPt - 8, lineY)
    .lineWidth(0.4)
    .strokeColor(colors.rule)
    .stroke();
  const at = (x: number, y: number): [number, number] => [
    box.x + x * scale,
    box.y + Math.min(y, signatureGridHeight) * scale,
  ];
  doc.lineCap('round').lineJoin('round').lineWidth(inkWidthPt);
  for (const stroke of strokes) {
    const [first, ...rest] = stroke;
    if (first === undefined) continue;
    const [startX, startY] = at(first[0], first[1]);
    if (rest.length === 0) {
      // A single touch is a dot (the tittle of an i), drawn as the pen would leave it.
      doc
        .circle(startX, startY, inkWidthPt / 2)
        .fillColor(inkColor)
        .fill();
      continue;
    }
    doc.moveTo(startX, startY);
    for (const [x, y] of rest) {
      const [pointX, pointY] = at(x, y);
      doc.lineTo(pointX, pointY);
    }
    doc.strokeColor(inkColor).stroke();
  }
  doc.restore();
}
