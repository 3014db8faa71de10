import { cumulativeDose } from '../../../domain/cumulative-dose';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { coursePoints } from './course-points';
import { sessionDoses } from './course-series';
import { CumulativeDoseLines } from './CumulativeDoseLines';

/** On the patient's chart: the drug given so far, per series and in total. */
export function CumulativeDoseSection({ patientId }: { patientId: number }) {
  const sessions = useCall('sessions.list', { patientId }, { live: true });
  const records = useCall('records.list', { patientId }, { live: true });
  const pending = [sessions.loaded, records.loaded].find((loaded) => loaded.status !== 'ready');
  return (
    <section className="card" aria-labelledby="cumulative-dose-title">
      <h2 id="cumulative-dose-title">Drug given</h2>
      {pending !== undefined || sessions.loaded.status !== 'ready' || records.loaded.status !== 'ready' ? (
        <LoadState loaded={pending ?? { status: 'loading' }} what="drug given" />
      ) : sessions.loaded.value.sessions.length === 0 ? (
        <p className="value-unknown">No infusion sessions charted yet.</p>
      ) : (
        <CumulativeDoseLines
          dose={cumulativeDose(
            sessionDoses(
              coursePoints(sessions.loaded.value.sessions).map((point) => point.session),
              records.loaded.value.records,
            ),
          )}
        />
      )}
    </section>
  );
}
