import { quantityText } from '../../../domain/quantity-text';
import { programmedRateMlPerH } from '../../../domain/dose';
import { formatDurationMin } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { MessageText } from '../../components/MessageText';
import type { PlanVersion } from './plan-version';
import { sessionSignatureText } from './session-signature-text';

/** Which signed plan the new session follows, and its key figures, before the checklist. */
export function PlanSource({ plan, next }: { plan: PlanVersion; next: string }) {
  const { clinic } = useSignedIn();
  const rate = plan.computed === null ? null : programmedRateMlPerH(plan.computed.derived);
  const author = plan.signatures.find((signature) => signature.meaning === 'authored') ?? plan.signatures[0];
  return (
    <section className="card plan-source" aria-labelledby="plan-source-title">
      <h2 id="plan-source-title">
        {next} of the signed plan (version {plan.version})
      </h2>
      <p>
        {plan.computed?.drugName ?? 'Drug not known'}
        {rate === null ? '' : `, pump rate ${quantityText(rate, 'mL/h')}`}
        {plan.content.durationMin === null ? '' : ` over ${formatDurationMin(plan.content.durationMin)}`}
        {plan.content.monitoringIntervalMin === null
          ? ''
          : `; checks every ${formatDurationMin(plan.content.monitoringIntervalMin)}`}
        .
      </p>
      {author !== undefined && (
        <p className="hint">
          <MessageText text={sessionSignatureText(author, clinic.timeZone)} />
        </p>
      )}
    </section>
  );
}
