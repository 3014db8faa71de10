import { useEffect, useState } from 'react';
import type { CallError } from '../../../contract/errors';
import type { PatientSummary } from '../../../domain/patient';
import { useApi } from '../../app/sign-in-context';
import { useDebouncedValue } from '../../lib/use-debounced-value';

export const searchLimit = 50;
const debounceMs = 150;

export type SearchState =
  | { status: 'searching' }
  | { status: 'failed'; query: string; error: CallError }
  | { status: 'done'; query: string; patients: PatientSummary[] };

/** Search as you type: waits for a pause in typing, and drops answers to older queries. */
export function usePatientSearch(query: string): SearchState {
  const api = useApi();
  const settled = useDebouncedValue(query.trim(), debounceMs);
  const [state, setState] = useState<SearchState>({ status: 'searching' });
  useEffect(() => {
    let current = true;
    void api.call('patients.search', { query: settled, limit: searchLimit }).then((result) => {
      if (!current) return;
      setState(
        result.ok
          ? { status: 'done', query: settled, patients: result.value.patients }
          : { status: 'failed', query: settled, error: result.error },
      );
    });
    return () => {
      current = false;
    };
  }, [api, settled]);
  return state;
}
