import { useState } from 'react';
import { Link, useLocation } from 'react-router';
import type { ConsentView } from '../../../../contract/consent-methods';
import { mayCall } from '../../../app/permissions';
import { useSignedIn } from '../../../app/sign-in-context';
import { useCall } from '../../../app/use-call';
import { LoadState } from '../../../components/LoadState';
import { Notice } from '../../../components/Notice';
import { ConsentList } from './ConsentList';
import { planLabel } from './consent-plans';
import { WithdrawConsentDialog } from './WithdrawConsentDialog';
import './consent-record.css';

/** What the chart says after a consent was recorded (carried in the router's location state). */
function recordedNotice(state: unknown): boolean {
  return typeof state === 'object' && state !== null && 'consentRecorded' in state;
}

/** The patient's consents on the chart, what each plan in force needs, and withdrawal. */
export function PatientConsents({ patientId }: { patientId: number }) {
  const { user, clinic } = useSignedIn();
  const recorded = recordedNotice(useLocation().state);
  const consents = useCall('consents.forPatient', { patientId }, { live: true });
  const records = useCall('records.list', { patientId }, { live: true });
  const [withdrawing, setWithdrawing] = useState<ConsentView | null>(null);
  const [withdrawn, setWithdrawn] = useState<ConsentView | null>(null);
  const mayRecord = mayCall(user.role, 'consents.record');
  const list = records.loaded.status === 'ready' ? records.loaded.value.records : [];
  return (
    <section className="card" aria-labelledby="consents-title">
      <div className="section-heading">
        <h2 id="consents-title">Consents</h2>
        {mayRecord && (
          <Link className="button button-secondary" to={`/patients/${patientId}/consents/new`}>
            Record consent
          </Link>
        )}
      </div>
      {recorded && withdrawn === null && (
        <Notice tone="success" live="status">
          The consent is recorded.
        </Notice>
      )}
      {withdrawn !== null && (
        <Notice tone="success" live="status">
          The withdrawal of “{withdrawn.documentTitle}” is recorded.
        </Notice>
      )}
      {consents.loaded.status !== 'ready' ? (
        <LoadState loaded={consents.loaded} what="consents" />
      ) : (
        <ConsentList
          patientId={patientId}
          zone={clinic.timeZone}
          consents={consents.loaded.value.consents}
          plans={consents.loaded.value.plans.map((plan) => ({
            ...plan,
            label: planLabel(list, plan.planRecordId, clinic.timeZone),
          }))}
          mayRecord={mayRecord}
          onWithdraw={mayCall(user.role, 'consents.withdraw') ? setWithdrawing : undefined}
        />
      )}
      {withdrawing !== null && (
        <WithdrawConsentDialog
          consent={withdrawing}
          onClose={() => setWithdrawing(null)}
          onWithdrawn={(view) => {
            setWithdrawing(null);
            setWithdrawn(view);
            consents.reload();
          }}
        />
      )}
    </section>
  );
}
