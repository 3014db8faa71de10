import { Link } from 'react-router';
import type { ConsentNeedView, ConsentView } from '../../../../contract/consent-methods';
import { formatDateTime } from '../../../../domain/time';
import { useApi } from '../../../app/sign-in-context';
import { SignedPdfButton } from '../../documents/SignedPdfButton';
import { consentStatusWords, signerText } from './consent-words';

export interface PlanNeeds {
  planRecordId: number;
  label: string;
  needs: readonly ConsentNeedView[];
}

/**
 * A patient's consents, newest first, each with its state now in a word and in full; then,
 * per plan in force, what its infusions need, with the way to record a missing consent.
 */
export function ConsentList({
  patientId,
  zone,
  consents,
  plans,
  mayRecord,
  onWithdraw,
}: {
  patientId: number;
  zone: string;
  consents: readonly ConsentView[];
  plans: readonly PlanNeeds[];
  mayRecord: boolean;
  /** Absent where the role may not record a withdrawal. */
  onWithdraw?: ((consent: ConsentView) => void) | undefined;
}) {
  const api = useApi();
  return (
    <>
      {consents.length === 0 ? (
        <p className="value-unknown">No consent recorded yet.</p>
      ) : (
        <ul className="consent-list">
          {consents.map((consent) => (
            <li
              key={consent.id}
              className={consent.state === 'current' ? 'consent-item' : 'consent-item consent-item-inactive'}
            >
              <div className="consent-item-head">
                <h3 className="consent-item-title" dir="auto">
                  {consent.documentTitle}
                </h3>
                <span className={`consent-status consent-status-${consent.state}`}>
                  {consentStatusWords[consent.state]}
                </span>
              </div>
              <p>
                {consent.stateText}
                {consent.withdrawal !== null &&
                  ` (recorded by ${consent.withdrawal.recordedByName}, ${formatDateTime(consent.withdrawal.recordedAt, zone)})`}
              </p>
              <p className="hint">
                Version {consent.documentVersion} · Signed by {signerText(consent.signer)}{' '}
                {formatDateTime(consent.patientSignedAt, zone)} · Obtained consent {consent.clinicianPrintedName}{' '}
                {formatDateTime(consent.signedAt, zone)}
                {consent.witnessPrintedName !== null && ` · Witness ${consent.witnessPrintedName}`}
              </p>
              <SignedPdfButton
                label="Signed consent PDF"
                load={() => api.call('consents.pdf', { consentId: consent.id })}
              />
              {onWithdraw !== undefined && consent.withdrawal === null && (
                <button type="button" className="button button-secondary" onClick={() => onWithdraw(consent)}>
                  Withdraw<span className="visually-hidden"> {consent.documentTitle}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {plans.map((plan) => (
        <div key={plan.planRecordId} className="consent-plan-needs">
          <h3>What {plan.label} needs</h3>
          {plan.needs.length === 0 ? (
            <p className="hint">No consent document of the clinic covers this plan’s indication.</p>
          ) : (
            <ul>
              {plan.needs.map((need) => (
                <li key={need.documentId}>
                  <span dir="auto">{need.documentTitle}</span>: {need.satisfied ? '' : 'Needs consent. '}
                  {need.text}
                </li>
              ))}
            </ul>
          )}
          {mayRecord && plan.needs.some((need) => !need.satisfied) && (
            <Link
              className="button button-primary"
              to={`/patients/${patientId}/consents/new?plan=${plan.planRecordId}`}
            >
              Record consent<span className="visually-hidden"> for {plan.label}</span>
            </Link>
          )}
        </div>
      ))}
    </>
  );
}
