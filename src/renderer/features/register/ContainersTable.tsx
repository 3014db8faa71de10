import { Link } from 'react-router';
import type { ContainerView } from '../../../domain/register';
import { formatLotExpiry } from '../../../domain/lot-expiry';
import { formatDate } from '../../../domain/time';
import { formatQuantity } from '../../../domain/quantity';
import { WhenText } from './WhenText';
import { concentrationText, containerStatusLabels } from './register-words';

export type ContainerAction = 'return' | 'destroy' | 'correct';

export const containerActionLabels: Record<ContainerAction, string> = {
  return: 'Return to supplier',
  destroy: 'Destroy',
  correct: 'Correct an entry',
};

/** Containers with their balance, state and warnings (written out, not colour alone). */
export function ContainersTable({
  containers,
  caption,
  clinicTimeZone,
  actions,
  onAction,
}: {
  containers: readonly ContainerView[];
  caption: string;
  clinicTimeZone: string;
  actions: readonly ContainerAction[];
  onAction: (action: ContainerAction, container: ContainerView) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table register-containers">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Container</th>
            <th scope="col">Drug</th>
            <th scope="col">Lot and expiry</th>
            <th scope="col" className="cell-number">
              Balance
            </th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        {/* One body per container: its facts, then its actions on a row of their own, so no
            button is cut off on a 768 px tablet and each keeps its full name. */}
        {containers.map((container) => (
          <tbody key={container.id} className="register-container">
            <tr>
              <th scope="row" className="register-label-cell">
                {container.label}
              </th>
              <td>
                {container.drugName}
                <div className="hint">
                  <span className="register-nowrap">{concentrationText(container.concentrationMgPerMl)}</span>,{' '}
                  <span className="register-nowrap">{formatQuantity(container.volumeMl, 'mL')}</span> container
                </div>
              </td>
              <td>
                Lot {container.lotNumber}
                <div className="hint">
                  Expires <span className="register-nowrap">{formatLotExpiry(container.lotExpiry)}</span>
                </div>
              </td>
              <td className="cell-number register-figure">
                {formatQuantity(container.balance.ml, 'mL')}
                <div className="hint">{formatQuantity(container.balance.mg, 'mg')}</div>
              </td>
              <td>
                <strong>{containerStatusLabels[container.status]}</strong>
                {container.openedAt !== null && (
                  <div className="hint">
                    Opened <WhenText instant={container.openedAt} clinicTimeZone={clinicTimeZone} />
                  </div>
                )}
                {container.inUseUntil !== null && (
                  <div className="hint">In use until {formatDate(container.inUseUntil)}</div>
                )}
                {container.warnings.map((warning) => (
                  <p key={warning} className="register-warning">
                    <span className="visually-hidden">Warning: </span>
                    {warning}
                  </p>
                ))}
              </td>
            </tr>
            <tr className="register-container-actions">
              <td colSpan={5}>
                <div className="cell-actions">
                  <Link className="button button-secondary button-small" to={`/register/containers/${container.id}`}>
                    History<span className="visually-hidden"> of {container.label}</span>
                  </Link>
                  {container.status !== 'empty' &&
                    actions.map((action) => (
                      <button
                        key={action}
                        type="button"
                        className={
                          action === 'destroy'
                            ? 'button button-danger button-small'
                            : 'button button-secondary button-small'
                        }
                        onClick={() => onAction(action, container)}
                      >
                        {containerActionLabels[action]}
                        <span className="visually-hidden"> {container.label}</span>
                      </button>
                    ))}
                </div>
              </td>
            </tr>
          </tbody>
        ))}
      </table>
    </div>
  );
}
