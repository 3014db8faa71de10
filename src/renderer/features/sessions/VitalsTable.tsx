import { formatNumber } from '../../../domain/quantity';
import { vitalsHeadings } from '../../../domain/shared-labels';
import type { VitalsRow } from '../../../domain/vitals-rows';

function Cell({ value }: { value: string | number | null }) {
  return (
    <td className="cell-number">{value === null ? <span className="value-unknown">Not recorded</span> : value}</td>
  );
}

/** The vital signs as a table: one row per time, one column per sign, units in the headers. */
export function VitalsTable({ rows, time }: { rows: readonly VitalsRow[]; time: (instantIso: string) => string }) {
  return (
    // Focusable, so that a keyboard can scroll the table where it is wider than the screen.
    <div className="table-wrap" role="region" aria-label="Table of readings" tabIndex={0}>
      <table className="table vitals-table" aria-labelledby="vitals-title">
        <thead>
          <tr>
            <th scope="col">{vitalsHeadings.time}</th>
            <th scope="col">{vitalsHeadings.reading}</th>
            <th scope="col" className="cell-number">
              {vitalsHeadings.bloodPressure}
            </th>
            <th scope="col" className="cell-number">
              {vitalsHeadings.heartRate}
            </th>
            <th scope="col" className="cell-number">
              {vitalsHeadings.spo2}
            </th>
            <th scope="col" className="cell-number">
              {vitalsHeadings.respiratoryRate}
            </th>
            <th scope="col" className="cell-number">
              {vitalsHeadings.temperature}
            </th>
            <th scope="col" className="cell-number">
              {vitalsHeadings.sedation}
            </th>
            <th scope="col" className="cell-number">
              {vitalsHeadings.pain}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { systolicMmHg: systolic, diastolicMmHg: diastolic } = row.vitals;
            const bp = systolic === null && diastolic === null ? null : `${systolic ?? '–'}/${diastolic ?? '–'}`;
            return (
              <tr key={row.entryId}>
                <th scope="row">{time(row.occurredAt)}</th>
                <td>{row.source}</td>
                <Cell value={bp} />
                <Cell value={row.vitals.heartRateBpm} />
                <Cell value={row.vitals.spo2Percent} />
                <Cell value={row.vitals.respiratoryRatePerMin} />
                <Cell value={row.vitals.temperatureC === null ? null : formatNumber(row.vitals.temperatureC)} />
                <Cell value={row.sedation} />
                <Cell value={row.painNrs} />
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
