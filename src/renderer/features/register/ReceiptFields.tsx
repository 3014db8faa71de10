import type { UseFormReturn } from 'react-hook-form';
import { useWatch } from 'react-hook-form';
import type { FormularyContent } from '../../../domain/formulary';
import { DateTextField } from '../../components/DateTextField';
import { SelectField } from '../../components/SelectField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import type { ReceiptValues } from './receipt-form';
import { concentrationsOf } from './receipt-form';
import { concentrationText } from './register-words';
import { SecondPersonFields } from './SecondPersonFields';

/** The receipt's fields: what arrived, from whom, when, and who checked it. */
export function ReceiptFields({
  form,
  formulary,
  drugId,
}: {
  form: UseFormReturn<ReceiptValues>;
  formulary: FormularyContent;
  drugId: string;
}) {
  const { register, formState, control } = form;
  const errors = formState.errors;
  const receivedOn = useWatch({ control, name: 'receivedOn' });
  const concentrations = concentrationsOf(formulary, drugId);
  return (
    <>
      <fieldset className="register-fieldset">
        <legend>What arrived</legend>
        <div className="form-grid">
          <SelectField
            id="receipt-drug"
            label="Drug"
            hint="From the clinic’s formulary."
            registration={register('drugId', { onChange: () => form.setValue('concentrationMgPerMl', '') })}
            error={errors.drugId?.message}
          >
            <option value="">Choose the drug</option>
            {formulary.drugs.map((drug) => (
              <option key={drug.id} value={drug.id}>
                {drug.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            id="receipt-concentration"
            label="Concentration"
            hint={drugId === '' ? 'Choose the drug first.' : 'As on the label.'}
            registration={register('concentrationMgPerMl')}
            error={errors.concentrationMgPerMl?.message}
            disabled={drugId === ''}
          >
            <option value="">Choose the concentration</option>
            {concentrations.map((value) => (
              <option key={value} value={value}>
                {concentrationText(value)}
              </option>
            ))}
          </SelectField>
          <TextField
            id="receipt-volume"
            label="Volume of each container (mL)"
            hint="e.g. 10 for a 10 mL vial."
            inputMode="decimal"
            autoComplete="off"
            className="input-short"
            registration={register('containerVolumeMl')}
            error={errors.containerVolumeMl?.message}
          />
          <TextField
            id="receipt-count"
            label="Number of containers"
            inputMode="numeric"
            autoComplete="off"
            className="input-short"
            registration={register('containerCount')}
            error={errors.containerCount?.message}
          />
          <TextField
            id="receipt-lot"
            label="Lot number"
            autoComplete="off"
            className="input-medium"
            registration={register('lotNumber')}
            error={errors.lotNumber?.message}
          />
          <TextField
            id="receipt-expiry"
            label="Expiry"
            hint="As on the label, e.g. Jun-2027 or 30-Jun-2027."
            autoComplete="off"
            className="input-medium"
            registration={register('lotExpiry')}
            error={errors.lotExpiry?.message}
          />
        </div>
      </fieldset>
      <fieldset className="register-fieldset">
        <legend>Supplier and paperwork</legend>
        <div className="form-grid">
          <TextField
            id="receipt-supplier-name"
            label="Supplier’s name"
            autoComplete="off"
            dir="auto"
            registration={register('supplierName')}
            error={errors.supplierName?.message}
          />
          <TextField
            id="receipt-supplier-registration"
            label="Supplier’s registration number"
            autoComplete="off"
            className="input-medium"
            registration={register('supplierRegistration')}
            error={errors.supplierRegistration?.message}
          />
        </div>
        <TextArea
          id="receipt-supplier-address"
          label="Supplier’s address"
          rows={2}
          dir="auto"
          registration={register('supplierAddress')}
          error={errors.supplierAddress?.message}
        />
        <div className="form-grid">
          <TextField
            id="receipt-invoice"
            label="Invoice or order number"
            autoComplete="off"
            className="input-medium"
            registration={register('invoiceNumber')}
            error={errors.invoiceNumber?.message}
          />
          <DateTextField
            id="receipt-received-on"
            label="Date received"
            hint="The clinic’s date, not in the future: dd-Mmm-yyyy or yyyy-mm-dd."
            registration={register('receivedOn')}
            typed={receivedOn}
            error={errors.receivedOn?.message}
          />
        </div>
      </fieldset>
      <SecondPersonFields
        id="receipt-checker"
        who="Checker"
        hint="Another nurse or physician checks the delivery against the invoice and types their own user ID and password."
        username={register('checker.username')}
        password={register('checker.password')}
        errors={errors.checker}
      />
    </>
  );
}
