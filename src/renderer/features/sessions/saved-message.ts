import type { SessionView } from '../../../domain/session-view';
import { entryTitle } from '../../../domain/session-entry-text';
import type { Panel } from './panel';

/** What the screen says after a save: "Charted: Check at 14:20." */
export function savedMessage(panel: Panel, view: SessionView, time: (instantIso: string) => string): string {
  if (panel.kind === 'sign') return panel.meaning === 'performed' ? 'Signed as performed.' : 'Co-signed as reviewed.';
  const newest = view.entries.reduce<(typeof view.entries)[number] | null>(
    (latest, entry) => (latest === null || entry.id > latest.id ? entry : latest),
    null,
  );
  if (newest === null) return 'Saved.';
  const what = panel.kind === 'correct' ? 'Correction charted' : 'Charted';
  return `${what}: ${entryTitle(newest)} at ${time(newest.occurredAt)}.`;
}
