import type { Observation } from './infusion-session';
import { infusionFinishedAt, isRecoveryCheck } from './recovery-checks';
import { effectiveEntries } from './session-state';
import type { SessionEntryView } from './session-view';
import type { Vitals } from './vitals';

export interface VitalsRow {
  entryId: number;
  occurredAt: string;
  /** A check after the infusion stopped is a recovery check (issue 22), labelled so everywhere. */
  source: 'Baseline' | 'Check' | 'Recovery check' | 'Discharge';
  vitals: Vitals;
  sedation: number | null;
  cadss6: (number | null)[] | null;
  painNrs: number | null;
  nausea: Observation['nausea'];
}

/** Every standing measurement of the session, baseline to discharge, in the order taken. */
export function vitalsRows(entries: readonly SessionEntryView[]): VitalsRow[] {
  const rows: VitalsRow[] = [];
  const finishedAt = infusionFinishedAt(entries);
  for (const entry of effectiveEntries(entries)) {
    const base = { entryId: entry.id, occurredAt: entry.occurredAt };
    if (entry.kind === 'checklist') {
      rows.push({
        ...base,
        source: 'Baseline',
        vitals: entry.content.vitals,
        sedation: null,
        cadss6: null,
        painNrs: entry.content.scales.painNrs,
        nausea: null,
      });
    } else if (entry.kind === 'observation') {
      rows.push({
        ...base,
        source: isRecoveryCheck(entry, finishedAt) ? 'Recovery check' : 'Check',
        vitals: entry.content.vitals,
        sedation: entry.content.sedation,
        cadss6: entry.content.cadss6,
        painNrs: entry.content.painNrs,
        nausea: entry.content.nausea,
      });
    } else if (entry.kind === 'discharge') {
      const unmeasured = { sedation: null, cadss6: null, painNrs: null, nausea: null };
      rows.push({ ...base, source: 'Discharge', vitals: entry.content.vitals, ...unmeasured });
    }
  }
  return rows.sort((a, b) => a.occurredAt.localeCompare(b.occurredAt) || a.entryId - b.entryId);
}
