import { Link } from 'react-router';
import type { MethodOutput } from '../../../contract/methods';
import { formatLotExpiry } from '../../../domain/lot-expiry';
import { formatQuantity } from '../../../domain/quantity';
import { Notice } from '../../components/Notice';
import { concentrationText } from './register-words';

/** After a receipt: each new container's label, large, to be written on the vial. */
export function ReceivedContainers({
  saved,
  onAnother,
}: {
  saved: MethodOutput<'register.receive'>;
  onAnother: () => void;
}) {
  const first = saved.containers[0];
  return (
    <section className="card" aria-labelledby="received-title">
      <Notice tone="success" live="status">
        Receipt R{saved.receiptId} is recorded: {saved.containers.length}{' '}
        {saved.containers.length === 1 ? 'container' : 'containers'}.
      </Notice>
      <h2 id="received-title">Write these labels on the containers</h2>
      {first !== undefined && (
        <p>
          {first.drugName} {concentrationText(first.concentrationMgPerMl)}, {formatQuantity(first.volumeMl, 'mL')} each,
          lot {first.lotNumber}, expires {formatLotExpiry(first.lotExpiry)}.
        </p>
      )}
      <ul className="register-labels">
        {saved.containers.map((container) => (
          <li key={container.id} className="register-label">
            {container.label}
          </li>
        ))}
      </ul>
      <div className="actions">
        <Link className="button button-primary" to="/register">
          Back to the register
        </Link>
        <button type="button" className="button button-secondary" onClick={onAnother}>
          Record another receipt
        </button>
      </div>
    </section>
  );
}
