import type { JsonValue } from '../domain/canonical-json';
import type { ExamContent } from '../domain/exam';
import { riskScreenAnswersFrom } from '../domain/suicide-risk';
import { currentSessionConfiguration } from '../db/session-configuration-repo';
import type { ServiceContext } from './context';
import { ServiceError } from './service-error';

/**
 * A new exam asks the risk screen the clinic configures now, its questions worded as they are
 * today (the exam keeps them so, like the screening checklist). No screen configured: the
 * exam has no `riskScreen` at all, as exams written before the screen existed.
 */
export function withConfiguredRiskScreen(context: ServiceContext, exam: ExamContent): JsonValue {
  const answers = riskScreenAnswersFrom(currentSessionConfiguration(context.ledger.db).content.riskScreen);
  return answers.length === 0 ? exam : { ...exam, riskScreen: answers };
}

/**
 * A draft keeps the risk screen's questions as the exam asked them: only the answers change.
 * The exam screens always send them back; a save that drops or rewords one (outside the app)
 * is refused, so no exam can be signed without the questions the clinic asked.
 */
export function assertRiskScreenKept(before: object, after: ExamContent): void {
  const asked = (before as Partial<ExamContent>).riskScreen ?? [];
  const kept = after.riskScreen ?? [];
  const questions = (answers: typeof asked) => JSON.stringify(answers.map(({ itemId, label }) => [itemId, label]));
  if (questions(asked) !== questions(kept)) {
    throw new ServiceError(
      'INVALID_INPUT',
      'The exam keeps the risk screen’s questions as they were asked: answer them, but do not remove or reword them.',
      [{ path: 'riskScreen', message: 'Answer the risk screen’s questions as they were asked' }],
    );
  }
}
