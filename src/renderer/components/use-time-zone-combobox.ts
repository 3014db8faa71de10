import type { ChangeEvent, KeyboardEvent } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TimeZoneChoice } from '../../domain/time-zone-search';
import { describeTimeZoneChoice, findTimeZones, timeZoneChoiceOf, timeZoneIndex } from '../../domain/time-zone-search';

/** Options a Page Up or Page Down moves by. */
const pageSize = 10;

export interface TimeZoneComboboxOptions {
  id: string;
  /** The chosen zone, "" when none. */
  value: string;
  onChange: (zone: string) => void;
  onBlur: () => void;
}

/**
 * The state and keys of the time-zone combobox (the WAI-ARIA editable combobox with a list
 * popup): typing searches and makes the first match active; Up and Down (Page Up, Page Down)
 * move; Enter chooses the active zone; Escape closes the list and puts the chosen zone back.
 * Offsets are those of the day the screen opened, as printed on today's records.
 */
export function useTimeZoneCombobox({ id, value, onChange, onBlur }: TimeZoneComboboxOptions) {
  const [openedAt] = useState(() => new Date());
  // Every zone's offset costs the runtime a formatter: worked out when the box is first used.
  const [used, setUsed] = useState(false);
  const index = useMemo(() => (used ? timeZoneIndex(openedAt) : []), [used, openedAt]);
  const chosen = useMemo(() => timeZoneChoiceOf(value, openedAt), [value, openedAt]);
  const [query, setQuery] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const focusedByPointer = useRef(false);
  const results = useMemo(() => findTimeZones(index, query ?? ''), [index, query]);
  const optionId = (position: number) => `${id}-option-${position}`;
  const listboxId = `${id}-listbox`;
  const showList = open && results.length > 0;

  // After a choice the box shows it, all selected, so that typing starts a new search.
  const [choices, setChoices] = useState(0);
  useEffect(() => {
    const box = document.getElementById(id);
    if (choices > 0 && box instanceof HTMLInputElement && box === document.activeElement) box.select();
  }, [id, choices]);

  useEffect(() => {
    if (!showList || activeIndex < 0) return;
    document.getElementById(`${id}-option-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [id, showList, activeIndex]);

  const close = () => {
    setOpen(false);
    setQuery(null);
    setActiveIndex(-1);
  };

  const choose = (choice: TimeZoneChoice) => {
    onChange(choice.entry.zone);
    close();
    setChoices((count) => count + 1);
  };

  const openList = () => {
    setOpen(true);
    if (activeIndex < 0) {
      const position = results.findIndex((choice) => choice.entry.zone === value);
      setActiveIndex(Math.max(position, 0));
    }
  };

  const move = (by: number) => {
    if (!open) {
      openList();
      return;
    }
    if (results.length === 0) return;
    setActiveIndex((current) => Math.min(Math.max(current + by, 0), results.length - 1));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (event.altKey) openList();
        else move(1);
        return;
      case 'ArrowUp':
        event.preventDefault();
        move(-1);
        return;
      case 'PageDown':
        event.preventDefault();
        move(pageSize);
        return;
      case 'PageUp':
        event.preventDefault();
        move(-pageSize);
        return;
      case 'Enter': {
        if (!open) return; // A closed list leaves Enter to the form, as in any text field.
        event.preventDefault();
        const choice = results[activeIndex] ?? (results.length === 1 ? results[0] : undefined);
        if (choice !== undefined) choose(choice);
        return;
      }
      case 'Escape':
        if (open || query !== null) {
          event.preventDefault();
          close();
        }
        return;
      case 'Tab':
        close();
        return;
      default:
        return;
    }
  };

  const onInputChange = (event: ChangeEvent<HTMLInputElement>) => {
    const text = event.target.value;
    setQuery(text);
    setOpen(true);
    setActiveIndex(text.trim() === '' ? -1 : 0);
  };

  const input = {
    id,
    type: 'text',
    role: 'combobox',
    autoComplete: 'off',
    autoCapitalize: 'none',
    spellCheck: false,
    'aria-autocomplete': 'list' as const,
    'aria-expanded': showList,
    'aria-controls': showList ? listboxId : undefined,
    'aria-activedescendant': showList && activeIndex >= 0 ? optionId(activeIndex) : undefined,
    value: query ?? (chosen === undefined ? '' : describeTimeZoneChoice(chosen)),
    onChange: onInputChange,
    onKeyDown,
    onFocus: (event: { currentTarget: HTMLInputElement }) => {
      setUsed(true);
      event.currentTarget.select();
    },
    onMouseDown: (event: { currentTarget: HTMLInputElement }) => {
      focusedByPointer.current = document.activeElement !== event.currentTarget;
    },
    // The click that focused the box would undo the selection made on focus; keep it, so typing replaces.
    onMouseUp: (event: { preventDefault: () => void }) => {
      if (focusedByPointer.current) event.preventDefault();
      focusedByPointer.current = false;
    },
    onClick: () => {
      if (!open) openList();
    },
    onBlur: () => {
      close();
      onBlur();
    },
  };

  return {
    input,
    listboxId,
    results,
    showList,
    open,
    query,
    activeIndex,
    chosen,
    optionId,
    choose,
    setActiveIndex,
  };
}
