import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { MethodOutput } from '../../../contract/methods';
import { formatLotExpiry } from '../../../domain/lot-expiry';
import { formatDate, formatDateTime } from '../../../domain/time';
import { formatQuantity } from '../../../domain/quantity';
import { mayCall } from '../../app/permissions';
import { useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { Facts } from '../../components/Facts';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { parseRouteId } from '../../lib/route-id';
import { CorrectDialog } from './CorrectDialog';
import { LossReportDialog } from './LossReportDialog';
import type { DiscrepancyCategory, RegisterEntryView } from '../../../domain/register';
import { EntryTable } from './EntryTable';
import { balanceText, concentrationText, containerStatusLabels } from './register-words';

/** One container's facts and every entry in its history. */
export function ContainerHistoryPage() {
  const containerId = parseRouteId(useParams().containerId);
  if (containerId === null) {
    return (
      <div className="page">
        <PageHeading title="No such container" />
        <p>
          <Link to="/register">Back to the register</Link>
        </p>
      </div>
    );
  }
  return <ContainerHistory containerId={containerId} />;
}

function ContainerHistory({ containerId }: { containerId: number }) {
  const { user, clinic } = useSignedIn();
  const history = useCall('register.container', { containerId });
  const [correcting, setCorrecting] = useState<number | null>(null);
  const [reporting, setReporting] = useState<{ countEntryId: number; category: DiscrepancyCategory } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const value = history.loaded.status === 'ready' ? history.loaded.value : null;
  return (
    <div className="page">
      <p className="breadcrumb">
        <Link to="/register">Register</Link>
      </p>
      <PageHeading title={value === null ? 'Container' : `Container ${value.container.label}`} />
      <div aria-live="polite">{message !== null && <Notice tone="success">{message}</Notice>}</div>
      <LoadState loaded={history.loaded} what="container" />
      {value !== null && (
        <ContainerHistoryView
          history={value}
          clinicTimeZone={clinic.timeZone}
          onCorrect={mayCall(user.role, 'register.correct') ? (entry) => setCorrecting(entry.id) : undefined}
          onLossReport={
            mayCall(user.role, 'register.lossReport')
              ? (explanation, category) => {
                  // An explanation refers to the count whose discrepancy it explains.
                  if (explanation.refersToEntryId !== null) {
                    setMessage(null);
                    setReporting({ countEntryId: explanation.refersToEntryId, category });
                  }
                }
              : undefined
          }
        />
      )}
      {value !== null && reporting !== null && (
        <LossReportDialog
          countEntryId={reporting.countEntryId}
          containerLabel={value.container.label}
          category={reporting.category}
          onClose={() => setReporting(null)}
          onDone={(text) => {
            setReporting(null);
            setMessage(text);
          }}
        />
      )}
      {value !== null && correcting !== null && (
        <CorrectDialog
          container={value.container}
          entryId={correcting}
          onClose={() => setCorrecting(null)}
          onDone={(text) => {
            setCorrecting(null);
            setMessage(text);
            history.reload();
          }}
        />
      )}
    </div>
  );
}

/** The container's facts, its warnings, and its entries; a balance that does not add up is an error. */
export function ContainerHistoryView({
  history,
  clinicTimeZone,
  onCorrect,
  onLossReport,
}: {
  history: MethodOutput<'register.container'>;
  clinicTimeZone: string;
  onCorrect?: ((entry: RegisterEntryView) => void) | undefined;
  onLossReport?: ((explanation: RegisterEntryView, category: DiscrepancyCategory) => void) | undefined;
}) {
  const { container } = history;
  return (
    <>
      {!history.balanceConsistent && (
        <Notice tone="error" title="The balances in this history do not add up">
          The running balances stored with these entries differ from the sum of their changes. The record may have been
          altered outside the app: run Verify the audit trail and tell the registrant.
        </Notice>
      )}
      {container.warnings.map((warning) => (
        <Notice key={warning} tone="warning">
          {warning}
        </Notice>
      ))}
      <section className="card" aria-labelledby="container-facts-title">
        <h2 id="container-facts-title">Container</h2>
        <Facts
          columns={2}
          facts={[
            { label: 'Label', value: container.label },
            { label: 'Drug', value: `${container.drugName} ${concentrationText(container.concentrationMgPerMl)}` },
            { label: 'Container volume', value: formatQuantity(container.volumeMl, 'mL') },
            { label: 'Lot', value: container.lotNumber },
            { label: 'Expires', value: formatLotExpiry(container.lotExpiry) },
            { label: 'Receipt', value: `R${container.receiptId}` },
            { label: 'Balance', value: balanceText(container.balance) },
            { label: 'Status', value: containerStatusLabels[container.status] },
            {
              label: 'Opened',
              value: container.openedAt === null ? 'Not opened' : formatDateTime(container.openedAt, clinicTimeZone),
            },
            {
              label: 'In use until',
              value: container.inUseUntil === null ? 'No in-use limit set' : formatDate(container.inUseUntil),
            },
          ]}
        />
      </section>
      <section className="card" aria-labelledby="container-entries-title">
        <h2 id="container-entries-title">History ({history.entries.length} entries)</h2>
        <EntryTable
          entries={history.entries}
          clinicTimeZone={clinicTimeZone}
          onCorrect={onCorrect}
          onLossReport={onLossReport}
        />
      </section>
    </>
  );
}
