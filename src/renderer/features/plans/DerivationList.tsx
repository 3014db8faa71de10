import type { DerivationLine } from '../../../domain/dose';

/**
 * The app's arithmetic on what the physician entered, each figure with its formula and the
 * rounding rule it was shown with. Never a suggestion: only what follows from the entries.
 */
export function DerivationList({
  lines,
}: {
  lines: readonly Pick<DerivationLine, 'label' | 'formula' | 'shown' | 'rounding'>[];
}) {
  return (
    <dl className="derivation">
      {lines.map((line) => (
        <div className="derivation-line" key={line.label}>
          <dt className="derivation-label">{line.label}</dt>
          <dd className="derivation-value">{line.shown}</dd>
          <dd className="derivation-formula">
            {line.formula}
            <span className="derivation-rounding">
              {line.rounding === 'exact' ? ' (exact)' : ` (${line.rounding})`}
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
