import type { UseFormReturn } from 'react-hook-form';
import type { ContainerView } from '../../../domain/register';
import { formatLotExpiry } from '../../../domain/lot-expiry';
import { formatQuantity } from '../../../domain/quantity';
import { TextField } from '../../components/TextField';
import type { InventoryValues } from './inventory-form';
import { concentrationText } from './register-words';

/** One row per container on hand: the expected balance beside the counted volume typed. */
export function CountRows({
  containers,
  form,
}: {
  containers: readonly ContainerView[];
  form: UseFormReturn<InventoryValues>;
}) {
  const errors = form.formState.errors.countedMl;
  return (
    <div className="table-wrap">
      <table className="table register-count">
        <caption className="register-caption">Containers on hand</caption>
        <thead>
          <tr>
            <th scope="col">Container</th>
            <th scope="col" className="cell-number">
              Expected
            </th>
            <th scope="col">Counted (mL)</th>
          </tr>
        </thead>
        <tbody>
          {containers.map((container, index) => (
            <tr key={container.id}>
              <th scope="row">
                <span className="register-label-cell">{container.label}</span>
                <div className="hint">
                  {container.drugName} {concentrationText(container.concentrationMgPerMl)}, lot {container.lotNumber},
                  expires {formatLotExpiry(container.lotExpiry)}
                </div>
              </th>
              <td className="cell-number register-figure">
                {formatQuantity(container.balance.ml, 'mL')}
                <div className="hint">{formatQuantity(container.balance.mg, 'mg')}</div>
              </td>
              <td>
                <TextField
                  id={`count-${container.id}`}
                  label={<span className="visually-hidden">Counted volume of {container.label} (mL)</span>}
                  inputMode="decimal"
                  autoComplete="off"
                  className="input-short"
                  registration={form.register(`countedMl.${index}`)}
                  error={errors?.[index]?.message}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
