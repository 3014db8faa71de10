import type { Formulary } from '../../../domain/formulary';
import { formatDateTime } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { Facts } from '../../components/Facts';

/** Which version is in force, who saved it and when. */
export function FormularyVersion({ formulary }: { formulary: Formulary }) {
  const { clinic } = useSignedIn();
  if (formulary.version === 0) {
    return (
      <section className="card card-quiet" aria-labelledby="formulary-version-title">
        <h2 id="formulary-version-title">Version in force</h2>
        <p>
          No version saved yet. The screening questions below are the starter list; saving makes them, with any drugs
          you add, version 1.
        </p>
      </section>
    );
  }
  return (
    <section className="card card-quiet" aria-labelledby="formulary-version-title">
      <h2 id="formulary-version-title">Version in force</h2>
      <Facts
        columns={3}
        facts={[
          { label: 'Version', value: String(formulary.version) },
          { label: 'Saved by', value: formulary.createdBy ?? '', autoDirection: true },
          {
            label: 'Saved',
            value: formulary.createdAt === null ? '' : formatDateTime(formulary.createdAt, clinic.timeZone),
          },
        ]}
      />
    </section>
  );
}
