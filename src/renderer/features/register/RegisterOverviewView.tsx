import { Link } from 'react-router';
import type { RegisterOverview } from '../../../contract/register-methods';
import type { DiscrepancyCategory } from '../../../domain/register';
import { inventoryKindLabels } from '../../../domain/register';
import type { Role } from '../../../domain/roles';
import { formatDateTime } from '../../../domain/time';
import { mayCall } from '../../app/permissions';
import type { ContainerAction } from './ContainersTable';
import { ContainersTable } from './ContainersTable';
import type { Discrepancy } from './DiscrepancyList';
import { DiscrepancyList } from './DiscrepancyList';
import { StockTables } from './StockTables';

export type OverviewAction =
  | { kind: ContainerAction; container: RegisterOverview['onHand'][number] }
  | { kind: 'explain' | 'review'; discrepancy: Discrepancy }
  | { kind: 'lossReport'; discrepancy: Discrepancy; category: DiscrepancyCategory };

/**
 * The container actions the signed-in user may take: the role's (contract) and, for returns and
 * destruction, the clinic's register settings as the overview reports them for this user.
 */
export function containerActionsFor(role: Role, mayRecord: RegisterOverview['mayRecord']): ContainerAction[] {
  const actions: ContainerAction[] = [];
  if (mayRecord.destruction && mayCall(role, 'register.return')) actions.push('return');
  if (mayRecord.destruction && mayCall(role, 'register.destroy')) actions.push('destroy');
  if (mayCall(role, 'register.correct')) actions.push('correct');
  return actions;
}

/** The Register page's sections, from one overview: what is on hand, what needs attention. */
export function RegisterOverviewView({
  overview,
  role,
  clinicTimeZone,
  onAction,
}: {
  overview: RegisterOverview;
  role: Role;
  clinicTimeZone: string;
  onAction: (action: OverviewAction) => void;
}) {
  const actions = containerActionsFor(role, overview.mayRecord);
  const containerAction = (kind: ContainerAction, container: RegisterOverview['onHand'][number]) =>
    onAction({ kind, container });
  return (
    <>
      <section className="card register-attention" aria-labelledby="register-discrepancies-title">
        <h2 id="register-discrepancies-title">Discrepancies ({overview.discrepancies.length})</h2>
        <DiscrepancyList
          discrepancies={overview.discrepancies}
          clinicTimeZone={clinicTimeZone}
          mayExplain={mayCall(role, 'register.explain')}
          mayReview={mayCall(role, 'register.review')}
          onExplain={(discrepancy) => onAction({ kind: 'explain', discrepancy })}
          onReview={(discrepancy) => onAction({ kind: 'review', discrepancy })}
          mayReportLoss={mayCall(role, 'register.lossReport')}
          onLossReport={(discrepancy, category) => onAction({ kind: 'lossReport', discrepancy, category })}
        />
      </section>
      <section className="card" aria-labelledby="register-stock-title">
        <h2 id="register-stock-title">Stock on hand</h2>
        <StockTables byDrug={overview.byDrug} byLot={overview.byLot} />
      </section>
      <section className="card" aria-labelledby="register-on-hand-title">
        <h2 id="register-on-hand-title">Containers on hand ({overview.onHand.length})</h2>
        {overview.onHand.length === 0 ? (
          <p>No container holds drug.</p>
        ) : (
          <ContainersTable
            containers={overview.onHand}
            caption="Containers on hand"
            clinicTimeZone={clinicTimeZone}
            actions={actions}
            onAction={containerAction}
          />
        )}
      </section>
      <section className="card" aria-labelledby="register-expiring-title">
        <h2 id="register-expiring-title">Expiring within 60 days ({overview.expiringSoon.length})</h2>
        {overview.expiringSoon.length === 0 ? (
          <p>No container on hand expires within 60 days.</p>
        ) : (
          <ContainersTable
            containers={overview.expiringSoon}
            caption="Containers expiring within 60 days"
            clinicTimeZone={clinicTimeZone}
            actions={actions}
            onAction={containerAction}
          />
        )}
      </section>
      <section className="card" aria-labelledby="register-open-title">
        <h2 id="register-open-title">Open vials ({overview.openVials.length})</h2>
        {overview.openVials.length === 0 ? (
          <p>No vial is open.</p>
        ) : (
          <ContainersTable
            containers={overview.openVials}
            caption="Open vials"
            clinicTimeZone={clinicTimeZone}
            actions={actions}
            onAction={containerAction}
          />
        )}
      </section>
      <section className="card" aria-labelledby="register-inventories-title">
        <h2 id="register-inventories-title">Recent inventories</h2>
        {overview.inventories.length === 0 ? (
          <p>
            No inventory is recorded yet.
            {overview.mayRecord.inventory && (
              <>
                {' '}
                <Link to="/register/count">Take the initial inventory</Link>.
              </>
            )}
          </p>
        ) : (
          <ul className="register-inventories">
            {overview.inventories.map((inventory) => (
              <li key={inventory.id}>
                <strong>{inventoryKindLabels[inventory.kind]}</strong>,{' '}
                {formatDateTime(inventory.countedAt, clinicTimeZone)}, counted by {inventory.printedName} and{' '}
                {inventory.secondCounterName}
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
