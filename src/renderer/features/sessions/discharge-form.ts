import type { FieldIssue } from '../../../contract/errors';
import type { Discharge } from '../../../domain/infusion-session';
import type { SessionGap } from '../../../domain/session-summary';
import type { VitalsFormValues } from './vitals-form';
import { coreVitals, vitalsFormValues, vitalsFrom } from './vitals-form';

/** The discharge as typed: the clinic's criteria ticked off one by one. */
export interface DischargeFormValues {
  criteria: { itemId: string; label: string; met: boolean }[];
  vitals: VitalsFormValues;
  escortName: string;
  instructionsGiven: boolean;
  notes: string;
  /** One per stretch without a check, in order; an explanation left empty is not saved. */
  gapExplanations: { fromAt: string; untilAt: string; minutes: number; explanation: string }[];
}

export function dischargeFormValues(
  discharge: Discharge | null,
  criteria: readonly { itemId: string; label: string }[],
  escortName: string,
  gaps: readonly SessionGap[] = [],
): DischargeFormValues {
  const said = discharge?.gapExplanations ?? [];
  return {
    criteria: discharge?.criteria.map((item) => ({ ...item })) ?? criteria.map((item) => ({ ...item, met: false })),
    vitals: vitalsFormValues(discharge?.vitals ?? null),
    escortName: discharge?.escortName ?? escortName,
    instructionsGiven: discharge?.instructionsGiven ?? false,
    notes: discharge?.notes ?? '',
    gapExplanations: gaps.map((gap) => ({
      ...gap,
      explanation: said.find((note) => note.fromAt === gap.fromAt && note.untilAt === gap.untilAt)?.explanation ?? '',
    })),
  };
}

/**
 * The discharge to record. A patient may leave with a criterion not met (against advice,
 * say), but the notes must then say why: the record must not simply look complete.
 */
export function dischargeFrom(values: DischargeFormValues, issues: FieldIssue[]): Discharge | null {
  const before = issues.length;
  const vitals = vitalsFrom(values.vitals, 'vitals', issues, coreVitals);
  const unmet = values.criteria.filter((item) => !item.met);
  if (unmet.length > 0 && values.notes.trim() === '') {
    issues.push({ path: 'notes', message: 'Some criteria are not met: say in the notes why the patient leaves now' });
  }
  if (!values.instructionsGiven && values.notes.trim() === '') {
    issues.push({ path: 'instructionsGiven', message: 'Give the discharge instructions, or say in the notes why not' });
  }
  const explained = values.gapExplanations
    .filter((gap) => gap.explanation.trim() !== '')
    .map(({ fromAt, untilAt, explanation }) => ({ fromAt, untilAt, explanation: explanation.trim() }));
  return issues.length > before
    ? null
    : {
        criteria: values.criteria,
        vitals,
        escortName: values.escortName.trim(),
        instructionsGiven: values.instructionsGiven,
        notes: values.notes.trim(),
        ...(explained.length === 0 ? {} : { gapExplanations: explained }),
      };
}
