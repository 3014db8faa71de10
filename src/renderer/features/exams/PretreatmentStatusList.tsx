import type { RequirementStatus } from '../../../domain/pretreatment-requirements';
import { requirementStatusText } from '../../../domain/pretreatment-requirements';

const words = { current: 'Current', stale: 'Stale', missing: 'Missing' } as const;

/**
 * Each result the clinic requires for this indication, with its state in words and colour
 * (the colour only repeats the word): Current, Stale (its age and the limit) or Missing.
 */
export function PretreatmentStatusList({ statuses }: { statuses: readonly RequirementStatus[] }) {
  if (statuses.length === 0) {
    return <p className="hint">Your clinic requires no pre-treatment results for this indication.</p>;
  }
  return (
    <ul className="pretreatment-status">
      {statuses.map((status) => {
        const full = requirementStatusText(status);
        const detail = full.slice(full.indexOf(':') + 1).replace(/^ (Current|Stale|Missing)( —)?/, '');
        return (
          <li key={status.key}>
            <span className="label">{status.label}</span>{' '}
            <span className={`status ${status.status === 'current' ? 'status-ok' : 'status-attention'}`}>
              {words[status.status]}
            </span>
            {detail}
          </li>
        );
      })}
    </ul>
  );
}
