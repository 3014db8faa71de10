import type { TimeZoneChoice } from '../../domain/time-zone-search';
import { placeOfTimeZone } from '../../domain/time-zones';

/**
 * One zone in the list: the place and today's offset first (what staff look for), then the
 * zone's IANA name, its clock and larger cities on it, and the former name a search matched.
 * Hidden commas keep the option's spoken name a sentence.
 */
export function TimeZoneOption({
  id,
  choice,
  active,
  chosen,
  onChoose,
  onPoint,
}: {
  id: string;
  choice: TimeZoneChoice;
  active: boolean;
  chosen: boolean;
  onChoose: () => void;
  onPoint: () => void;
}) {
  const { entry } = choice;
  const details = [entry.zone, entry.clockName];
  if (entry.otherCities.length > 0) details.push(`also ${entry.otherCities.join(', ')}`);
  if (choice.matchedFormerName !== undefined) details.push(`formerly ${choice.matchedFormerName}`);
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={active ? 'tz-option tz-option-active' : 'tz-option'}
      // Keeps the focus in the search box, so the list stays a popup of the box.
      onMouseDown={(event) => event.preventDefault()}
      onMouseMove={active ? undefined : onPoint}
      onClick={onChoose}
    >
      <span className="tz-option-line">
        <span className="tz-option-place">{placeOfTimeZone(entry)}</span>
        <span className="visually-hidden">, </span>
        <span className="tz-option-offset">{choice.offsetLabel}</span>
        {chosen && (
          <>
            <span className="visually-hidden">, </span>
            <span className="tz-option-chosen">chosen now</span>
          </>
        )}
      </span>
      <span className="visually-hidden">, </span>
      <span className="tz-option-detail">{details.join(' · ')}</span>
    </li>
  );
}
