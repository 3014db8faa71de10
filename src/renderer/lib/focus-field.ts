const controls = 'input:not([type="hidden"]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The element id of a form path: "vitals.heartRateBpm" under "exam" is "exam-vitals-heartRateBpm". */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replaceAll('.', '-')}`;
}

/**
 * Moves focus to the field a problem is about. A path may name a group ("vitals",
 * "scales.phq9"): then its first empty control, or its first control, takes focus. Unknown
 * paths fall back to their nearest known parent.
 */
export function focusField(prefix: string, path: string): boolean {
  const segments = path.split('.');
  while (segments.length > 0) {
    const element = document.getElementById(fieldId(prefix, segments.join('.')));
    if (element !== null) {
      const target = element.matches(controls) ? element : firstControl(element);
      if (target !== null) {
        target.scrollIntoView({ block: 'center' });
        target.focus();
        return true;
      }
    }
    segments.pop();
  }
  return false;
}

function firstControl(container: HTMLElement): HTMLElement | null {
  const all = [...container.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(controls)];
  const empty = all.find((control) =>
    control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')
      ? false
      : control.value === '',
  );
  return empty ?? all[0] ?? null;
}
