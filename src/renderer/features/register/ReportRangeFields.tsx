import type { UseFormRegisterReturn } from 'react-hook-form';
import { DateTextField } from '../../components/DateTextField';
import type { ReportRangeErrors, ReportRangeValues } from './register-report-form';

/** The report's first and last clinic day, each read back as dd-Mmm-yyyy, each error beside its field. */
export function ReportRangeFields({
  registration,
  typed,
  errors,
}: {
  registration: Record<keyof ReportRangeValues, UseFormRegisterReturn>;
  typed: ReportRangeValues;
  errors: ReportRangeErrors;
}) {
  return (
    <fieldset className="register-fieldset">
      <legend>Clinic days, both included</legend>
      <div className="register-range">
        <DateTextField
          id="register-report-from"
          label="First day"
          registration={registration.from}
          typed={typed.from}
          error={errors.from}
        />
        <DateTextField
          id="register-report-to"
          label="Last day"
          registration={registration.to}
          typed={typed.to}
          error={errors.to}
        />
      </div>
    </fieldset>
  );
}
