import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../../domain/audit';
import type { CallError } from '../../../contract/errors';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import type { AuditFilter } from './audit-filter-form';
import { isFiltered } from './audit-filter-form';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { VerifyChainPanel } from './VerifyChainPanel';

/** Entries per page; each row can be long, so a page stays short enough to scan. */
const pageSize = 25;

type ListedEntry = AuditEntry & { actorName: string | null };

interface Pages {
  /** The filters these pages were read with. */
  filter: AuditFilter;
  entries: ListedEntry[];
  /** False once a page came back short: there is nothing older. */
  more: boolean;
}

/**
 * The append-only audit log, newest first, with filters that run in the database, "Load older"
 * paging and chain verification.
 */
export function AuditLogPage() {
  const api = useApi();
  const { clinic } = useSignedIn();
  const [pages, setPages] = useState<Pages | null>(null);
  const [actors, setActors] = useState<readonly { userId: number; name: string }[]>([]);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (filter: AuditFilter, beforeSeq: number | undefined, previous: ListedEntry[]) => {
    setBusy(true);
    const result = await api.call('audit.list', {
      ...filter,
      ...(beforeSeq === undefined ? {} : { beforeSeq }),
      limit: pageSize,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setActors(result.value.actors ?? []);
    setPages({
      filter,
      entries: [...previous, ...result.value.entries],
      more: result.value.entries.length === pageSize,
    });
  };

  useEffect(() => {
    let current = true;
    void api.call('audit.list', { limit: pageSize }).then((result) => {
      if (!current) return;
      if (result.ok) {
        setActors(result.value.actors ?? []);
        setPages({ filter: {}, entries: result.value.entries, more: result.value.entries.length === pageSize });
      } else setError(result.error);
    });
    return () => {
      current = false;
    };
  }, [api]);

  const oldest = pages?.entries[pages.entries.length - 1];
  const filtered = pages !== null && isFiltered(pages.filter);

  return (
    <div className="page">
      <PageHeading title="Audit log" />
      <VerifyChainPanel />
      <section className="card" aria-labelledby="entries-title">
        <h2 id="entries-title">Entries, newest first</h2>
        <AuditFilters
          actors={actors}
          clinicTimeZone={clinic.timeZone}
          busy={busy}
          onApply={(filter) => void load(filter, undefined, [])}
        />
        {error !== null && (
          <Notice tone="error" live="alert" title="The audit log could not be loaded">
            {error.message}
          </Notice>
        )}
        {pages === null && error === null && (
          <p className="loading" role="status">
            Loading the audit log…
          </p>
        )}
        {pages !== null && (
          <>
            <p className="hint" role="status">
              {pages.entries.length === 0 && filtered
                ? 'No entries match these filters.'
                : `Showing ${pages.entries.length} ${pages.entries.length === 1 ? 'entry' : 'entries'}${filtered ? ' that match the filters' : ''}${oldest === undefined ? '' : `, back to entry ${oldest.seq}`}.`}{' '}
              Times are in {clinic.timeZone}.
            </p>
            <AuditTable entries={pages.entries} clinicTimeZone={clinic.timeZone} />
            {pages.more && oldest !== undefined && (
              <div className="actions">
                <button
                  type="button"
                  className="button button-secondary"
                  disabled={busy}
                  onClick={() => void load(pages.filter, oldest.seq, pages.entries)}
                >
                  {busy ? 'Loading…' : 'Load older entries'}
                </button>
              </div>
            )}
          </>
        )}
      </section>
    </div>
  );
}
