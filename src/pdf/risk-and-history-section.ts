import type { ExamContent } from '../domain/exam';
import {
  priorTreatmentKindLabels,
  priorTreatmentOutcomeText,
  priorTreatmentPeriodText,
} from '../domain/prior-treatments';
import { suicideRiskFlags } from '../domain/suicide-risk';
import type { DocumentFlow } from './document-flow';
import { linesHeight, text } from './document-flow';
import { answerWords, orNone } from './summary-wording';
import { colors, styles } from './summary-theme';

const padPt = 6;

/**
 * Prior treatments as a table: what, dose or details, when, outcome. Nothing for an exam
 * written before the list existed, or with none recorded (the history notes still print).
 */
export function writePriorTreatments(flow: DocumentFlow, exam: ExamContent): void {
  const treatments = exam.priorTreatments ?? [];
  if (treatments.length === 0) return;
  flow.subheading('Prior treatments');
  flow.table(
    [
      { header: 'Treatment', share: 2.2 },
      { header: 'Dose or details', share: 2 },
      { header: 'From–to', share: 1.6 },
      { header: 'Outcome', share: 1.8 },
      { header: 'Note', share: 2 },
    ],
    treatments.map((treatment) => [
      [
        text(treatment.name.trim() === '' ? 'Not named' : treatment.name.trim(), styles.bodyBold),
        text(` (${priorTreatmentKindLabels[treatment.kind]})`, styles.small),
      ],
      [text(treatment.details.trim())],
      [text(priorTreatmentPeriodText(treatment))],
      [text(priorTreatmentOutcomeText(treatment))],
      [text(treatment.note.trim())],
    ]),
  );
}

/**
 * The suicide risk as flagged at signing, in a framed block so it is not missed on paper:
 * the reasons in words (not colour alone) and what the physician wrote was done. Then the
 * risk screen's answers. Nothing for an exam with no screen and no flag.
 */
export function writeSuicideRisk(flow: DocumentFlow, exam: ExamContent): void {
  const flags = suicideRiskFlags(exam);
  const screen = exam.riskScreen ?? [];
  if (flags.length === 0 && screen.length === 0) return;
  flow.subheading('Suicide risk');
  if (flags.length > 0) {
    const inner = flow.width - 2 * padPt;
    const blocks = [
      [text('SUICIDE RISK FLAGGED: ', styles.alertLabel), text(flags.join('; '), styles.alert)],
      [
        text('What was done (in the physician’s words): ', styles.label),
        text(orNone(exam.riskAcknowledgement?.actionTaken ?? '', 'Not recorded'), styles.bodyBold),
      ],
    ].map((spans) => flow.engine.lines(spans, inner));
    const height = blocks.reduce((sum, lines) => sum + linesHeight(lines) + 3, 0) + 2 * padPt - 3;
    flow.ensure(height);
    const top = flow.y;
    flow.doc.rect(flow.frame.left, top, flow.width, height).fillColor(colors.alertBackground).fill();
    flow.doc.rect(flow.frame.left, top, flow.width, height).lineWidth(1.2).strokeColor(colors.alert).stroke();
    let y = top + padPt;
    for (const lines of blocks) y += flow.drawLines(lines, flow.frame.left + padPt, y) + 3;
    flow.y = top + height;
    flow.gap(5);
  }
  if (screen.length > 0) {
    flow.table(
      [
        { header: 'Risk screen question (as the clinic worded it)', share: 5 },
        { header: 'Answer', share: 1 },
      ],
      screen.map((item) => [
        [text(item.label)],
        [text(answerWords(item.answer), item.answer === 'yes' ? styles.alert : styles.bodyBold)],
      ]),
    );
  }
}
