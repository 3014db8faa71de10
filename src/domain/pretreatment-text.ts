import type { PretreatmentResult, PretreatmentValue } from './pretreatment-results';
import { drugClassIds, drugClasses, ecgInterpretationLabels } from './pretreatment-results';
import { formatQuantity } from './quantity';
import { stopBangQuestionIds, stopBangQuestions, stopBangScore } from './stop-bang';
import { formatDate } from './time';

/** A result's value in words, as the exam view, the PDF and a FHIR text fallback show it. */

const notKnown = 'Not known';
const quantity = (label: string, value: string | null, unit: string) =>
  `${label} ${value === null ? notKnown : formatQuantity(value, unit)}`;

const pregnancyWords = { negative: 'Negative', positive: 'Positive', 'not-applicable': 'Not applicable' } as const;

export function drugScreenText(classes: Extract<PretreatmentValue, { kind: 'urine-drug-screen' }>['classes']): string {
  const tested = drugClassIds.filter((id) => classes[id] !== 'not-tested');
  if (tested.length === 0) return 'No drug class tested';
  const positive = tested.filter((id) => classes[id] === 'positive').map((id) => drugClasses[id]);
  const negative = tested.filter((id) => classes[id] === 'negative').map((id) => drugClasses[id]);
  return [
    positive.length === 0 ? '' : `Positive: ${positive.join(', ')}`,
    negative.length === 0 ? '' : `Negative: ${negative.join(', ')}`,
  ]
    .filter((part) => part !== '')
    .join('. ');
}

export function stopBangText(answers: Extract<PretreatmentValue, { kind: 'stop-bang' }>['answers']): string {
  const score = stopBangScore(answers);
  if (score === null) return 'Incomplete';
  const yes = stopBangQuestionIds.filter((id) => answers[id] === 'yes').map((id) => stopBangQuestions[id]);
  return `Score ${score} of 8${yes.length === 0 ? '' : ` (yes: ${yes.join('; ')})`}`;
}

export function pretreatmentValueText(value: PretreatmentValue): string {
  switch (value.kind) {
    case 'ecg':
      return [
        `Rhythm ${value.rhythm.trim() === '' ? notKnown : value.rhythm.trim()}`,
        `Rate ${value.rateBpm === null ? notKnown : `${value.rateBpm} beats/min`}`,
        `QTc ${value.qtcMs === null ? notKnown : `${value.qtcMs} ms`}`,
        value.interpretation === null ? `Interpretation ${notKnown}` : ecgInterpretationLabels[value.interpretation],
        value.text.trim(),
      ]
        .filter((part) => part !== '')
        .join(' · ');
    case 'liver':
      return [
        quantity('ALT', value.altUPerL, 'U/L'),
        quantity('AST', value.astUPerL, 'U/L'),
        quantity('Bilirubin', value.bilirubinMgPerDl, 'mg/dL'),
      ].join(' · ');
    case 'kidney':
      return [
        quantity('Creatinine', value.creatinineMgPerDl, 'mg/dL'),
        quantity('eGFR', value.egfrMlMin173m2, 'mL/min/1.73 m²'),
      ].join(' · ');
    case 'pregnancy':
      return `${value.result === null ? notKnown : pregnancyWords[value.result]}${value.method === null ? '' : ` (${value.method})`}`;
    case 'urine-drug-screen':
      return drugScreenText(value.classes);
    case 'stop-bang':
      return stopBangText(value.answers);
    case 'clinic-item':
      return value.result.trim() === '' ? notKnown : value.result.trim();
  }
}

export function resultSourceText(result: Pick<PretreatmentResult, 'source'>): string {
  return result.source.type === 'in-house' ? 'In-house' : `Outside: ${result.source.reference}`;
}

export function takenOnText(result: Pick<PretreatmentResult, 'takenOn'>): string {
  return result.takenOn === null ? notKnown : formatDate(result.takenOn);
}
