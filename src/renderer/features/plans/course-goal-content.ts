import type { CourseGoal } from '../../../domain/course-goal';
import type { ResponseDefinition } from '../../../domain/response-definitions';
import { definitionsAsWorded } from '../../../domain/response-definitions';
import type { PlanFormValues } from './plan-form-values';

/**
 * The goal to save from what is typed, with each chosen definition copied as the clinic words
 * it now: the plan keeps that wording once signed. Nothing typed and nothing to choose from
 * leaves the plan without a goal, as plans were before.
 */
export function courseGoalContent(
  values: PlanFormValues['courseGoal'],
  definitions: readonly ResponseDefinition[] | undefined,
): { courseGoal?: CourseGoal } {
  if (values.goal.trim() === '' && values.definitionIds.length === 0) return {};
  return {
    courseGoal: {
      goal: values.goal,
      responseDefinitionIds: [...values.definitionIds],
      definitionsAsWorded: definitionsAsWorded(values.definitionIds, definitions),
    },
  };
}
