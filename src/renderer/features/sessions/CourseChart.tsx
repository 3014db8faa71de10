import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DotShape } from './ChartDot';
import { ChartDot } from './ChartDot';
import type { CoursePoint } from './course-points';
import { TwoLineTick } from './TwoLineTick';

interface Series {
  key: 'phq9' | 'gad7' | 'pcl5' | 'painBefore' | 'painLastCheck';
  name: string;
  color: string;
  dash: string | undefined;
  shape: DotShape;
  axis: 'totals' | 'pain';
}

/** Questionnaire totals on the left axis, pain (0–10) on the right; each line its own dash and marker. */
const series: readonly Series[] = [
  { key: 'phq9', name: 'PHQ-9 total (0–27)', color: '#0b4f8a', dash: undefined, shape: 'circle', axis: 'totals' },
  { key: 'gad7', name: 'GAD-7 total (0–21)', color: '#0f6b4f', dash: '8 4', shape: 'square', axis: 'totals' },
  { key: 'pcl5', name: 'PCL-5 total (0–80)', color: '#5b2a86', dash: '12 4 2 4', shape: 'triangle', axis: 'totals' },
  {
    key: 'painBefore',
    name: 'Pain before infusion (0–10)',
    color: '#a4161a',
    dash: '2 4',
    shape: 'circle',
    axis: 'pain',
  },
  {
    key: 'painLastCheck',
    name: 'Pain at last check (0–10)',
    color: '#7a4a00',
    dash: '6 3',
    shape: 'square',
    axis: 'pain',
  },
];

/** Scale totals and pain across the series of infusions; the table below holds the same values. */
export function CourseChart({
  points,
  label,
}: {
  points: readonly CoursePoint[];
  label: (point: CoursePoint) => string;
}) {
  const data = points.map((point) => ({ ...point, label: label(point) }));
  const shown = series.filter((line) => data.some((point) => point[line.key] !== null));
  return (
    <figure className="session-chart-figure" aria-labelledby="course-chart-caption">
      <figcaption id="course-chart-caption" className="session-chart-caption">
        Scale totals (left axis) and pain (right axis) at each infusion. The table below has the same values.
      </figcaption>
      <LineChart
        responsive
        className="session-chart"
        data={data}
        margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
        title="Scale totals and pain across the series of infusions"
      >
        <CartesianGrid stroke="#d3d9e0" strokeDasharray="3 3" />
        <XAxis
          dataKey="label"
          stroke="#4b5563"
          padding={{ left: 48, right: 48 }}
          interval={0}
          height={52}
          tick={(props: { x?: number | string; y?: number | string; payload?: { value?: unknown } }) => (
            <TwoLineTick
              x={Number(props.x ?? 0)}
              y={Number(props.y ?? 0)}
              value={typeof props.payload?.value === 'string' ? props.payload.value : ''}
            />
          )}
        />
        <YAxis
          yAxisId="totals"
          domain={[0, (max: number) => Math.max(30, Math.ceil(max / 10) * 10)]}
          stroke="#4b5563"
          width={56}
          label={{ value: 'Total score', angle: -90, position: 'insideLeft', fill: '#4b5563' }}
        />
        <YAxis
          yAxisId="pain"
          orientation="right"
          domain={[0, 10]}
          ticks={[0, 2, 4, 6, 8, 10]}
          stroke="#4b5563"
          width={56}
          label={{ value: 'Pain (0–10)', angle: 90, position: 'insideRight', fill: '#4b5563' }}
        />
        <Tooltip />
        <Legend itemSorter={null} />
        {shown.map((line) => (
          <Line
            key={line.key}
            yAxisId={line.axis}
            dataKey={line.key}
            name={line.name}
            stroke={line.color}
            strokeWidth={2.5}
            strokeDasharray={line.dash}
            legendType={line.shape}
            connectNulls
            isAnimationActive={false}
            dot={(props) => (
              <ChartDot
                key={`${line.key}-${props.index}`}
                cx={props.cx}
                cy={props.cy}
                shape={line.shape}
                color={line.color}
              />
            )}
          />
        ))}
      </LineChart>
    </figure>
  );
}
