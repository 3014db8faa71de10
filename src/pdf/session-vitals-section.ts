import { cadss6Items } from '../domain/infusion-session';
import { nauseaLabels } from '../domain/observation-text';
import { formatNumber } from '../domain/quantity';
import { scaleTotal } from '../domain/scales';
import { vitalsHeadings } from '../domain/shared-labels';
import { infusionFinishedAt, isRecoveryCheck } from '../domain/recovery-checks';
import { effectiveEntries } from '../domain/session-state';
import type { SessionEntryView } from '../domain/session-view';
import type { VitalsRow } from '../domain/vitals-rows';
import { vitalsRows } from '../domain/vitals-rows';
import type { Cell, DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { styles } from './summary-theme';
import { drawVitalsChart } from './vitals-chart';

/** A value not taken at that check, in words (never a blank or a dash that reads as zero). */
function value(cell: string | number | null): Cell {
  return cell === null ? [text('Not taken', styles.small)] : [text(String(cell))];
}

/** The CADSS-6 total, only when all six items were asked: a partial sum would read as a total. */
function cadssTotal(items: VitalsRow['cadss6']): string | null {
  const answered = (items ?? []).filter((item): item is number => item !== null);
  if (answered.length === 0) return null;
  const total = scaleTotal(items);
  return total === null ? `${answered.length} of ${cadss6Items.length} asked` : String(total);
}

/**
 * The timed vital signs as a table (a row per time, a column per sign, units in the headers)
 * and a chart of BP and HR over the session; then the notes charted with the checks.
 */
export function writeVitalsSection(
  flow: DocumentFlow,
  entries: readonly SessionEntryView[],
  clock: (instantIso: string) => string,
  timeZone: string,
): void {
  flow.heading('Timed vital signs and scales');
  const rows = vitalsRows(entries);
  if (rows.length === 0) {
    flow.paragraph([text('No vital signs were recorded.')]);
    return;
  }
  flow.paragraph(
    [
      text(
        `Baseline from the pre-infusion checklist, every check charted during the infusion, recovery checks after it stopped, and the discharge. Times in clinic time. Sedation is MOAA/S (5 awake, 0 no response); CADSS-6 total of 24.`,
        styles.small,
      ),
    ],
    { gapAfterPt: 3 },
  );
  flow.table(
    [
      { header: vitalsHeadings.time, share: 1.05 },
      { header: vitalsHeadings.reading, share: 0.95 },
      { header: vitalsHeadings.bloodPressure, share: 0.95 },
      { header: vitalsHeadings.heartRate, share: 1 },
      { header: vitalsHeadings.spo2, share: 0.7 },
      { header: vitalsHeadings.respiratoryRate, share: 0.9 },
      { header: vitalsHeadings.temperature, share: 0.7 },
      { header: vitalsHeadings.sedation, share: 0.9 },
      { header: 'CADSS-6', share: 0.85 },
      { header: vitalsHeadings.pain, share: 0.7 },
      { header: 'Nausea', share: 0.85 },
    ],
    rows.map((row) => {
      const { systolicMmHg: systolic, diastolicMmHg: diastolic } = row.vitals;
      return [
        [text(clock(row.occurredAt), styles.bodyBold)],
        [text(row.source)],
        value(
          systolic === null && diastolic === null ? null : `${systolic ?? 'not taken'}/${diastolic ?? 'not taken'}`,
        ),
        value(row.vitals.heartRateBpm),
        value(row.vitals.spo2Percent),
        value(row.vitals.respiratoryRatePerMin),
        value(row.vitals.temperatureC === null ? null : formatNumber(row.vitals.temperatureC)),
        value(row.sedation),
        value(cadssTotal(row.cadss6)),
        value(row.painNrs),
        value(row.nausea === null ? null : nauseaLabels[row.nausea]),
      ];
    }),
    { fontSize: 8.5 },
  );
  flow.subheading('Blood pressure and heart rate over the session');
  drawVitalsChart(flow, rows, timeZone);

  const finishedAt = infusionFinishedAt(entries);
  const notes = effectiveEntries(entries).filter(
    (entry): entry is Extract<SessionEntryView, { kind: 'observation' }> =>
      entry.kind === 'observation' && entry.content.notes.trim() !== '',
  );
  if (notes.length > 0) {
    flow.subheading('Notes charted with the checks');
    flow.fields(
      notes.map((entry) => ({
        label: clock(entry.occurredAt),
        value: [
          text(isRecoveryCheck(entry, finishedAt) ? 'Recovery check: ' : '', styles.bodyBold),
          text(entry.content.notes.trim()),
          text(`  — ${entry.printedName}`, styles.small),
        ],
      })),
      96,
    );
  }
}
