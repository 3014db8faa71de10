import { useId } from 'react';
import type { CourseGoal } from '../../../domain/course-goal';
import { courseGoalLines } from '../../../domain/course-goal';

/** The series' goal and its response definitions as the plan recorded them (absent in older plans). */
export function CourseGoalView({ goal }: { goal: CourseGoal | undefined }) {
  const uid = useId();
  const lines = courseGoalLines(goal);
  return (
    <section className="card" aria-labelledby={`${uid}-goal`}>
      <h2 id={`${uid}-goal`}>Goal of the series</h2>
      {lines.goal === null ? (
        <p className="value-unknown">No goal recorded</p>
      ) : (
        <p className="narrative" dir="auto">
          {lines.goal}
        </p>
      )}
      <h3 className="form-subsection-title">How response will be judged</h3>
      {lines.definitions.length === 0 ? (
        <p className="value-unknown">No response definitions chosen</p>
      ) : (
        <ul>
          {lines.definitions.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
