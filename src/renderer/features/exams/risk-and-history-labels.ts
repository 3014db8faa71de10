/**
 * Labels for the version history of the paths of prior treatments and the suicide risk
 * ("priorTreatments.0.outcome" → "Prior treatment 1: Outcome"); null for any other path.
 */
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
