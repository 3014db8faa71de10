import type { ScaleCourse } from '../../../domain/course-response';
import { baselineText, percentRoundingRule } from '../../../domain/course-response';
import { responseScales } from '../../../domain/response-definitions';
import type { CoursePoint } from './course-points';

/**
 * One scale across a series: the baseline, each session's value, its change from baseline and
 * which of the chosen definitions the value meets, in words. Arithmetic on the record only.
 */
export function CourseResponseTable({
  course,
  points,
  label,
}: {
  course: ScaleCourse;
  points: readonly CoursePoint[];
  label: (point: CoursePoint) => string;
}) {
  const { name, max } = responseScales[course.scale];
  return (
    <div className="table-wrap">
      <table className="table course-response-table">
        <caption className="session-table-caption">
          {name} (0–{max}): {baselineText(course.baseline)}
        </caption>
        <thead>
          <tr>
            <th scope="col">Infusion</th>
            <th scope="col" className="cell-number">
              {name}
            </th>
            <th scope="col">Change from baseline</th>
            <th scope="col">Definitions</th>
          </tr>
        </thead>
        <tbody>
          {course.rows.map((row) => {
            const point = points.find((candidate) => candidate.sessionId === row.sessionId);
            return (
              <tr key={row.sessionId}>
                <th scope="row">{point === undefined ? 'Infusion' : label(point)}</th>
                <td className="cell-number">
                  {row.value === null ? <span className="value-unknown">Not done</span> : row.value}
                </td>
                <td>{row.change === null ? <span className="value-unknown">Not known</span> : row.change.text}</td>
                <td>
                  {row.definitions.length === 0 ? (
                    <span className="value-unknown">None to judge</span>
                  ) : (
                    <ul>
                      {row.definitions.map((result) => (
                        <li key={result.definition.id}>{result.text}</li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="hint">Change in points, and in {percentRoundingRule}; ≈ marks a rounded per cent.</p>
    </div>
  );
}
