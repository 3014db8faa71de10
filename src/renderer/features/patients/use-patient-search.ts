import { useCallback, useEffect, useState } from 'react';
import type { CallError } from '../../../contract/errors';
import type { PatientSummary } from '../../../domain/patient';
import { useApi } from '../../app/sign-in-context';
import { useDebouncedValue } from '../../lib/use-debounced-value';

/** Patients per page: "Show more" reads the next page in the database. */
export const searchLimit = 50;
const debounceMs = 150;

export type SearchState =
  | { status: 'searching' }
  | { status: 'failed'; query: string; error: CallError }
  | {
      status: 'done';
      query: string;
      patients: PatientSummary[];
      /** Whether more patients match than are shown. */
      more: boolean;
      /** A "Show more" that failed: what is shown stays. */
      moreError: CallError | null;
    };

/**
 * Search as you type: waits for a pause in typing, and drops answers to older queries.
 * `showMore` appends the next page of the same query.
 */
export function usePatientSearch(query: string): { state: SearchState; showMore: () => void; busy: boolean } {
  const api = useApi();
  const settled = useDebouncedValue(query.trim(), debounceMs);
  const [state, setState] = useState<SearchState>({ status: 'searching' });
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let current = true;
    void api.call('patients.search', { query: settled, limit: searchLimit }).then((result) => {
      if (!current) return;
      setState(
        result.ok
          ? { status: 'done', query: settled, ...result.value, moreError: null }
          : { status: 'failed', query: settled, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [api, settled]);
  const showMore = useCallback(() => {
    if (state.status !== 'done' || !state.more) return;
    const { query: asked, patients } = state;
    setBusy(true);
    void api.call('patients.search', { query: asked, limit: searchLimit, offset: patients.length }).then((result) => {
      setBusy(false);
      setState((now) => {
        // Typing since made the page another query's: that one's answer stands.
        if (now.status !== 'done' || now.query !== asked || now.patients.length !== patients.length) return now;
        if (!result.ok) return { ...now, moreError: result.error };
        return {
          ...now,
          patients: [...now.patients, ...result.value.patients],
          more: result.value.more,
          moreError: null,
        };
      });
    });
  }, [api, state]);
  return { state, showMore, busy };
}
