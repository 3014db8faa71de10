import type { CoursePoint } from './course-points';

function Cell({ value }: { value: number | null }) {
  return <td className="cell-number">{value === null ? <span className="value-unknown">Not done</span> : value}</td>;
}

/** The chart's values as a table, for screen readers and for anyone who wants the numbers. */
export function CourseTable({
  points,
  label,
}: {
  points: readonly CoursePoint[];
  label: (point: CoursePoint) => string;
}) {
  return (
    <div className="table-wrap">
      <table className="table course-table">
        <caption className="session-table-caption">Scale totals and pain at each infusion</caption>
        <thead>
          <tr>
            <th scope="col">Infusion</th>
            <th scope="col" className="cell-number">
              PHQ-9 (0–27)
            </th>
            <th scope="col" className="cell-number">
              GAD-7 (0–21)
            </th>
            <th scope="col" className="cell-number">
              PCL-5 (0–80)
            </th>
            <th scope="col" className="cell-number">
              Pain before (0–10)
            </th>
            <th scope="col" className="cell-number">
              Pain at last check (0–10)
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((point) => (
            <tr key={point.sessionId}>
              <th scope="row">{label(point)}</th>
              <Cell value={point.phq9} />
              <Cell value={point.gad7} />
              <Cell value={point.pcl5} />
              <Cell value={point.painBefore} />
              <Cell value={point.painLastCheck} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
