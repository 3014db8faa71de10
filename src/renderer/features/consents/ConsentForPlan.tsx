import { Link } from 'react-router';
import type { ConsentNeedView } from '../../../contract/consent-methods';
import { useCall } from '../../app/use-call';
import { Notice } from '../../components/Notice';

/** Where to record the consent a plan needs. */
export const recordConsentPath = (patientId: number, planRecordId: number) =>
  `/patients/${patientId}/consents/new?plan=${planRecordId}`;

/** The plan's consents that are not current (empty when every consent it needs is). */
export function missingConsents(needs: readonly ConsentNeedView[]): ConsentNeedView[] {
  return needs.filter((need) => !need.satisfied);
}

/** Each consent the plan needs, in words: "“Title”: Current until …" or why it is not. */
export function ConsentNeedList({ needs }: { needs: readonly ConsentNeedView[] }) {
  return (
    <ul className="consent-needs">
      {needs.map((need) => (
        <li key={need.documentId}>
          <span dir="auto">“{need.documentTitle}”</span>: {need.text}
        </li>
      ))}
    </ul>
  );
}

/**
 * The consent state of a plan at chairside: current (with until when), or a warning that an
 * infusion cannot start (or needs a reason, where the clinic warns) with a link to record it.
 */
export function ChairsideConsent({ patientId, planRecordId }: { patientId: number; planRecordId: number }) {
  const { loaded } = useCall('consents.forPatient', { patientId }, { live: true });
  if (loaded.status !== 'ready') return null;
  const needs = loaded.value.plans.find((plan) => plan.planRecordId === planRecordId)?.needs ?? [];
  if (needs.length === 0) return null;
  const missing = missingConsents(needs);
  if (missing.length === 0) {
    return (
      <section className="chair-consent" aria-label="Informed consent">
        <p className="chair-consent-title">Informed consent</p>
        <ConsentNeedList needs={needs} />
      </section>
    );
  }
  return (
    <Notice tone="error" title="No current informed consent for this series">
      <ConsentNeedList needs={missing} />
      <p>
        <Link to={recordConsentPath(patientId, planRecordId)}>Record the patient’s consent</Link>
      </p>
    </Notice>
  );
}
