import { useCall } from '../app/use-call';

/**
 * The patient's informed consent in the banner, in words: "Consent current", or "Consent needed"
 * with why (missing, expired, withdrawn, a new text) when a plan in force has no current consent.
 * Nothing while loading, or where no consent document of the clinic covers the patient's plans
 * and none was ever recorded.
 */
export function ConsentStatus({ patientId }: { patientId: number }) {
  const { loaded } = useCall('consents.forPatient', { patientId }, { live: true });
  if (loaded.status !== 'ready') return null;
  const needs = loaded.value.plans.flatMap((plan) => plan.needs);
  const missing = needs.filter((need) => !need.satisfied);
  const latest = loaded.value.consents[0];
  if (needs.length === 0 && latest === undefined) return null;
  const needed = missing.length > 0;
  const words = needed
    ? missing.map((need) => need.text).join('; ')
    : needs.length > 0
      ? (needs[0]?.text ?? '')
      : (latest?.stateText ?? '');
  return (
    <span className={needed ? 'banner-fact banner-consent banner-consent-needed' : 'banner-fact banner-consent'}>
      <span className="label">Consent</span>{' '}
      <span className="value">{needed ? 'Needed' : needs.length > 0 ? 'Current' : 'None in force'}</span>{' '}
      <span className="banner-consent-detail">({words})</span>
    </span>
  );
}
