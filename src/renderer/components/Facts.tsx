import type { ReactNode } from 'react';
import { MessageText } from './MessageText';

export interface Fact {
  label: string;
  /** Empty or missing values read "Not known", never blank. */
  value: ReactNode;
  autoDirection?: boolean;
}

/** Label–value pairs: labels quieter than values, no colons. */
export function Facts({ facts, columns = 2 }: { facts: readonly Fact[]; columns?: 2 | 3 }) {
  return (
    <dl className={`facts facts-${columns}`}>
      {facts.map((fact) => {
        const empty = fact.value === '' || fact.value === null || fact.value === undefined;
        return (
          <div className="fact" key={fact.label}>
            <dt className="label">{fact.label}</dt>
            <dd className={empty ? 'value value-unknown' : 'value'}>
              {empty ? (
                'Not known'
              ) : (
                <span dir={fact.autoDirection === true ? 'auto' : undefined}>
                  {/* A date inside a value is never split across lines. */}
                  {typeof fact.value === 'string' ? <MessageText text={fact.value} /> : fact.value}
                </span>
              )}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
