import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { clinicDay, entryTime } from './entry-time';
import { ChartLoading } from './ChartLoading';
import { LazyVitalsChart } from './lazy-charts';
import { VitalsTable } from './VitalsTable';
import { vitalsRows } from '../../../domain/vitals-rows';

/** The session's vital signs: the table first (it is also the chart's text alternative), then the chart. */
export function VitalsSection({ session }: { session: SessionView }) {
  const { clinic } = useSignedIn();
  const day = clinicDay(session.createdAt, clinic.timeZone);
  const time = (instant: string) => entryTime(instant, clinic.timeZone, day);
  const rows = vitalsRows(session.entries);
  return (
    <section className="card" aria-labelledby="vitals-title">
      <h2 id="vitals-title">Vital signs</h2>
      {rows.length === 0 ? (
        <p className="value-unknown">No vital signs recorded yet.</p>
      ) : (
        <>
          <VitalsTable rows={rows} time={time} />
          <ChartLoading>
            <LazyVitalsChart rows={rows} time={time} />
          </ChartLoading>
        </>
      )}
    </section>
  );
}
