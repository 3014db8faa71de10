import { instructionParagraphs } from '../domain/discharge-instructions';
import { effectiveEntries } from '../domain/session-state';
import { supervisionTimeline } from '../domain/session-supervision';
import type { SessionEntryView } from '../domain/session-view';
import { supervisionText } from '../domain/supervision-text';
import type { DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { styles } from './summary-theme';

/**
 * Who supervised the infusion, from when to when (the physician named at the start, then each
 * handover). Not printed for a session started before supervision was recorded.
 */
export function writeSupervisionSection(
  flow: DocumentFlow,
  entries: readonly SessionEntryView[],
  clock: (instantIso: string) => string,
): void {
  const periods = supervisionTimeline(entries);
  if (periods.length === 0) return;
  flow.heading('Supervision');
  flow.fields(
    periods.map((period, index) => ({
      label: index === 0 ? 'Supervised by' : '',
      value: [
        text(supervisionText(period), styles.bodyBold),
        text(
          ` from ${clock(period.fromAt)}${period.untilAt === null ? '' : ` until ${clock(period.untilAt)}`}${period.note === '' ? '' : `: ${period.note}`}`,
        ),
      ],
    })),
  );
}

/** The clinic's written instructions as given at the discharge, in full, with who gave them and when. */
export function writeDischargeInstructionsSection(
  flow: DocumentFlow,
  entries: readonly SessionEntryView[],
  clock: (instantIso: string) => string,
): void {
  const discharge = effectiveEntries(entries).find(
    (entry): entry is Extract<SessionEntryView, { kind: 'discharge' }> => entry.kind === 'discharge',
  );
  const instructions = discharge?.content.instructions;
  if (instructions === undefined) return;
  flow.subheading('Written discharge instructions, as given');
  const label = instructions.versionLabel === '' ? '' : ` (${instructions.versionLabel})`;
  flow.paragraph(
    [
      text(`Given by ${instructions.givenBy}, ${clock(instructions.givenAt)}`, styles.bodyBold),
      text(
        ` · the clinic’s written instructions, session settings version ${instructions.configurationVersion}${label}`,
      ),
    ],
    { gapAfterPt: 3 },
  );
  for (const paragraph of instructionParagraphs(instructions.text)) flow.paragraph([text(paragraph)]);
}
