import type { RegisterOverview } from '../../../contract/register-methods';
import { formatQuantity } from '../../../domain/quantity';
import { concentrationText } from './register-words';

type Stock = RegisterOverview['byDrug'][number];

/** Stock on hand at a glance: per drug and concentration, then per lot, in mL and mg. */
export function StockTables({ byDrug, byLot }: { byDrug: readonly Stock[]; byLot: readonly Stock[] }) {
  if (byDrug.length === 0) return <p>No controlled substance is on hand.</p>;
  return (
    <div className="register-stock">
      <StockTable caption="By drug" rows={byDrug} withLot={false} />
      <StockTable caption="By lot" rows={byLot} withLot />
    </div>
  );
}

function StockTable({ caption, rows, withLot }: { caption: string; rows: readonly Stock[]; withLot: boolean }) {
  return (
    <div className="table-wrap">
      <table className="table register-stock-table">
        <caption className="register-caption">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Drug</th>
            {withLot && <th scope="col">Lot</th>}
            <th scope="col" className="cell-number">
              Containers
            </th>
            <th scope="col" className="cell-number">
              On hand (mL)
            </th>
            <th scope="col" className="cell-number">
              On hand (mg)
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.drugId} ${row.concentrationMgPerMl} ${row.lotNumber ?? ''}`}>
              <th scope="row">
                {row.drugName} <span className="register-nowrap">{concentrationText(row.concentrationMgPerMl)}</span>
              </th>
              {withLot && <td className="register-nowrap">{row.lotNumber ?? 'Not known'}</td>}
              <td className="cell-number">{row.containers}</td>
              <td className="cell-number register-figure">{formatQuantity(row.balance.ml, 'mL')}</td>
              <td className="cell-number register-figure">{formatQuantity(row.balance.mg, 'mg')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
