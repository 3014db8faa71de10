import type { UseFormRegister } from 'react-hook-form';
import type { Patient } from '../../../domain/patient';
import type { PreSessionScaleId } from '../../../domain/session-configuration';
import { RadioGroup } from '../../components/RadioGroup';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import type { ChecklistFormValues } from './checklist-form';
import type { EntryValues } from './entry-values';
import { IdentityCheck } from './IdentityCheck';
import { PainField } from './PainField';
import { QuestionnaireFieldset } from './QuestionnaireFieldset';
import { VitalsFields } from './VitalsFields';

const gauges = [14, 16, 18, 20, 22, 24, 26];
const fastingOptions = [
  { value: 'fasted', label: 'Fasted as instructed' },
  { value: 'not-fasted', label: 'Not fasted' },
  { value: 'unknown', label: 'Not known' },
];
const questionnaires = ['phq9', 'gad7', 'pcl5'] as const;
const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/**
 * The pre-infusion checklist: identity, escort, fasting, changes, IV access, baseline vitals,
 * and the scales the clinic asks (`scales`, from its session settings).
 */
export function ChecklistFields({
  prefix,
  patient,
  register,
  values,
  messages,
  scales,
  painRequired = true,
}: {
  prefix: string;
  patient: Patient;
  register: UseFormRegister<EntryValues<ChecklistFormValues>>;
  values: ChecklistFormValues;
  messages: FieldMessages;
  scales: ReadonlySet<PreSessionScaleId>;
  /** False only for a correction of a checklist that recorded no pain score. */
  painRequired?: boolean;
}) {
  const id = (path: string) => fieldId(prefix, `content.${path}`);
  const message = (path: string) => messages.get(`content.${path}`);
  return (
    <>
      <IdentityCheck
        id={id('identityConfirmed')}
        patient={patient}
        registration={register('content.identityConfirmed')}
        error={message('identityConfirmed')}
      />
      <fieldset className="session-fieldset">
        <legend className="form-section-title">Escort and fasting</legend>
        <div className="form-grid">
          <div>
            <RadioGroup
              id={id('escortPresent')}
              legend="Escort present"
              hint="A responsible adult to take the patient home."
              registration={register('content.escortPresent')}
              options={yesNo}
              inline
              error={message('escortPresent')}
            />
            {values.escortPresent === 'yes' && (
              <TextField
                id={id('escortName')}
                label="Escort's name"
                autoComplete="off"
                registration={register('content.escortName')}
                error={message('escortName')}
              />
            )}
          </div>
          <div>
            <RadioGroup
              id={id('fasting')}
              legend="Fasting status"
              registration={register('content.fasting')}
              options={fastingOptions}
              error={message('fasting')}
            />
            <TextField
              id={id('fastingNote')}
              label="Fasting note"
              hint="For example: last food at 07:00."
              optional
              autoComplete="off"
              registration={register('content.fastingNote')}
              error={message('fastingNote')}
            />
          </div>
        </div>
      </fieldset>
      <TextArea
        id={id('changesSinceLastVisit')}
        label="Changes since the last visit"
        hint="New medicines, illness, events; write “None” if nothing changed."
        registration={register('content.changesSinceLastVisit')}
        error={message('changesSinceLastVisit')}
        rows={2}
      />
      <fieldset className="session-fieldset">
        <legend className="form-section-title">IV access</legend>
        <div className="form-grid">
          <TextField
            id={id('ivSite')}
            label="IV site"
            hint="For example: left antecubital."
            autoComplete="off"
            registration={register('content.ivSite')}
            error={message('ivSite')}
          />
          <SelectField
            id={id('ivGauge')}
            label="IV gauge"
            registration={register('content.ivGauge')}
            error={message('ivGauge')}
            className="input select input-short"
          >
            <option value="">Choose</option>
            {gauges.map((gauge) => (
              <option key={gauge} value={String(gauge)}>
                {gauge} G
              </option>
            ))}
          </SelectField>
        </div>
      </fieldset>
      <VitalsFields
        prefix={prefix}
        path="content.vitals"
        legend="Baseline vital signs"
        register={(name) => register(`content.vitals.${name}`)}
        messages={messages}
        optional={['temperatureC']}
      />
      {scales.size > 0 && (
        <fieldset className="session-fieldset">
          <legend className="form-section-title">Pre-session scales</legend>
          {scales.has('painNrs') && (
            <PainField
              id={id('scales.painNrs')}
              required={painRequired}
              registration={register('content.scales.painNrs')}
              error={message('scales.painNrs')}
            />
          )}
          {questionnaires
            .filter((scale) => scales.has(scale))
            .map((scale) => (
              <QuestionnaireFieldset
                key={scale}
                prefix={prefix}
                scale={scale}
                values={values.scales[scale]}
                included={register(`content.scales.${scale}.included`)}
                item={(index) => register(`content.scales.${scale}.items.${index}`)}
                messages={messages}
              />
            ))}
        </fieldset>
      )}
    </>
  );
}
