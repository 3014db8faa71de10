import type { CourseGoal } from '../domain/course-goal';
import { courseGoalLines } from '../domain/course-goal';
import type { DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { styles } from './summary-theme';

/**
 * The series' goal and the response definitions as the plan keeps them. Printed only when the
 * plan records a goal: plans signed before goals existed print as they always did.
 */
export function writeCourseGoal(flow: DocumentFlow, goal: CourseGoal | undefined): void {
  if (goal === undefined) return;
  const lines = courseGoalLines(goal);
  flow.subheading('Goal of the series');
  flow.fields([
    {
      label: 'Goal',
      value: [text(lines.goal ?? 'None recorded', lines.goal === null ? styles.body : styles.bodyBold)],
    },
    {
      label: 'Response judged by',
      value: [text(lines.definitions.length === 0 ? 'No response definitions chosen' : lines.definitions.join('\n'))],
    },
  ]);
}
