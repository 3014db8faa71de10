/**
 * "151.5 mL/h" → number and unit, so the unit can be set smaller beside a large figure.
 * Anything else ("2 h 30 min") is shown whole, at full size.
 */
function split(shown: string): { number: string; unit: string } {
  const match = /^([\d.,]+) (\S+)$/.exec(shown);
  return match?.[1] === undefined || match[2] === undefined
    ? { number: shown, unit: '' }
    : { number: match[1], unit: match[2] };
}

/** One figure of the chairside screen, large enough to read from a metre, its unit beside it. */
export function KeyFigure({ label, shown, primary = false }: { label: string; shown: string; primary?: boolean }) {
  const { number, unit } = split(shown);
  return (
    <div className={primary ? 'key-figure key-figure-primary' : 'key-figure'}>
      <dt className="key-figure-label">{label}</dt>
      <dd className="key-figure-value">
        {shown === '' ? (
          <span className="key-figure-unknown">Not known</span>
        ) : (
          <>
            <span className="key-figure-number">{number}</span>
            {unit !== '' && <span className="key-figure-unit"> {unit}</span>}
          </>
        )}
      </dd>
    </div>
  );
}
