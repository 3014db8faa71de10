const prefix = 'ledger.draft.';

/**
 * Unsaved form input kept in this tab's sessionStorage, so a reload or a crash of the
 * page loses nothing. Drafts are cleared on sign-out: the next user must not see them.
 */
export function readDraft(key: string): unknown {
  const text = sessionStorage.getItem(prefix + key);
  if (text === null) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, value: unknown): void {
  sessionStorage.setItem(prefix + key, JSON.stringify(value));
}

export function clearDraft(key: string): void {
  sessionStorage.removeItem(prefix + key);
}

export function clearAllDrafts(): void {
  const keys: string[] = [];
  for (let index = 0; index < sessionStorage.length; index += 1) {
    const key = sessionStorage.key(index);
    if (key?.startsWith(prefix) === true) keys.push(key);
  }
  for (const key of keys) sessionStorage.removeItem(key);
}
