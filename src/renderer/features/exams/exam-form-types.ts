import type { UseFormRegister, UseFormSetValue } from 'react-hook-form';
import type { FieldMessages } from '../../lib/field-messages';
import type { ExamFormValues } from './exam-form-values';

/** What every section of the exam form is given. */
export interface ExamSectionProps {
  register: UseFormRegister<ExamFormValues>;
  values: ExamFormValues;
  messages: FieldMessages;
}

export interface ExamSectionWithSetProps extends ExamSectionProps {
  setValue: UseFormSetValue<ExamFormValues>;
}
