import type { JsonValue } from '../domain/canonical-json';
import type { ExamContent } from '../domain/exam';
import { riskScreenAnswersFrom } from '../domain/suicide-risk';
import { currentSessionConfiguration } from '../db/session-configuration-repo';
import type { ServiceContext } from './context';

/**
 * A new exam asks the risk screen the clinic configures now, its questions worded as they are
 * today (the exam keeps them so, like the screening checklist). No screen configured: the
 * exam has no `riskScreen` at all, as exams written before the screen existed.
 */
export function withConfiguredRiskScreen(context: ServiceContext, exam: ExamContent): JsonValue {
  const answers = riskScreenAnswersFrom(currentSessionConfiguration(context.ledger.db).content.riskScreen);
  return answers.length === 0 ? exam : { ...exam, riskScreen: answers };
}
