import type { ExamContent } from '../domain/exam';
import { noLimits } from '../domain/limits';
import { evaluatePlan } from '../domain/plan';
import type { PlanContent } from '../domain/plan';
import type { ExamComputed, PlanComputed, WeightCheckComputed } from '../domain/record-view';
import { scaleTotal } from '../domain/scales';
import { localDate } from '../domain/time';
import { weightKg } from '../domain/weight';
import { currentFormulary } from '../db/formulary-repo';
import { currentSessionConfiguration } from '../db/session-configuration-repo';
import type { ServiceContext } from './context';
import { requireClinic } from './context';

export function examComputed(content: ExamContent, weightCheck: WeightCheckComputed): ExamComputed {
  return {
    weightCheck,
    scaleTotals: {
      phq9: scaleTotal(content.scales.phq9),
      gad7: scaleTotal(content.scales.gad7),
      pcl5: scaleTotal(content.scales.pcl5),
    },
    weightKg: content.weight === null ? null : weightKg(content.weight).toString(),
  };
}

export function planComputed(
  context: ServiceContext,
  content: PlanContent,
  weightCheck: WeightCheckComputed,
): { computed: PlanComputed; problems: { path: string; message: string }[]; formularyVersion: number } {
  const formulary = currentFormulary(context.ledger.db);
  const today = localDate(context.now, requireClinic(context).timeZone);
  // With response definitions configured, the series' goal is asked for before signing.
  const { responseDefinitions } = currentSessionConfiguration(context.ledger.db).content;
  const evaluation = evaluatePlan(
    content,
    formulary.content.drugs,
    today,
    formulary.content.pumps,
    responseDefinitions,
  );
  const computed: PlanComputed = {
    evaluatedOn: today,
    drugName: evaluation.drug?.name ?? '',
    derived: evaluation.derivation?.rounded ?? {},
    lines: evaluation.derivation?.lines ?? [],
    findings: evaluation.findings,
    limits: evaluation.drug?.limits ?? noLimits,
    noLimitsConfigured: evaluation.noLimitsConfigured,
    weightAgeDays: evaluation.weightAgeDays,
    weightKg: content.weight === null ? null : weightKg(content.weight).toString(),
    weightCheck,
    ...(evaluation.derivation?.delivery == null
      ? {}
      : { delivery: { text: evaluation.derivation.delivery.text, differs: evaluation.derivation.delivery.differs } }),
  };
  return { computed, problems: evaluation.signingProblems, formularyVersion: formulary.version };
}
