import type { FormularyHistoryEntry } from '../../../domain/formulary-history';
import { formatDateTime } from '../../../domain/time';
import { Facts } from '../../components/Facts';

export const noReasonRecorded = 'No reason recorded — saved before reasons were required';

/**
 * Every saved version, newest first: who saved it, when (clinic time), why, whether the
 * password was asked again, and which limits it changed. Read from the ledger, not from
 * this window, so it shows what the database holds.
 */
export function FormularyHistory({
  entries,
  timeZone,
}: {
  entries: readonly FormularyHistoryEntry[];
  timeZone: string;
}) {
  return (
    <section className="card card-quiet" aria-labelledby="formulary-history-title">
      <h2 id="formulary-history-title">History</h2>
      {entries.length === 0 ? (
        <p>No version saved yet.</p>
      ) : (
        <ol className="formulary-history" reversed>
          {entries.map((entry) => (
            <li key={entry.version}>
              <h3 id={`formulary-history-${entry.version}`}>Version {entry.version}</h3>
              <Facts
                columns={3}
                facts={[
                  { label: 'Saved by', value: entry.createdBy ?? '', autoDirection: true },
                  { label: 'Saved', value: formatDateTime(entry.createdAt, timeZone, { offset: true }) },
                  {
                    label: 'Re-authentication',
                    value: entry.passwordConfirmed ? 'Password confirmed' : 'Not asked (saved before it was required)',
                  },
                ]}
              />
              <p className="formulary-history-reason">
                <span className="label">Reason</span>{' '}
                {entry.reason === null ? (
                  <span className="value-unknown">{noReasonRecorded}</span>
                ) : (
                  <span dir="auto">{entry.reason}</span>
                )}
              </p>
              {entry.limitChanges.length === 0 ? (
                <p className="hint">No limit changed in this version.</p>
              ) : (
                <>
                  <p className="label">Limits changed</p>
                  <ul className="formulary-changes">
                    {entry.limitChanges.map((change) => (
                      <li key={change} dir="auto">
                        {change}
                      </li>
                    ))}
                  </ul>
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
