import type { EntryContext } from '../domain/session-entry-text';
import { entryLines, entryTitle } from '../domain/session-entry-text';
import { effectiveEntries } from '../domain/session-state';
import type { SessionEntryView } from '../domain/session-view';
import type { Cell, DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { styles } from './summary-theme';
import type { TextStyle } from './text-style';

type EntryOf<K extends SessionEntryView['kind']> = Extract<SessionEntryView, { kind: K }>;

export interface ChartingContext extends EntryContext {
  /** "14:05 UTC−05:00" (with the date when it is not the session's day). */
  clock: (instantIso: string) => string;
}

/** Charted a minute or more after it happened: both times are shown (MAR practice). */
function whenCell(entry: SessionEntryView, context: ChartingContext): Cell {
  const late = Date.parse(entry.recordedAt) - Date.parse(entry.occurredAt) >= 60_000;
  return [
    text(context.clock(entry.occurredAt), styles.bodyBold),
    text(late ? `\ncharted ${context.clock(entry.recordedAt)}` : '', styles.small),
  ];
}

function byCell(entry: SessionEntryView): Cell {
  return [
    text(entry.printedName),
    text(entry.correctsEntryId === null ? '' : `\ncorrection of entry ${entry.correctsEntryId}`, styles.small),
  ];
}

function standing<K extends SessionEntryView['kind']>(entries: readonly SessionEntryView[], kind: K): EntryOf<K>[] {
  return effectiveEntries(entries).filter((entry): entry is EntryOf<K> => entry.kind === kind);
}

export function writeChecklistSection(
  flow: DocumentFlow,
  entries: readonly SessionEntryView[],
  context: ChartingContext,
): void {
  flow.heading('Pre-infusion checklist');
  const checklist = standing(entries, 'checklist')[0];
  if (checklist === undefined) {
    flow.paragraph([text('No checklist was recorded.')]);
    return;
  }
  flow.fields([
    { label: 'Recorded', value: [...whenCell(checklist, context), text(`  by ${checklist.printedName}`)] },
    ...entryLines(checklist, context).map((line, index) => ({
      label: index === 0 ? 'Checked' : '',
      value: [text(line)],
    })),
  ]);
}

/** Start, rate changes, pauses, stop and end as a MAR: time happened, time charted, who. */
export function writeAdministrationSection(
  flow: DocumentFlow,
  entries: readonly SessionEntryView[],
  context: ChartingContext,
): void {
  flow.heading('Administration');
  const events = standing(entries, 'event');
  if (events.length === 0) {
    flow.paragraph([text('The infusion was not started.')]);
    return;
  }
  flow.table(
    [
      { header: 'Time', share: 1.2 },
      { header: 'Event', share: 1 },
      { header: 'Details', share: 3.4 },
      { header: 'Charted by', share: 1.5 },
    ],
    events.map((entry) => [
      whenCell(entry, context),
      [text(entryTitle(entry), styles.bodyBold)],
      [text(entryLines(entry, context).join('\n') || 'No details')],
      byCell(entry),
    ]),
  );
}

export function writeAdverseEventsSection(
  flow: DocumentFlow,
  entries: readonly SessionEntryView[],
  context: ChartingContext,
): void {
  flow.heading('Adverse events');
  const events = standing(entries, 'adverse-event');
  if (events.length === 0) {
    flow.paragraph([text('No adverse event was charted.')]);
    return;
  }
  flow.table(
    [
      { header: 'Time', share: 1.2 },
      { header: 'Event', share: 1.4 },
      { header: 'Severity, action, outcome', share: 3.5 },
      { header: 'Charted by', share: 1.5 },
    ],
    events.map((entry) => [
      whenCell(entry, context),
      [text(entry.content.type, styles.alert)],
      [text(entryLines(entry, context).join('\n'))],
      byCell(entry),
    ]),
  );
}

export function writeDischargeSection(
  flow: DocumentFlow,
  entries: readonly SessionEntryView[],
  context: ChartingContext,
): void {
  flow.heading('Discharge');
  const discharge = standing(entries, 'discharge')[0];
  if (discharge === undefined) {
    flow.paragraph([text('No discharge was recorded.')]);
    return;
  }
  const { content } = discharge;
  flow.fields([
    { label: 'Discharged', value: [...whenCell(discharge, context), text(`  by ${discharge.printedName}`)] },
    ...content.criteria.map((item, index) => ({
      label: index === 0 ? 'Criteria (clinic’s list)' : '',
      value: [text(item.met ? 'Met  ' : 'NOT MET  ', item.met ? styles.bodyBold : styles.alert), text(item.label)],
    })),
    ...entryLines(discharge, context)
      .slice(1)
      .map((line, index) => ({ label: index === 0 ? 'At discharge' : '', value: [text(line)] })),
  ]);
}

/**
 * Every entry that was corrected, beside what replaced it and why: nothing charted is ever
 * overwritten, and the record shows both.
 */
export function writeCorrectionsSection(
  flow: DocumentFlow,
  entries: readonly SessionEntryView[],
  context: ChartingContext,
): void {
  const corrected = entries.filter((entry) => entry.correctedByEntryId !== null);
  if (corrected.length === 0) return;
  flow.heading('Corrections');
  flow.paragraph([
    text(
      'Entries corrected after they were charted. The tables above show the corrections; the original entries stay part of the record and are listed here as first charted.',
      styles.small,
    ),
  ]);
  flow.table(
    [
      { header: 'Original entry (superseded)', share: 2.6 },
      { header: 'Correction', share: 2.6 },
      { header: 'Reason', share: 1.6 },
      { header: 'Corrected by', share: 1.3 },
    ],
    corrected.map((original) => {
      const correction = entries.find((entry) => entry.id === original.correctedByEntryId);
      const describe = (entry: SessionEntryView, style: TextStyle = styles.body): Cell => [
        text(`Entry ${entry.id} · ${entryTitle(entry)} · ${context.clock(entry.occurredAt)}\n`, styles.smallBold),
        text(entryLines(entry, context).join('\n'), style),
      ];
      return [
        describe(original, styles.small),
        correction === undefined ? [text('Not known')] : describe(correction),
        [text(correction?.correctionReason ?? 'Not known')],
        correction === undefined
          ? [text('Not known')]
          : [text(correction.printedName), text(`\n${context.clock(correction.recordedAt)}`, styles.small)],
      ];
    }),
  );
}
