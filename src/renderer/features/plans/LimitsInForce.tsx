import type { DrugLimits } from '../../../domain/limits';
import { formatRange, hasAnyLimit, limitedQuantities, limitedQuantityNames } from '../../../domain/limits';
import { formularyVersionText, limitHeadings, limitNotConfigured, weightAgeLabel } from '../../../domain/shared-labels';

function days(value: number | null): string {
  return value === null ? limitNotConfigured : `at most ${value} ${value === 1 ? 'day' : 'days'}`;
}

/** The clinic's configured ranges for the drug, as ranges in words; or plainly, that there are none. */
export function LimitsInForce({ limits, formularyVersion }: { limits: DrugLimits; formularyVersion: number | null }) {
  const version = formularyVersionText(formularyVersion);
  if (!hasAnyLimit(limits)) {
    return (
      <p className="no-limits">
        Your clinic has configured no limits for this drug{version}. Nothing in this plan is checked against a range.
      </p>
    );
  }
  const rows = limitedQuantityNames.filter((name) => Object.values(limits[name]).some((value) => value !== null));
  const { soft, hard } = limits.weightMaxAgeDays;
  return (
    // Not in a scrolling wrapper: the table wraps its words to fit the panel instead.
    <table className="table limits-in-force">
      <caption className="limits-caption">
        Your clinic&apos;s configured ranges{version}. Outside a range the plan needs a typed reason; outside a hard
        limit it cannot be signed.
      </caption>
      <thead>
        <tr>
          <th scope="col">{limitHeadings.quantity}</th>
          <th scope="col">{limitHeadings.range}</th>
          <th scope="col">{limitHeadings.hard}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((name) => {
          const { label, unit } = limitedQuantities[name];
          const range = limits[name];
          const softRange = formatRange(range.softMin, range.softMax, unit);
          const hardRange = formatRange(range.hardMin, range.hardMax, unit);
          return (
            <tr key={name}>
              <th scope="row">{label}</th>
              <td>{softRange === 'no range' ? limitNotConfigured : softRange}</td>
              <td>{hardRange === 'no range' ? limitNotConfigured : hardRange}</td>
            </tr>
          );
        })}
        {(soft !== null || hard !== null) && (
          <tr>
            <th scope="row">{weightAgeLabel}</th>
            <td>{days(soft)}</td>
            <td>{days(hard)}</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
