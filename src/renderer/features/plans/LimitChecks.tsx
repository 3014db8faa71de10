import type { UseFormRegister } from 'react-hook-form';
import type { LimitAdministration, LimitDoseBasis } from '../../../domain/limit-fields';
import { producedFromText } from '../../../domain/limit-fields';
import type { LimitFinding } from '../../../domain/limits';
import { Notice } from '../../components/Notice';
import { TextArea } from '../../components/TextArea';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldId } from '../../lib/focus-field';
import { reasonLabel } from '../records/field-labels';
import type { PlanFormValues } from './plan-form-values';

/**
 * Each value outside the clinic's limits, in words, with the fields it is worked out from.
 * Outside a soft limit the physician types a reason (stored with the plan and shown at
 * chairside); outside a hard limit the plan cannot be signed.
 */
export function LimitChecks({
  findings,
  register,
  messages,
  doseBasis = null,
  administration,
}: {
  findings: readonly LimitFinding[];
  register: UseFormRegister<PlanFormValues>;
  messages: FieldMessages;
  /** Which dose fields produce the totals and rates: mg/kg with the weight, or the fixed dose. */
  doseBasis?: LimitDoseBasis;
  /** Which volume the pump rate comes from: the bag's diluent, the syringe's, or none. */
  administration?: LimitAdministration;
}) {
  if (findings.length === 0) {
    return <p className="checks-ok">The figures entered so far are within every range your clinic configured.</p>;
  }
  return (
    <ul className="findings">
      {findings.map((finding) => {
        const from = producedFromText(finding.check, doseBasis, administration);
        return (
          <li key={finding.check}>
            <Notice
              tone={finding.level === 'hard' ? 'error' : 'warning'}
              title={
                finding.level === 'hard' ? "Outside your clinic's hard limit" : "Outside your clinic's configured range"
              }
            >
              <p>{finding.message}</p>
              {from !== '' && <p className="hint">{from}</p>}
              {finding.level === 'soft' && (
                <TextArea
                  id={fieldId('plan', `overrideReasons.${finding.check}`)}
                  label={reasonLabel(finding.check)}
                  hint="Stored with the plan, shown at chairside and in the audit log."
                  rows={2}
                  maxLength={1000}
                  registration={register(`overrideReasons.${finding.check}`)}
                  error={messages.get(`overrideReasons.${finding.check}`)}
                />
              )}
            </Notice>
          </li>
        );
      })}
    </ul>
  );
}
