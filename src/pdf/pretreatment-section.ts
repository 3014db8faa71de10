import type { ExamPretreatment } from '../domain/pretreatment-results';
import { resultLabel } from '../domain/pretreatment-results';
import { pretreatmentValueText, resultSourceText, takenOnText } from '../domain/pretreatment-text';
import type { DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { styles } from './summary-theme';

/**
 * The exam's pre-treatment results, each with its date, source and who entered it, and the
 * physician's reason for signing without a required one. Nothing for an exam without results
 * (every exam signed before results were recorded).
 */
export function writePretreatmentSection(flow: DocumentFlow, pretreatment: ExamPretreatment | undefined): void {
  if (pretreatment === undefined) return;
  const { results, acknowledgement } = pretreatment;
  if (results.length === 0 && acknowledgement === undefined) return;
  flow.subheading('Pre-treatment results');
  if (results.length > 0) {
    flow.table(
      [
        { header: 'Result', share: 1.3 },
        { header: 'Taken on', share: 1.25 },
        { header: 'Value', share: 3.15 },
        { header: 'Source', share: 1.6 },
        { header: 'Entered by', share: 1.4 },
      ],
      results.map((result) => [
        [text(resultLabel(result.value), styles.bodyBold)],
        [text(takenOnText(result))],
        [text(pretreatmentValueText(result.value)), text(result.note.trim() === '' ? '' : ` — ${result.note.trim()}`)],
        [text(resultSourceText(result))],
        [text(result.recordedBy?.printedName ?? 'Not known')],
      ]),
    );
  } else {
    flow.paragraph([text('No results recorded')]);
  }
  if (acknowledgement === undefined) return;
  for (const problem of acknowledgement.problems) {
    flow.paragraph([text('Required by the clinic: ', styles.alertLabel), text(problem, styles.alert)], {
      gapAfterPt: 1,
    });
  }
  flow.paragraph(
    [text('Reason given by the physician for signing: ', styles.label), text(acknowledgement.reason, styles.bodyBold)],
    { indentPt: 12, gapAfterPt: 5 },
  );
}
