import type { DrugClass } from '../../../domain/pretreatment-results';
import { drugClasses } from '../../../domain/pretreatment-results';
import type { StopBangQuestion } from '../../../domain/stop-bang';
import { stopBangQuestions } from '../../../domain/stop-bang';

/**
 * Labels for the version history of the paths of pre-treatment results, prior treatments and
 * the suicide risk ("priorTreatments.0.outcome" → "Prior treatment 1: Outcome"); null for any
 * other path.
 */
const resultFields: Readonly<Record<string, string>> = {
  takenOn: 'Date taken',
  source: 'Source',
  'source.type': 'Source',
  'source.reference': 'Outside report',
  note: 'Note',
  recordedBy: 'Entered by',
  'value.rhythm': 'Rhythm',
  'value.rateBpm': 'Heart rate (beats/min)',
  'value.qtcMs': 'QTc (ms)',
  'value.interpretation': 'Interpretation',
  'value.text': 'ECG notes',
  'value.altUPerL': 'ALT (U/L)',
  'value.astUPerL': 'AST (U/L)',
  'value.bilirubinMgPerDl': 'Bilirubin (mg/dL)',
  'value.creatinineMgPerDl': 'Creatinine (mg/dL)',
  'value.egfrMlMin173m2': 'eGFR (mL/min/1.73 m²)',
  'value.result': 'Result',
  'value.method': 'Method',
};

/** "value.classes.cocaine" → "Drug screen: Cocaine", "value.answers.snoring" → "STOP-BANG: Snoring loudly". */
function valueLabel(rest: string): string {
  const drug = /^value\.classes\.(\w+)$/.exec(rest)?.[1];
  if (drug !== undefined) return `Drug screen: ${drug in drugClasses ? drugClasses[drug as DrugClass] : drug}`;
  const question = /^value\.answers\.(\w+)$/.exec(rest)?.[1];
  if (question !== undefined) {
    return `STOP-BANG: ${question in stopBangQuestions ? stopBangQuestions[question as StopBangQuestion] : question}`;
  }
  return 'Value';
}

function pretreatmentFieldLabel(path: string): string | null {
  if (path === 'pretreatment' || path === 'pretreatment.results') return 'Pre-treatment results';
  if (path.startsWith('pretreatment.acknowledgement')) return 'Reason for signing without a required result';
  const result = /^pretreatment\.results\.(\d+)(?:\.(.+))?$/.exec(path);
  if (result?.[1] === undefined) return null;
  const rest = result[2];
  const field = rest === undefined ? undefined : (resultFields[rest] ?? valueLabel(rest));
  return `Pre-treatment result ${Number(result[1]) + 1}${field === undefined ? '' : `: ${field}`}`;
}

const priorTreatmentFields: Readonly<Record<string, string>> = {
  kind: 'Kind',
  name: 'Name',
  details: 'Dose or details',
  from: 'From',
  to: 'To',
  outcome: 'Outcome',
  adequateTrial: 'Adequate trial',
  note: 'Note',
};

export function riskAndHistoryFieldLabel(path: string): string | null {
  const result = pretreatmentFieldLabel(path);
  if (result !== null) return result;
  if (path === 'priorTreatments') return 'Prior treatments';
  const treatment = /^priorTreatments\.(\d+)(?:\.(\w+))?$/.exec(path);
  if (treatment?.[1] !== undefined) {
    const field = treatment[2] === undefined ? undefined : priorTreatmentFields[treatment[2]];
    return `Prior treatment ${Number(treatment[1]) + 1}${field === undefined ? '' : `: ${field}`}`;
  }
  if (path === 'riskScreen') return 'Risk screen';
  const question = /^riskScreen\.(\d+)(?:\.\w+)?$/.exec(path);
  if (question?.[1] !== undefined) return `Risk screen question ${Number(question[1]) + 1}`;
  if (path === 'riskAcknowledgement' || path === 'riskAcknowledgement.actionTaken') {
    return 'What was done about the suicide risk';
  }
  if (path === 'riskAcknowledgement.flaggedBy') return 'Suicide risk flagged';
  return null;
}
