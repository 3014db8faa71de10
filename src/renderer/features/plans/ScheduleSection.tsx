import { formatDurationMin } from '../../../domain/time';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import type { PlanSectionProps } from './plan-form-types';

const id = (path: string) => fieldId('plan', path);

/** "Reads as 2 h 30 min" under a duration typed in minutes. */
function durationReadback(text: string): string {
  const minutes = Number(text.trim());
  return /^\d+$/.test(text.trim()) && minutes > 0 ? `Reads as ${formatDurationMin(minutes)}` : '';
}

/** How long each infusion runs, how many there are and how often, and how often to observe. */
export function ScheduleSection({ register, values, messages }: Omit<PlanSectionProps, 'setValue'>) {
  return (
    <section className="card form-card" aria-labelledby="plan-schedule-title">
      <h2 id="plan-schedule-title">Duration, series and monitoring</h2>
      <div className="form-grid">
        <TextField
          id={id('durationMin')}
          label="Duration of each infusion (min)"
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
          registration={register('durationMin')}
          error={messages.get('durationMin')}
          extraDescription={`${id('durationMin')}-readback`}
          after={
            <p className="readback" id={`${id('durationMin')}-readback`} aria-live="polite">
              {durationReadback(values.durationMin)}
            </p>
          }
        />
        <TextField
          id={id('monitoringIntervalMin')}
          label="Monitoring interval (min)"
          hint="How often observations are due during the infusion."
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
          registration={register('monitoringIntervalMin')}
          error={messages.get('monitoringIntervalMin')}
        />
        <TextField
          id={id('series.infusions')}
          label="Number of infusions in the series"
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
          registration={register('series.infusions')}
          error={messages.get('series.infusions')}
        />
        <TextField
          id={id('series.intervalDays')}
          label="Interval between infusions (days)"
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
          registration={register('series.intervalDays')}
          error={messages.get('series.intervalDays')}
        />
      </div>
    </section>
  );
}
