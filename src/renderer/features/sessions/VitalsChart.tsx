import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { DotShape } from './ChartDot';
import { ChartDot } from './ChartDot';
import { timeAxis, valueAxis } from '../../../domain/chart-axes';
import type { VitalsRow } from '../../../domain/vitals-rows';

interface Series {
  key: 'systolic' | 'diastolic' | 'heartRate';
  name: string;
  color: string;
  dash: string | undefined;
  shape: DotShape;
}

/** Each line differs by colour, dash and marker, and is named in the legend: never colour alone. */
const series: readonly Series[] = [
  { key: 'systolic', name: 'Systolic BP (mmHg)', color: '#0b4f8a', dash: undefined, shape: 'circle' },
  { key: 'diastolic', name: 'Diastolic BP (mmHg)', color: '#0f6b4f', dash: '8 4', shape: 'square' },
  { key: 'heartRate', name: 'Heart rate (beats/min)', color: '#a4161a', dash: '2 4', shape: 'triangle' },
];

/** Blood pressure and heart rate over the session, against the clinic's clock. */
export function VitalsChart({ rows, time }: { rows: readonly VitalsRow[]; time: (instantIso: string) => string }) {
  const data = rows.map((row) => ({
    t: Date.parse(row.occurredAt),
    systolic: row.vitals.systolicMmHg,
    diastolic: row.vitals.diastolicMmHg,
    heartRate: row.vitals.heartRateBpm,
  }));
  const first = data[0]?.t ?? 0;
  const last = data.at(-1)?.t ?? 0;
  const axis = timeAxis(first, last);
  const values = valueAxis(data.flatMap((point) => [point.systolic, point.diastolic, point.heartRate]));
  const clock = (ms: number) => time(new Date(ms).toISOString());
  return (
    <figure className="session-chart-figure" aria-labelledby="vitals-chart-caption">
      <figcaption id="vitals-chart-caption" className="session-chart-caption">
        Blood pressure (mmHg) and heart rate (beats/min) over the session, in clinic time. The table above has the same
        values.
      </figcaption>
      <LineChart
        responsive
        className="session-chart"
        data={data}
        margin={{ top: 8, right: 24, bottom: 8, left: 8 }}
        title="Blood pressure and heart rate over the session"
      >
        <CartesianGrid stroke="#d3d9e0" strokeDasharray="3 3" />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={axis.domain}
          ticks={axis.ticks}
          tickFormatter={clock}
          stroke="#4b5563"
        />
        <YAxis domain={values.domain} ticks={values.ticks} stroke="#4b5563" width={48} />
        <Tooltip labelFormatter={(label) => (typeof label === 'number' ? clock(label) : '')} />
        <Legend itemSorter={null} />
        {series.map((line) => (
          <Line
            key={line.key}
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
