import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { mayCall } from '../../app/permissions';
import { useSignedIn } from '../../app/sign-in-context';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { PatientResultList } from './PatientResultList';
import type { SearchState } from './use-patient-search';
import { usePatientSearch } from './use-patient-search';

/** The status line read out as results change: how many match, and whether more are to be shown. */
export function summary(state: SearchState): string {
  if (state.status !== 'done') return 'Searching…';
  const count = state.patients.length;
  const more = state.more ? ` The first ${count} are shown: show more, or type more to narrow the search.` : '';
  if (state.query === '') return count === 0 ? 'There are no patients yet.' : `All patients, A–Z.${more}`;
  if (count === 0) return `No patient matches “${state.query}”. Check the spelling, or search by MRN or date of birth.`;
  if (state.more) return `More than ${count} patients match “${state.query}”.${more}`;
  return `${count} ${count === 1 ? 'patient matches' : 'patients match'} “${state.query}”.`;
}

/** Finding a chart: by name (any accents, any case), MRN, or date of birth, as you type. */
export function PatientSearchPage() {
  const { user, clinic } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const { state: search, showMore, busy } = usePatientSearch(query);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);

  const change = (text: string) => {
    setQuery(text);
    // The query lives in the address too, so "back" from a chart returns to the same results.
    setParams(text === '' ? {} : { q: text }, { replace: true });
  };

  return (
    <div className="page">
      <PageHeading title="Patients" focusOnOpen={false}>
        {mayCall(user.role, 'patients.create') && (
          <Link className="button button-primary" to="/patients/new">
            New patient
          </Link>
        )}
      </PageHeading>
      <div className="search-panel" role="search" aria-label="Patients">
        <label className="field-label" htmlFor="patient-search">
          Find a patient
        </label>
        <p className="hint" id="patient-search-hint">
          Name, MRN, or date of birth as yyyy-mm-dd or dd-Mmm-yyyy. Results appear as you type.
        </p>
        <input
          id="patient-search"
          ref={input}
          className="input input-search"
          type="search"
          autoComplete="off"
          spellCheck={false}
          dir="auto"
          aria-describedby="patient-search-hint patient-search-status"
          aria-controls="patient-results"
          value={query}
          onChange={(event) => change(event.target.value)}
        />
      </div>
      <p id="patient-search-status" className="search-status" role="status">
        {summary(search)}
      </p>
      <div id="patient-results">
        {search.status === 'failed' && (
          <Notice tone="error" live="alert" title="The search did not work">
            {search.error.message}
          </Notice>
        )}
        {search.status === 'done' && (
          <>
            <PatientResultList patients={search.patients} clinicTimeZone={clinic.timeZone} />
            {search.moreError !== null && (
              <Notice tone="error" live="alert" title="More patients could not be loaded">
                {search.moreError.message}
              </Notice>
            )}
            {search.more && (
              <div className="actions">
                <button type="button" className="button button-secondary" disabled={busy} onClick={showMore}>
                  {busy ? 'Loading…' : 'Show more patients'}
                </button>
              </div>
            )}
          </>
        )}
      </div>
    </div>
  );
}
