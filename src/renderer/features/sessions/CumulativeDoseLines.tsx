import type { CumulativeDose } from '../../../domain/cumulative-dose';
import { doseSumText } from '../../../domain/cumulative-dose';
import { Facts } from '../../components/Facts';

/**
 * The drug given, from the session records: per series and in total, exact sums of the mg each
 * session's timeline shows (the volume infused at the plan's concentration, to 0.01 mg).
 */
export function CumulativeDoseLines({ dose }: { dose: CumulativeDose }) {
  return (
    <>
      <Facts
        facts={[
          { label: 'In total', value: doseSumText(dose.totalMg, dose.counted, dose.uncounted) },
          ...dose.series.map((series, index) => ({
            label: `Series ${index + 1}`,
            value: doseSumText(series.mg, series.counted, series.uncounted),
          })),
        ]}
      />
      <p className="hint">
        Each session’s mg is its volume infused at its plan’s concentration, as its timeline shows it (to 0.01 mg).
      </p>
    </>
  );
}
