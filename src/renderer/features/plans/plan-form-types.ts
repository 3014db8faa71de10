import type { UseFormRegister, UseFormSetValue } from 'react-hook-form';
import type { FieldMessages } from '../../lib/field-messages';
import type { PlanFormValues } from './plan-form-values';

/** What every section of the plan form is given. */
export interface PlanSectionProps {
  register: UseFormRegister<PlanFormValues>;
  values: PlanFormValues;
  messages: FieldMessages;
  setValue: UseFormSetValue<PlanFormValues>;
}
