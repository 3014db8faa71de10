import type { UseFormRegister } from 'react-hook-form';
import { limitedQuantities, limitedQuantityNames } from '../../../domain/limits';
import { limitBoundLabels, limitHeadings, weightAgeLabel } from '../../../domain/shared-labels';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { BoundName, FormularyFormValues } from './formulary-form-values';
import { boundNames } from './formulary-form-values';

// The words of the plan's limits table and its PDF, so what is set here reads the same there.
const boundLabels: Record<BoundName, string> = limitBoundLabels;

/**
 * The clinic's bounds for one drug: a grid of quantity × bound, each cell labelled by its
 * row and column headers. Empty means "not checked".
 */
export function LimitsTable({
  index,
  register,
  messages,
}: {
  index: number;
  register: UseFormRegister<FormularyFormValues>;
  messages: FieldMessages;
}) {
  const prefix = `drugs.${index}.limits`;
  const tableId = fieldId('formulary', prefix);
  const problems = limitedQuantityNames.flatMap((name) => {
    const { label, unit } = limitedQuantities[name];
    const row = messages.get(`${prefix}.${name}`);
    return [
      ...(row === undefined ? [] : [{ key: name, text: `${label} (${unit}): ${row}` }]),
      ...boundNames.flatMap((bound) => {
        const message = messages.get(`${prefix}.${name}.${bound}`);
        return message === undefined
          ? []
          : [{ key: `${name}-${bound}`, text: `${label}, ${boundLabels[bound].toLowerCase()}: ${message}` }];
      }),
    ];
  });
  const errorsId = `${tableId}-errors`;
  return (
    <div className={problems.length === 0 ? 'limits' : 'limits field-invalid'}>
      <h3 className="limits-title" id={`${tableId}-title`}>
        Limits
      </h3>
      <p className="hint" id={`${tableId}-hint`}>
        Leave a bound empty when your clinic does not check it. Outside the configured range the physician must type a
        reason before signing; outside a hard limit the plan cannot be signed.
      </p>
      {problems.length > 0 && (
        <ul className="field-error limits-errors" id={errorsId}>
          {problems.map((problem) => (
            <li key={problem.key}>
              <span className="visually-hidden">Error </span>
              {problem.text}
            </li>
          ))}
        </ul>
      )}
      <div className="table-wrap">
        <table className="table limits-table" aria-labelledby={`${tableId}-title`} aria-describedby={`${tableId}-hint`}>
          <thead>
            <tr>
              <th scope="col">{limitHeadings.quantity}</th>
              {boundNames.map((bound) => (
                <th scope="col" key={bound} id={`${tableId}-${bound}`}>
                  {boundLabels[bound]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {limitedQuantityNames.map((name) => {
              const rowPath = `${prefix}.${name}`;
              const rowId = fieldId('formulary', rowPath);
              const rowInvalid = messages.has(rowPath);
              return (
                <tr key={name} id={rowId}>
                  <th scope="row" id={`${rowId}-label`}>
                    {limitedQuantities[name].label} <span className="unit">({limitedQuantities[name].unit})</span>
                  </th>
                  {boundNames.map((bound) => {
                    const invalid = rowInvalid || messages.has(`${rowPath}.${bound}`);
                    return (
                      <td key={bound}>
                        <input
                          id={fieldId('formulary', `${rowPath}.${bound}`)}
                          className="input input-bound"
                          inputMode="decimal"
                          autoComplete="off"
                          aria-labelledby={`${rowId}-label ${tableId}-${bound}`}
                          aria-invalid={invalid ? true : undefined}
                          aria-describedby={invalid ? errorsId : undefined}
                          {...register(`drugs.${index}.limits.${name}.${bound}`)}
                        />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="form-grid">
        <TextField
          id={fieldId('formulary', `${prefix}.weightMaxAgeDays.soft`)}
          label={`${weightAgeLabel}, ${limitHeadings.range.toLowerCase()} (days)`}
          hint="A plan using a weight older than this needs a typed reason."
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
          registration={register(`drugs.${index}.limits.weightMaxAgeDays.soft`)}
          error={messages.get(`${prefix}.weightMaxAgeDays.soft`)}
        />
        <TextField
          id={fieldId('formulary', `${prefix}.weightMaxAgeDays.hard`)}
          label={`${weightAgeLabel}, ${limitHeadings.hard.toLowerCase()} (days)`}
          hint="A plan using a weight older than this cannot be signed."
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
          registration={register(`drugs.${index}.limits.weightMaxAgeDays.hard`)}
          error={messages.get(`${prefix}.weightMaxAgeDays.hard`)}
        />
      </div>
    </div>
  );
}
