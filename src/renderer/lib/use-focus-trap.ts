import type { RefObject } from 'react';
import { useEffect } from 'react';

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Keeps keyboard focus inside a modal dialog: Tab and Shift+Tab wrap around, focus starts
 * on the first field, and goes back where it was when the dialog closes. `active` false
 * lets go, e.g. while the lock screen covers a dialog: two traps would fight over focus.
 */
export function useFocusTrap(container: RefObject<HTMLElement | null>, active = true): void {
  useEffect(() => {
    const root = container.current;
    if (root === null || !active) return undefined;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const targets = () => [...root.querySelectorAll<HTMLElement>(focusable)];
    (root.querySelector<HTMLElement>('input, select, textarea') ?? targets()[0] ?? root).focus();

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Tab') return;
      const list = targets();
      const first = list[0];
      const last = list[list.length - 1];
      if (first === undefined || last === undefined) return;
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !root.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !root.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    };
    // Focus that escapes (e.g. a click on the backdrop) is brought back.
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !root.contains(event.target)) targets()[0]?.focus();
    };
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('focusin', onFocusIn, true);
    return () => {
      document.removeEventListener('keydown', onKeyDown, true);
      document.removeEventListener('focusin', onFocusIn, true);
      if (before?.isConnected === true) before.focus();
    };
  }, [container, active]);
}
