import { z } from 'zod';
import type { ResponseDefinition } from './response-definitions';
import { definitionsInForce, definitionText, responseDefinitionAsWordedSchema } from './response-definitions';

/**
 * The goal of a series, recorded by the physician when the series starts, and how response
 * will be judged: definitions chosen from the clinic's, copied as worded so that a later change
 * of the clinic's definitions does not alter a signed plan.
 */
export const courseGoalSchema = z
  .object({
    goal: z
      .string()
      .max(2000, 'Use at most 2000 characters')
      .transform((value) => value.normalize('NFC')),
    responseDefinitionIds: z.array(z.string().max(64)).max(20, 'Choose at most 20 definitions'),
    definitionsAsWorded: z.array(responseDefinitionAsWordedSchema).max(20),
  })
  .strict();
export type CourseGoal = z.infer<typeof courseGoalSchema>;

/**
 * What signing a plan still needs about its goal. Asked only once the clinic has configured
 * response definitions: with none, a plan without a goal is as complete as before.
 */
export function courseGoalProblems(
  goal: CourseGoal | undefined,
  definitions: readonly ResponseDefinition[] | undefined,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const inForce = definitionsInForce(definitions);
  if (inForce.length > 0 && (goal === undefined || goal.goal.trim() === '')) {
    problems.push({ path: 'courseGoal.goal', message: 'Record the goal of this series' });
  }
  for (const id of goal?.responseDefinitionIds ?? []) {
    if (!inForce.some((definition) => definition.id === id)) {
      problems.push({
        path: 'courseGoal.responseDefinitionIds',
        message: 'A chosen response definition is no longer in your clinic’s list: choose again',
      });
    } else if (!(goal?.definitionsAsWorded ?? []).some((worded) => worded.id === id)) {
      // The wording is what a signed plan keeps: without it the choice would read differently later.
      problems.push({ path: 'courseGoal.responseDefinitionIds', message: 'Save the plan again to keep the wording' });
    }
  }
  return problems;
}

/** The goal's lines as shown and printed: the goal, then each definition as worded when signed. */
export function courseGoalLines(goal: CourseGoal | undefined): { goal: string | null; definitions: string[] } {
  if (goal === undefined) return { goal: null, definitions: [] };
  return {
    goal: goal.goal.trim() === '' ? null : goal.goal,
    definitions: goal.definitionsAsWorded.map((definition) => definitionText(definition)),
  };
}
