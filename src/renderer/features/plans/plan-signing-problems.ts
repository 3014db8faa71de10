import type { FieldIssue } from '../../../contract/errors';
import type { PlanContent } from '../../../domain/plan';
import { evaluatePlan } from '../../../domain/plan';
import { newlyEnteredWeight, weightAcknowledgementProblems } from '../../../domain/weight-acknowledgement';
import type { PlanContext } from './plan-form-content';
import { planWeightFindings } from './plan-form-content';

/**
 * What signing still needs, each attached to the field that fixes it. A limit finding comes
 * from the domain already at the first field that produces its value, naming the others; a
 * weight taken from the exam is changed by the choice of weight, not by its own fields.
 * Hard limits come first: they are what completing the form cannot fix.
 */
export function planSigningProblems(content: PlanContent, context: PlanContext): FieldIssue[] {
  const fromExam = content.weight?.from === 'exam';
  const fieldOf = (path: string): string =>
    fromExam && (path === 'weight' || path === 'weight.measuredOn') ? 'weightFrom' : path;
  const weightProblems = weightAcknowledgementProblems(
    planWeightFindings(content, context),
    newlyEnteredWeight(content),
    content.weightAcknowledgement,
  );
  const evaluation = evaluatePlan(content, context.drugs, context.today, context.pumps, context.responseDefinitions);
  const hardMessages = evaluation.findings
    .filter((finding) => finding.level === 'hard')
    .map((finding) => finding.message);
  const isHard = (message: string) => hardMessages.some((hard) => message.startsWith(hard));
  const problems = evaluation.signingProblems.map((problem) => ({
    path: fieldOf(problem.path),
    message: problem.message,
  }));
  return [
    ...problems.filter((problem) => isHard(problem.message)),
    ...problems.filter((problem) => !isHard(problem.message)),
    ...weightProblems,
  ];
}
