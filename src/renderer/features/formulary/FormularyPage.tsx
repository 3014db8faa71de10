import { useState } from 'react';
import type { Formulary } from '../../../domain/formulary';
import { useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { FormularyForm } from './FormularyForm';
import { FormularyHistory } from './FormularyHistory';
import { FormularyVersion } from './FormularyVersion';

/** The clinic's own drugs, concentrations and limits, and its screening checklist (admins). */
export function FormularyPage() {
  const { loaded, replace, reload } = useCall('formulary.get', {});
  const history = useCall('formulary.history', {});
  const { clinic } = useSignedIn();
  const [saved, setSaved] = useState<string | null>(null);
  const onSaved = (before: Formulary, after: Formulary) => {
    setSaved(
      after.version === before.version
        ? `Nothing changed: version ${after.version} stays in force.`
        : `Version ${after.version} is saved and in force. Plans signed from now on are checked against it.`,
    );
    replace(after);
    history.reload();
  };
  return (
    <div className="page">
      <PageHeading title="Formulary" />
      <p className="lead">
        Your clinic&apos;s drugs, their concentrations and the limits plans are checked against, and the screening
        questions asked at every exam. Dosing Ledger ships with no drugs and no doses: every figure here is your
        clinic&apos;s own. Each save is a new version; every plan records the version it was checked against.
      </p>
      <LoadState loaded={loaded} what="formulary" />
      {saved !== null && (
        <Notice tone="success" live="status">
          {saved}
        </Notice>
      )}
      {loaded.status === 'ready' && (
        <>
          <FormularyVersion formulary={loaded.value} />
          <FormularyForm
            key={loaded.value.version}
            formulary={loaded.value}
            onSaved={(after) => onSaved(loaded.value, after)}
            onLoadLatest={() => {
              setSaved(null);
              reload();
              history.reload();
            }}
          />
        </>
      )}
      <LoadState loaded={history.loaded} what="formulary history" />
      {history.loaded.status === 'ready' && (
        <FormularyHistory entries={history.loaded.value} timeZone={clinic.timeZone} />
      )}
    </div>
  );
}
