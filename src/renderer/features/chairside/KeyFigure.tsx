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

/** One large figure of the chairside screen: its label and the figure as printed ("" when not known). */
export interface KeyFigureSpec {
  label: string;
  shown: string;
  /** The figure the nurse acts on first (the pump rate): largest, on a row of its own. */
  primary?: boolean;
}

/** One figure of the chairside screen, large enough to read from a metre, its unit beside it. */
export function KeyFigure({ label, shown, primary = false }: KeyFigureSpec) {
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

/**
 * The large figures, in the order given: a list, so that a figure is added with one line.
 * The grid wraps to the screen's width (768 px tablet to desktop); no figure is cut.
 */
export function KeyFigures({ figures }: { figures: readonly KeyFigureSpec[] }) {
  return (
    <dl className="key-figures">
      {figures.map((figure) => (
        <KeyFigure key={figure.label} {...figure} />
      ))}
    </dl>
  );
}
