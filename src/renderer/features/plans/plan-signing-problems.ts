import type { FieldIssue } from '../../../contract/errors';
import type { PlanContent } from '../../../domain/plan';
import { evaluatePlan } from '../../../domain/plan';
import { newlyEnteredWeight, weightAcknowledgementProblems } from '../../../domain/weight-acknowledgement';
import type { PlanContext } from './plan-form-content';
import { planWeightFindings } from './plan-form-content';

/**
 * What signing still needs, each attached to the field that fixes it: a hard finding on the
 * total dose belongs to the dose, one on the rate per kg to the duration, an old weight to
 * the choice of weight.
 */
export function planSigningProblems(content: PlanContent, context: PlanContext): FieldIssue[] {
  const fromExam = content.weight?.from === 'exam';
  const fieldOf = (path: string): string => {
    switch (path) {
      case 'totalMg':
        return content.doseBasis === 'fixed' ? 'doseMg' : 'doseMgPerKg';
      case 'rateMgPerKgPerH':
        return 'durationMin';
      case 'weightAge':
        return 'weightFrom';
      case 'weight.measuredOn':
        return fromExam ? 'weightFrom' : path;
      default:
        return path;
    }
  };
  const weightProblems = weightAcknowledgementProblems(
    planWeightFindings(content, context),
    newlyEnteredWeight(content),
    content.weightAcknowledgement,
  );
  return [
    ...evaluatePlan(content, context.drugs, context.today).signingProblems.map((problem) => ({
      path: fieldOf(problem.path),
      message: problem.message,
    })),
    ...weightProblems,
  ];
}
