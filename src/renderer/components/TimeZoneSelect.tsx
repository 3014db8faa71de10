import type { ReactNode, Ref } from 'react';
import { describeTimeZoneChoice } from '../../domain/time-zone-search';
import '../styles/time-zone.css';
import { FieldFrame } from './FieldFrame';
import { TimeZoneOption } from './TimeZoneOption';
import { useTimeZoneCombobox } from './use-time-zone-combobox';

export interface TimeZoneSelectProps {
  id: string;
  /** The chosen zone (a current canonical name), "" when none is chosen. */
  value: string;
  onChange: (zone: string) => void;
  onBlur: () => void;
  /** For the form library, to move the focus here from the error summary. */
  inputRef?: Ref<HTMLInputElement>;
  error?: string | undefined;
  /** Where the proposed or saved zone came from, in words (this computer, an old saved name). */
  note?: ReactNode;
}

/**
 * The clinic's time zone: a search box over the current IANA zones (by city, country, zone
 * name or today's offset) with its list of matches, and the choice stated in words under it.
 * Nothing is chosen silently: with no choice it says so, and the form asks for one.
 */
export function TimeZoneSelect({ id, value, onChange, onBlur, inputRef, error, note }: TimeZoneSelectProps) {
  const box = useTimeZoneCombobox({ id, value, onChange, onBlur });
  const chosenId = `${id}-chosen`;
  const noteId = `${id}-note`;
  const searching = box.query !== null && box.query.trim() !== '';
  const count = box.results.length;
  const status = !box.open
    ? ''
    : count === 0
      ? 'No time zone matches. Try a city, a country, a zone name or an offset.'
      : `${count === 1 ? '1 time zone' : `${count} time zones`} ${searching ? (count === 1 ? 'matches' : 'match') : 'listed'}. Up and down arrows move, Enter chooses.`;

  return (
    <FieldFrame
      id={id}
      label="Time zone"
      hint={
        <>
          Type a city, a country, a zone name or an offset (for example Kolkata, India, Asia/Kolkata or UTC+05:30), then
          choose from the list. Every time in the records is shown in this zone, with its UTC offset.
        </>
      }
      error={error}
      extraDescription={note === undefined ? chosenId : `${chosenId} ${noteId}`}
      after={
        <div className="tz-choice">
          <p className="tz-chosen" id={chosenId}>
            {box.chosen === undefined ? (
              <>No time zone is chosen yet.</>
            ) : (
              <>
                <span className="tz-chosen-label">Chosen</span> {describeTimeZoneChoice(box.chosen)} today
              </>
            )}
          </p>
          {note !== undefined && (
            <p className="tz-note" id={noteId}>
              {note}
            </p>
          )}
        </div>
      }
    >
      {(control) => (
        <div className="tz-combobox">
          <input
            {...control}
            {...box.input}
            ref={inputRef}
            className="input"
            placeholder="Search: city, country, zone or UTC+05:30"
          />
          <p className="visually-hidden" role="status">
            {status}
          </p>
          {box.open && count === 0 && (
            <p className="tz-no-match">
              No time zone matches “{box.query}”. Try a city (Kyiv), a country (Vietnam), a zone name (Asia/Kolkata) or
              an offset (UTC+05:30).
            </p>
          )}
          {box.showList && (
            <ul className="tz-listbox" id={box.listboxId} role="listbox" aria-label="Matching time zones">
              {box.results.map((choice, position) => (
                <TimeZoneOption
                  key={choice.entry.zone}
                  id={box.optionId(position)}
                  choice={choice}
                  active={position === box.activeIndex}
                  chosen={choice.entry.zone === value}
                  onChoose={() => box.choose(choice)}
                  onPoint={() => box.setActiveIndex(position)}
                />
              ))}
            </ul>
          )}
        </div>
      )}
    </FieldFrame>
  );
}
