import { formatNumber } from '../../../domain/quantity';
import type { VitalsRow } from '../../../domain/vitals-rows';

function Cell({ value }: { value: string | number | null }) {
  return (
    <td className="cell-number">{value === null ? <span className="value-unknown">Not recorded</span> : value}</td>
  );
}

/** The vital signs as a table: one row per time, one column per sign, units in the headers. */
export function VitalsTable({ rows, time }: { rows: readonly VitalsRow[]; time: (instantIso: string) => string }) {
  return (
    <div className="table-wrap">
      <table className="table vitals-table" aria-labelledby="vitals-title">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Taken at</th>
            <th scope="col" className="cell-number">
              BP (mmHg)
            </th>
            <th scope="col" className="cell-number">
              HR (beats/min)
            </th>
            <th scope="col" className="cell-number">
              SpO2 (%)
            </th>
            <th scope="col" className="cell-number">
              RR (breaths/min)
            </th>
            <th scope="col" className="cell-number">
              Temp (°C)
            </th>
            <th scope="col" className="cell-number">
              Sedation (MOAA/S 0–5)
            </th>
            <th scope="col" className="cell-number">
              Pain (0–10)
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
