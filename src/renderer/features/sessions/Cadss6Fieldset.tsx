import type { UseFormRegisterReturn } from 'react-hook-form';
import { cadss6Items } from '../../../domain/infusion-session';
import { fieldId } from '../../lib/focus-field';
import { cadss6Summary } from '../../../domain/observation-text';

/** CADSS anchors for each item, 0–4. */
const cadssAnchors = ['Not at all', 'Slightly', 'Moderately', 'Considerably', 'Extremely'] as const;

/** The six CADSS-6 dissociation items, each 0 (not at all) to 4 (extremely), with the total. */
export function Cadss6Fieldset({
  prefix,
  path,
  register,
  items,
}: {
  prefix: string;
  path: string;
  register: (index: number) => UseFormRegisterReturn;
  items: readonly string[];
}) {
  return (
    <fieldset className="session-fieldset" id={fieldId(prefix, path)}>
      <legend className="form-section-title">Dissociation (CADSS-6)</legend>
      <p className="hint">Ask each question; score what the patient says, 0 (not at all) to 4 (extremely).</p>
      <div className="cadss-items">
        {cadss6Items.map((item, index) => (
          <div className="cadss-item" key={item}>
            <label className="field-label" htmlFor={fieldId(prefix, `${path}.${index}`)}>
              {index + 1}. {item}
            </label>
            <select id={fieldId(prefix, `${path}.${index}`)} className="input select" {...register(index)}>
              <option value="">Not asked</option>
              {cadssAnchors.map((anchor, score) => (
                <option key={anchor} value={String(score)}>
                  {score} – {anchor}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
      <p className="session-scale-total" aria-live="polite">
        {cadss6Summary(items.map((item) => (item === '' ? null : Number(item))))}
      </p>
    </fieldset>
  );
}
