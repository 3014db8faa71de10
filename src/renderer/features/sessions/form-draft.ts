import { useEffect } from 'react';
import type { FieldValues, UseFormWatch } from 'react-hook-form';
import { readDraft, writeDraft } from '../../lib/drafts';

/** Same keys and value types all the way down: a draft left by an older screen is ignored. */
function sameShape(template: unknown, candidate: unknown): boolean {
  if (Array.isArray(template)) {
    return (
      Array.isArray(candidate) &&
      candidate.length === template.length &&
      template.every((item, index) => sameShape(item, candidate[index]))
    );
  }
  if (typeof template === 'object' && template !== null) {
    if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) return false;
    const keys = Object.keys(template);
    return (
      keys.length === Object.keys(candidate).length &&
      keys.every((key) =>
        sameShape((template as Record<string, unknown>)[key], (candidate as Record<string, unknown>)[key]),
      )
    );
  }
  return typeof template === typeof candidate;
}

/** What was typed in this window and not yet saved, or the defaults. */
export function restoreDraft<T>(key: string, defaults: T): { values: T; restored: boolean } {
  const draft = readDraft(key);
  return draft !== undefined && sameShape(defaults, draft)
    ? { values: draft as T, restored: true }
    : { values: defaults, restored: false };
}

/**
 * Keeps what is typed in this tab as it is typed, so a reload or a lock loses nothing.
 * `scrub` takes out what must never be stored, such as a witness's password.
 */
export function useDraftSaving<T extends FieldValues>(key: string, watch: UseFormWatch<T>, scrub: (values: T) => T) {
  useEffect(() => {
    const subscription = watch((values) => writeDraft(key, scrub(values as T)));
    return () => subscription.unsubscribe();
  }, [key, watch, scrub]);
}
