import type { ExamContent } from '../domain/exam';
import { candidacyLabels, historyItemNames, historyItems, psychiatricItems } from '../domain/exam';
import { formatQuantity } from '../domain/quantity';
import type { ExamComputed } from '../domain/record-view';
import { scaleDefinitions } from '../domain/scales';
import { formatDate } from '../domain/time';
import { formatWeight } from '../domain/weight';
import type { Cell, DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { answerWords, orNone } from './summary-wording';
import { styles } from './summary-theme';
import { writePretreatmentSection } from './pretreatment-section';
import { writePriorTreatments, writeSuicideRisk } from './risk-and-history-section';
import { writeWeightCheck } from './weight-check-section';

const notKnown = 'Not known';

function vitalsLine(exam: ExamContent): string {
  const { vitals } = exam;
  const part = (label: string, value: number | string | null, unit: string) =>
    `${label} ${value === null ? notKnown : formatQuantity(value, unit)}`;
  const pressure =
    vitals.systolicMmHg === null || vitals.diastolicMmHg === null
      ? `Blood pressure ${notKnown}`
      : `Blood pressure ${vitals.systolicMmHg}/${vitals.diastolicMmHg} mmHg`;
  return [
    pressure,
    part('Heart rate', vitals.heartRateBpm, 'beats/min'),
    part('SpO2', vitals.spo2Percent, '%'),
    part('Respiratory rate', vitals.respiratoryRatePerMin, 'breaths/min'),
    part('Temperature', vitals.temperatureC, '°C'),
  ].join('  ·  ');
}

function scalesLine(exam: ExamContent, computed: ExamComputed | null): string {
  const totals = computed?.scaleTotals ?? { phq9: null, gad7: null, pcl5: null };
  const scale = (id: 'phq9' | 'gad7' | 'pcl5') => {
    const { name, items, maxItemScore } = scaleDefinitions[id];
    if (exam.scales[id] === null) return `${name} not recorded`;
    const total = totals[id];
    return total === null ? `${name} incomplete` : `${name} ${total} of ${items * maxItemScore}`;
  };
  const pain = exam.scales.painNrs === null ? 'Pain (NRS) not recorded' : `Pain (NRS) ${exam.scales.painNrs} of 10`;
  return [scale('phq9'), scale('gad7'), scale('pcl5'), pain].join('  ·  ');
}

/** The exam: indication, history review, screening, vitals, weight, scales, findings, candidacy. */
export function writeExamSection(
  flow: DocumentFlow,
  title: string,
  caption: string | null,
  exam: ExamContent,
  computed: ExamComputed | null,
): void {
  flow.heading(title);
  if (caption !== null) flow.paragraph([text(caption, styles.small)]);
  const indication = exam.indication.text.trim() === '' ? notKnown : exam.indication.text.trim();
  flow.fields([
    {
      label: 'Exam date',
      value: [text(exam.examDate === null ? notKnown : formatDate(exam.examDate), styles.bodyBold)],
    },
    {
      label: 'Indication',
      value: [
        text(indication, styles.bodyBold),
        text(exam.indication.icd10 === '' ? ' (no ICD-10 code)' : ` (ICD-10 ${exam.indication.icd10})`),
      ],
    },
    {
      label: 'Candidacy',
      value: [
        text(exam.candidacy.decision === null ? notKnown : candidacyLabels[exam.candidacy.decision], styles.bodyBold),
        text(exam.candidacy.rationale.trim() === '' ? '' : ` — ${exam.candidacy.rationale.trim()}`),
      ],
    },
    { label: 'Baseline vital signs', value: [text(vitalsLine(exam))] },
    {
      label: 'Weight',
      value:
        exam.weight === null
          ? [text(notKnown)]
          : [
              text(formatWeight(exam.weight), styles.bodyBold),
              text(
                ` — ${exam.weight.source === 'measured' ? 'measured' : 'stated by the patient'} on ${formatDate(exam.weight.measuredOn)}`,
              ),
            ],
    },
    { label: 'Height', value: [text(exam.heightCm === null ? notKnown : formatQuantity(exam.heightCm, 'cm'))] },
    { label: 'Scales (totals)', value: [text(scalesLine(exam, computed))] },
  ]);
  writeWeightCheck(flow, computed?.weightCheck, exam.weightAcknowledgement);

  flow.subheading('History review');
  const rows: Cell[][] = [];
  const ordered = [...psychiatricItems, ...historyItemNames.filter((name) => !psychiatricItems.includes(name))];
  for (let index = 0; index < ordered.length; index += 2) {
    const left = ordered[index];
    const right = ordered[index + 1];
    const cells = (name: (typeof ordered)[number] | undefined): Cell[] =>
      name === undefined
        ? [[text('')], [text('')]]
        : [
            [text(historyItems[name])],
            [
              text(
                answerWords(exam.history.answers[name]),
                exam.history.answers[name] === 'yes' ? styles.alert : styles.bodyBold,
              ),
            ],
          ];
    rows.push([...cells(left), ...cells(right)]);
  }
  flow.table(
    [
      { header: 'Question', share: 3 },
      { header: 'Answer', share: 1 },
      { header: 'Question', share: 3 },
      { header: 'Answer', share: 1 },
    ],
    rows,
  );
  flow.fields([
    { label: 'Current medications', value: [text(orNone(exam.history.currentMedications))] },
    { label: 'Allergies reviewed', value: [text(exam.history.allergiesReviewed ? 'Yes' : 'No', styles.bodyBold)] },
    { label: 'Prior ketamine or anaesthesia reactions', value: [text(orNone(exam.history.priorReactions))] },
    { label: 'History notes', value: [text(orNone(exam.history.notes))] },
  ]);

  writePriorTreatments(flow, exam);

  if (exam.screening.length > 0) {
    flow.subheading('Contraindication screening');
    flow.table(
      [
        { header: 'Question (as the clinic worded it)', share: 3.2 },
        { header: 'Answer', share: 0.8 },
        { header: 'Note', share: 3 },
      ],
      exam.screening.map((item) => [
        [text(item.label)],
        [text(answerWords(item.answer), item.answer === 'yes' ? styles.alert : styles.bodyBold)],
        [text(item.note.trim() === '' ? '' : item.note.trim())],
      ]),
    );
  }

  writePretreatmentSection(flow, exam.pretreatment);

  writeSuicideRisk(flow, exam);

  flow.subheading('Findings');
  flow.paragraph([text(orNone(exam.findings))]);
}
