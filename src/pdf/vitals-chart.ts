import { DateTime } from 'luxon';
import { timeAxis, valueAxis } from '../domain/chart-axes';
import { formatClockTime } from '../domain/clock-time';
import { formatUtcOffset } from '../domain/time';
import type { VitalsRow } from '../domain/vitals-rows';
import type { DocumentFlow } from './document-flow';
import { linesHeight, text } from './document-flow';
import { colors, styles } from './summary-theme';

type Marker = 'circle' | 'square' | 'triangle';

interface Series {
  name: string;
  color: string;
  /** Dash pattern in points; null for a solid line. */
  dash: [number, number] | null;
  marker: Marker;
  value: (row: VitalsRow) => number | null;
}

/**
 * The same three series, colours, dashes and markers as the session screen's chart, so paper
 * and screen read alike; each differs by dash and marker as well as colour (never colour alone).
 */
const series: readonly Series[] = [
  {
    name: 'Systolic BP (mmHg)',
    color: '#0b4f8a',
    dash: null,
    marker: 'circle',
    value: (row) => row.vitals.systolicMmHg,
  },
  {
    name: 'Diastolic BP (mmHg)',
    color: '#0f6b4f',
    dash: [5, 2.5],
    marker: 'square',
    value: (row) => row.vitals.diastolicMmHg,
  },
  {
    name: 'Heart rate (beats/min)',
    color: '#a4161a',
    dash: [1.5, 2.5],
    marker: 'triangle',
    value: (row) => row.vitals.heartRateBpm,
  },
];

function drawMarker(doc: PDFKit.PDFDocument, marker: Marker, x: number, y: number, color: string): void {
  const size = 2.6;
  doc.undash().lineWidth(0.8);
  if (marker === 'circle') doc.circle(x, y, size);
  if (marker === 'square') doc.rect(x - size, y - size, 2 * size, 2 * size);
  if (marker === 'triangle') doc.polygon([x, y - size - 0.6], [x + size + 0.4, y + size], [x - size - 0.4, y + size]);
  doc.fillColor('#ffffff').strokeColor(color).fillAndStroke();
}

/**
 * Blood pressure and heart rate over the session, drawn as vectors (crisp at any zoom, and
 * deterministic bytes): round-minute time ticks in the clinic's clock, values in steps of 20,
 * a legend naming every series. The vitals table printed beside it has the same values.
 */
export function drawVitalsChart(flow: DocumentFlow, rows: readonly VitalsRow[], timeZone: string): void {
  const plotted = rows.filter((row) => series.some((line) => line.value(row) !== null));
  if (plotted.length === 0) {
    flow.paragraph([text('No blood pressure or heart rate was recorded, so there is nothing to chart.')]);
    return;
  }
  const { doc, engine } = flow;
  const times = plotted.map((row) => Date.parse(row.occurredAt));
  const xAxis = timeAxis(Math.min(...times), Math.max(...times), 10);
  const yAxis = valueAxis(plotted.flatMap((row) => series.map((line) => line.value(row))));
  const legend = series.map((line) => engine.lines([text(line.name, styles.small)], 200));
  const legendHeight = Math.max(...legend.map(linesHeight)) + 6;
  const axisLabelWidth = 26;
  const plotHeight = 170;
  const tickLabelHeight = 13;
  const axisTitleHeight = 11;
  flow.ensure(legendHeight + plotHeight + tickLabelHeight + axisTitleHeight + 8);

  // Legend first: a sample of each line with its marker, then its name.
  let legendX = flow.frame.left + axisLabelWidth;
  const legendY = flow.y + 4;
  series.forEach((line, index) => {
    const sampleY = legendY + 4;
    doc.lineWidth(1.1).strokeColor(line.color);
    if (line.dash === null) doc.undash();
    else doc.dash(line.dash[0], { space: line.dash[1] });
    doc
      .moveTo(legendX, sampleY)
      .lineTo(legendX + 22, sampleY)
      .stroke();
    drawMarker(doc, line.marker, legendX + 11, sampleY, line.color);
    const label = legend[index] ?? [];
    flow.drawLines(label, legendX + 27, legendY - 1);
    legendX += 27 + Math.max(...label.map((lineOfText) => lineOfText.width)) + 18;
  });
  doc.undash();

  const left = flow.frame.left + axisLabelWidth;
  const right = flow.frame.right - 6;
  const top = flow.y + legendHeight + 4;
  const bottom = top + plotHeight;
  const [fromMs, toMs] = xAxis.domain;
  const [low, high] = yAxis.domain;
  const xOf = (ms: number) => left + ((ms - fromMs) / (toMs - fromMs)) * (right - left);
  const yOf = (value: number) => bottom - ((value - low) / (high - low)) * (bottom - top);

  // Grid and axes.
  doc.lineWidth(0.35).strokeColor(colors.rule).dash(2, { space: 2 });
  for (const tick of yAxis.ticks) doc.moveTo(left, yOf(tick)).lineTo(right, yOf(tick)).stroke();
  for (const tick of xAxis.ticks) doc.moveTo(xOf(tick), top).lineTo(xOf(tick), bottom).stroke();
  doc
    .undash()
    .lineWidth(0.7)
    .strokeColor(colors.label)
    .rect(left, top, right - left, bottom - top)
    .stroke();
  for (const tick of yAxis.ticks) {
    const label = engine.lines([text(String(tick), styles.small)], axisLabelWidth);
    flow.drawLines(label, flow.frame.left, yOf(tick) - 4.5, 'right', axisLabelWidth - 4);
  }
  for (const tick of xAxis.ticks) {
    const label = engine.lines([text(formatClockTime(new Date(tick).toISOString(), timeZone), styles.small)], 60);
    const width = label[0]?.width ?? 0;
    flow.drawLines(label, xOf(tick) - width / 2, bottom + 3);
  }
  // The tick labels leave out the offset to stay legible; the axis title gives it once.
  const offset = formatUtcOffset(DateTime.fromMillis(fromMs, { zone: timeZone }).offset);
  const axisTitle = engine.lines([text(`Clinic time (${offset})`, styles.label)], 200);
  flow.drawLines(axisTitle, right - (axisTitle[0]?.width ?? 0), bottom + 3 + tickLabelHeight);

  // Each series: a line through the values it has (a check without that value is skipped), then markers.
  for (const line of series) {
    const points = plotted
      .map((row) => ({ ms: Date.parse(row.occurredAt), value: line.value(row) }))
      .filter((point): point is { ms: number; value: number } => point.value !== null);
    doc.lineWidth(1.1).strokeColor(line.color);
    if (line.dash === null) doc.undash();
    else doc.dash(line.dash[0], { space: line.dash[1] });
    points.forEach((point, index) => {
      if (index === 0) doc.moveTo(xOf(point.ms), yOf(point.value));
      else doc.lineTo(xOf(point.ms), yOf(point.value));
    });
    if (points.length > 1) doc.stroke();
    doc.undash();
    for (const point of points) drawMarker(doc, line.marker, xOf(point.ms), yOf(point.value), line.color);
  }
  flow.y = bottom + tickLabelHeight + axisTitleHeight + 8;
}
