import { Link } from 'react-router';
import type { MethodOutput } from '../../../contract/methods';
import type { ContainerView } from '../../../domain/register';
import { Notice } from '../../components/Notice';
import { entryDetailLines, isDiscrepancy } from './register-words';

/** After a count: each discrepancy, to be explained and reviewed from the Register page. */
export function CountResult({
  saved,
  containers,
}: {
  saved: MethodOutput<'register.inventory'>;
  containers: readonly ContainerView[];
}) {
  const labels = new Map(containers.map((container) => [container.id, container.label]));
  const discrepancies = saved.counts.filter(isDiscrepancy);
  return (
    <section className="card" aria-labelledby="count-result-title">
      <Notice tone={discrepancies.length === 0 ? 'success' : 'warning'} live="status">
        The count is recorded: {saved.counts.length} {saved.counts.length === 1 ? 'container' : 'containers'}
        {discrepancies.length === 0
          ? ', all as expected.'
          : `, ${discrepancies.length} ${discrepancies.length === 1 ? 'discrepancy' : 'discrepancies'} to explain.`}
      </Notice>
      <h2 id="count-result-title">Discrepancies</h2>
      {discrepancies.length === 0 ? (
        <p>Every count matched the expected balance.</p>
      ) : (
        <ul className="register-discrepancies">
          {discrepancies.map((count) => (
            <li key={count.id} className="register-discrepancy">
              <p className="register-discrepancy-title">
                {labels.get(count.containerId) ?? `Container ${count.containerId}`}
              </p>
              {entryDetailLines(count).map((line) => (
                <p key={line}>{line}</p>
              ))}
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <Link className="button button-primary" to="/register">
          Back to the register
        </Link>
      </div>
    </section>
  );
}
