import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { VitalName } from './vitals-form';
import { vitalLabels, vitalNames } from './vitals-form';

/** Vital signs, each labelled with its unit; `path` is where they sit in the form ("content.vitals"). */
export function VitalsFields({
  prefix,
  path,
  legend,
  register,
  messages,
  optional = [],
}: {
  prefix: string;
  path: string;
  legend: string;
  register: (name: VitalName) => UseFormRegisterReturn;
  messages: FieldMessages;
  optional?: readonly VitalName[];
}) {
  return (
    <fieldset className="session-fieldset" id={fieldId(prefix, path)}>
      <legend className="form-section-title">{legend}</legend>
      <div className="form-grid form-grid-3">
        {vitalNames.map((name) => (
          <TextField
            key={name}
            id={fieldId(prefix, `${path}.${name}`)}
            label={vitalLabels[name]}
            optional={optional.includes(name)}
            inputMode={name === 'temperatureC' ? 'decimal' : 'numeric'}
            autoComplete="off"
            className="input-short"
            registration={register(name)}
            error={messages.get(`${path}.${name}`)}
          />
        ))}
      </div>
    </fieldset>
  );
}
