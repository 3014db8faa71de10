import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { CumulativeDoseLines } from './CumulativeDoseLines';

/** On the patient's chart: the drug given so far, per series and in total (added up in the back end). */
export function CumulativeDoseSection({ patientId }: { patientId: number }) {
  const doses = useCall('sessions.doses', { patientId }, { live: true });
  return (
    <section className="card" aria-labelledby="cumulative-dose-title">
      <h2 id="cumulative-dose-title">Drug given</h2>
      {doses.loaded.status !== 'ready' ? (
        <LoadState loaded={doses.loaded} what="drug given" />
      ) : doses.loaded.value.counted + doses.loaded.value.uncounted === 0 ? (
        <p className="value-unknown">No infusion sessions charted yet.</p>
      ) : (
        <CumulativeDoseLines dose={doses.loaded.value} />
      )}
    </section>
  );
}
