import type { UseFormRegister } from 'react-hook-form';
import { administrationOf } from '../../../domain/administration';
import type { PlanContent, PlanEvaluation } from '../../../domain/plan';
import type { FieldMessages } from '../../lib/field-messages';
import { DerivationList } from './DerivationList';
import { LimitChecks } from './LimitChecks';
import { LimitsInForce } from './LimitsInForce';
import { PumpDeliveryNote } from './PumpDeliveryNote';
import type { PlanFormValues } from './plan-form-values';
import { weightUsedText } from './weight-used';

/** What the arithmetic still needs, in words, while the plan is incomplete. */
function needed(content: PlanContent, evaluation: PlanEvaluation): string[] {
  if (evaluation.derivation !== null) return evaluation.derivation.missing;
  const missing: string[] = [];
  if (content.concentrationMgPerMl === null) missing.push('the concentration');
  if (administrationOf(content) === null) missing.push('how it is given');
  if (content.doseBasis === null) missing.push('the dose basis');
  if (content.durationMin === null) missing.push('the duration');
  return missing;
}

/**
 * Live, beside the form: the weight used, each derived figure with its formula and rounding,
 * the clinic's ranges for the drug, and where the plan falls outside them.
 */
export function ArithmeticPanel({
  content,
  evaluation,
  formularyVersion,
  register,
  messages,
}: {
  content: PlanContent;
  evaluation: PlanEvaluation;
  formularyVersion: number;
  register: UseFormRegister<PlanFormValues>;
  messages: FieldMessages;
}) {
  const missing = needed(content, evaluation);
  const lines = evaluation.derivation?.lines ?? [];
  return (
    <aside className="arithmetic-panel" aria-labelledby="plan-arithmetic-title">
      <h2 id="plan-arithmetic-title">Arithmetic and checks</h2>
      <p className="hint">Worked out from your entries as you type. Dosing Ledger does not propose doses.</p>
      <p className="weight-used">
        <span className="label">Weight used</span> <span className="value">{weightUsedText(content.weight)}</span>
      </p>
      {lines.length > 0 && <DerivationList lines={lines} />}
      <PumpDeliveryNote delivery={evaluation.derivation?.delivery ?? null} />
      {missing.length > 0 && <p className="arithmetic-missing">To work out the figures, enter {missing.join(', ')}.</p>}
      <h3 className="panel-subtitle">Limits</h3>
      {evaluation.drug === null ? (
        <p className="hint">Choose the drug to see your clinic&apos;s limits for it.</p>
      ) : (
        <LimitsInForce limits={evaluation.drug.limits} formularyVersion={formularyVersion} />
      )}
      {evaluation.drug !== null && !evaluation.noLimitsConfigured && (
        <>
          <h3 className="panel-subtitle">Checks</h3>
          <div aria-live="polite">
            <LimitChecks
              findings={evaluation.findings}
              register={register}
              messages={messages}
              doseBasis={content.doseBasis}
              administration={content.administration}
            />
          </div>
        </>
      )}
    </aside>
  );
}
