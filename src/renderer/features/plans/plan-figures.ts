import type { DrugLimits, LimitFinding } from '../../../domain/limits';
import type { PlanContent } from '../../../domain/plan';
import { evaluatePlan } from '../../../domain/plan';
import type { FormularyContent } from '../../../domain/formulary';
import type { PlanComputed } from '../../../domain/record-view';

/** What a read-only plan shows of the app's arithmetic and checks. */
export interface PlanFigures {
  drugName: string;
  lines: PlanComputed['lines'];
  findings: { check: string; level: LimitFinding['level']; message: string }[];
  limits: DrugLimits | null;
  /** What the programmed pump rate delivers against the signed dose; null in older plans. */
  delivery: { text: string; differs: boolean } | null;
  /** "as signed on 23-Nov-2026" or "as worked out now". */
  basis: 'signed' | 'now';
}

/** A signed version shows what was computed and hashed when it was signed, never a recomputation. */
export function figuresAsSigned(computed: PlanComputed): PlanFigures {
  return {
    drugName: computed.drugName,
    lines: computed.lines,
    findings: computed.findings,
    limits: computed.limits,
    delivery: computed.delivery ?? null,
    basis: 'signed',
  };
}

/** A draft shows the arithmetic on its entries as they stand. */
export function figuresNow(content: PlanContent, formulary: FormularyContent, today: string): PlanFigures {
  const evaluation = evaluatePlan(content, formulary.drugs, today, formulary.pumps);
  const delivery = evaluation.derivation?.delivery ?? null;
  return {
    drugName: evaluation.drug?.name ?? content.drugId ?? '',
    lines: evaluation.derivation?.lines ?? [],
    findings: evaluation.findings,
    limits: evaluation.drug?.limits ?? null,
    delivery: delivery === null ? null : { text: delivery.text, differs: delivery.differs },
    basis: 'now',
  };
}
