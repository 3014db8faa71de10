import type { ReviewComputed, ReviewContent, ReviewScale } from './course-review';
import { reviewDecisionLabels, reviewOutcomeLabels } from './course-review';
import { quantityText } from './quantity-text';

/**
 * The review's figures and decision in one wording wherever they are shown (the review screen,
 * its signed PDF, the FHIR summary): figures as recorded, never a judgement on them.
 */
export function sessionsText(computed: ReviewComputed): string {
  const planned = computed.plan.plannedInfusions;
  const of = planned === null ? '' : ` of ${planned} planned`;
  return `${computed.sessionsCharted} charted${of}, ${computed.sessionsCompleted} completed (infusion end charted)`;
}

export function seriesMgText(computed: ReviewComputed): string {
  const missing =
    computed.sessionsWithoutDose === 0
      ? ''
      : `; ${computed.sessionsWithoutDose} session${computed.sessionsWithoutDose === 1 ? '' : 's'} without a volume infused not counted`;
  return `${quantityText(computed.seriesMg, 'mg')} (the sum of each session’s infused dose${missing})`;
}

export function patientTotalMgText(computed: ReviewComputed): string {
  return `${quantityText(computed.patientTotalMg, 'mg')} (all the patient’s sessions, every plan)`;
}

function value(scale: ReviewScale, of: number | null): string {
  return of === null ? 'Not recorded' : `${of}`;
}

/** "PHQ-9: baseline 8 (exam), latest 4 (session 3)". */
export function scaleText(scale: ReviewScale): string {
  const latest =
    scale.latestSeriesNumber === null
      ? value(scale, scale.latest)
      : `${value(scale, scale.latest)} (session ${scale.latestSeriesNumber})`;
  return `baseline ${value(scale, scale.baseline)} (exam), latest ${latest}`;
}

export function outcomeText(content: ReviewContent): string {
  return content.outcome === null ? 'Not known' : reviewOutcomeLabels[content.outcome];
}

/** "Maintenance, every 28 days". */
export function decisionText(content: ReviewContent): string {
  if (content.decision === null) return 'Not known';
  const label = reviewDecisionLabels[content.decision];
  if (content.decision !== 'maintenance') return label;
  const days = content.maintenanceIntervalDays;
  return days === null ? `${label}, interval not known` : `${label}, every ${days} day${days === 1 ? '' : 's'}`;
}

export function planText(computed: ReviewComputed): string {
  const drug = computed.plan.drugName === '' ? 'Infusion plan' : `${computed.plan.drugName} infusion plan`;
  return `${drug}, record ${computed.plan.recordId} version ${computed.plan.version}`;
}
