import { effectiveEntries } from '../../../domain/session-state';
import type { SessionEntryView } from '../../../domain/session-view';
import type { Vitals } from '../../../domain/vitals';

export interface VitalsRow {
  entryId: number;
  occurredAt: string;
  source: 'Baseline' | 'Check' | 'Discharge';
  vitals: Vitals;
  sedation: number | null;
  painNrs: number | null;
}

/** Every standing measurement of the session, baseline to discharge, in the order taken. */
export function vitalsRows(entries: readonly SessionEntryView[]): VitalsRow[] {
  const rows: VitalsRow[] = [];
  for (const entry of effectiveEntries(entries)) {
    const base = { entryId: entry.id, occurredAt: entry.occurredAt };
    if (entry.kind === 'checklist') {
      rows.push({
        ...base,
        source: 'Baseline',
        vitals: entry.content.vitals,
        sedation: null,
        painNrs: entry.content.scales.painNrs,
      });
    } else if (entry.kind === 'observation') {
      rows.push({
        ...base,
        source: 'Check',
        vitals: entry.content.vitals,
        sedation: entry.content.sedation,
        painNrs: entry.content.painNrs,
      });
    } else if (entry.kind === 'discharge') {
      rows.push({ ...base, source: 'Discharge', vitals: entry.content.vitals, sedation: null, painNrs: null });
    }
  }
  return rows.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.entryId - b.entryId);
}
