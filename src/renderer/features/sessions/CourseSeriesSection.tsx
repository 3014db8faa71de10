import { doseSumText } from '../../../domain/cumulative-dose';
import { courseGoalLines } from '../../../domain/course-goal';
import { definitionText } from '../../../domain/response-definitions';
import { Facts } from '../../components/Facts';
import type { CoursePoint } from './course-points';
import type { CourseSeries } from './course-series';
import { CourseResponseTable } from './CourseResponseTable';

/** A series as the guidelines ask it documented: its goal, how response is judged, and the figures. */
export function CourseSeriesSection({
  series,
  label,
  dayOf,
}: {
  series: CourseSeries;
  label: (point: CoursePoint) => string;
  /** "16-Nov-2026": an instant as a day in the clinic's zone. */
  dayOf: (instantIso: string) => string;
}) {
  const id = `course-series-${series.planRecordId}`;
  const goal = courseGoalLines(series.goal);
  const signedAt = series.plan?.signedAt ?? null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>
        Series {series.number}
        {signedAt === null ? '' : `: plan signed ${dayOf(signedAt)}`}
      </h2>
      <Facts
        facts={[
          {
            label: 'Goal of the series',
            value: goal.goal ?? <span className="value-unknown">No goal recorded on the plan</span>,
            autoDirection: true,
          },
          {
            label: 'Drug given in this series',
            value: doseSumText(series.dose.mg, series.dose.counted, series.dose.uncounted),
          },
        ]}
      />
      <h3 className="form-subsection-title">How response is judged</h3>
      {series.definitions.length === 0 ? (
        <p className="value-unknown">
          {series.definitionsFrom === 'plan'
            ? 'The plan chose no response definitions.'
            : 'No response definitions: your clinic has configured none.'}
        </p>
      ) : (
        <>
          <p className="hint">
            {series.definitionsFrom === 'plan'
              ? 'As worded in the plan when it was saved.'
              : 'The plan recorded none: your clinic’s definitions in force now.'}
          </p>
          <ul>
            {series.definitions.map((definition) => (
              <li key={definition.id}>{definitionText(definition)}</li>
            ))}
          </ul>
        </>
      )}
      {series.scales.length === 0 ? (
        <p className="value-unknown">No scale recorded at the exam or at any session of this series.</p>
      ) : (
        series.scales.map((course) => (
          <CourseResponseTable key={course.scale} course={course} points={series.points} label={label} />
        ))
      )}
    </section>
  );
}
