import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, CallResult, FieldIssue } from '../../../contract/errors';
import type { RecordView } from '../../../domain/record-view';
import { useSignedIn } from '../../app/sign-in-context';

export type SaveState =
  | { kind: 'saved'; at: string }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string }
  /** Saved from another screen since this one loaded it: nothing more is sent until the latest is loaded. */
  | { kind: 'conflict'; message: string; changedPaths: string[] };

export interface Autosave {
  state: SaveState;
  /** Fields whose text could not be read, so they are not saved yet. */
  issues: FieldIssue[];
  /** Call on every change: saves once typing pauses. */
  schedule: () => void;
  /** Saves now; true when the server holds what is on screen and every field could be read. */
  flush: () => Promise<boolean>;
  /** The draft's `updatedAt` this screen last loaded or saved (for signing what it shows). */
  savedAt: () => string;
  /** Another call (signing) found the draft saved elsewhere since: stop, and offer the latest. */
  refuse: (error: CallError) => void;
}

/** The refusal of a stale save, with the draft fields changed elsewhere (paths without "content."). */
export function conflictState(error: CallError): SaveState {
  const changedPaths = (error.issues ?? [])
    .map((issue) => issue.path)
    .filter((path) => path.startsWith('content.'))
    .map((path) => path.slice('content.'.length));
  return { kind: 'conflict', message: error.message, changedPaths };
}

/** How long typing must pause before a save (a save per keystroke would flood the audit log). */
const pauseMs = 600;

/**
 * Saves a draft as the physician types: after a pause, one save at a time, only when the
 * content changed. A failed save keeps everything typed (the form and this window's copy)
 * and is tried again on the next change, with "Try again", and after the screen unlocks.
 */
export function useAutosave<C>({
  read,
  save,
  savedContent,
  savedAt,
}: {
  /** The content to save from the form now, with the fields that could not be read. */
  read: () => { content: C; issues: FieldIssue[] };
  /** `expectedUpdatedAt`: the draft's `updatedAt` this screen last loaded or saved. */
  save: (content: C, expectedUpdatedAt: string) => Promise<CallResult<RecordView>>;
  /** What the server holds at first, so that opening a draft saves nothing. */
  savedContent: C;
  savedAt: string;
}): Autosave {
  const { locked } = useSignedIn();
  const [state, setState] = useState<SaveState>({ kind: 'saved', at: savedAt });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const latest = useRef({ read, save });
  const lastSent = useRef(JSON.stringify(savedContent));
  const lastAt = useRef(savedAt);
  const timer = useRef<number | null>(null);
  const chain = useRef<Promise<boolean>>(Promise.resolve(true));
  // Once refused as stale, every later save would be refused too (and could only overwrite).
  const conflicted = useRef(false);

  useEffect(() => {
    latest.current = { read, save };
  });

  const attempt = useCallback(async (): Promise<boolean> => {
    const { content, issues: found } = latest.current.read();
    setIssues(found);
    const json = JSON.stringify(content);
    if (conflicted.current) return false;
    if (json === lastSent.current) {
      setState({ kind: 'saved', at: lastAt.current });
      return found.length === 0;
    }
    setState({ kind: 'saving' });
    const result = await latest.current.save(content, lastAt.current);
    if (!result.ok && result.error.code === 'CONFLICT') {
      conflicted.current = true;
      setState(conflictState(result.error));
      return false;
    }
    if (!result.ok) {
      setState({ kind: 'failed', message: result.error.message });
      return false;
    }
    lastSent.current = json;
    lastAt.current = result.value.versions.at(-1)?.updatedAt ?? lastAt.current;
    setState({ kind: 'saved', at: lastAt.current });
    return found.length === 0;
  }, []);

  const flush = useCallback((): Promise<boolean> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = null;
    // One save at a time, each reading the form as it is when its turn comes.
    chain.current = chain.current.then(attempt, attempt);
    return chain.current;
  }, [attempt]);

  const schedule = useCallback(() => {
    setState((current) => (current.kind === 'failed' || current.kind === 'conflict' ? current : { kind: 'saving' }));
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => void flush(), pauseMs);
  }, [flush]);

  // After unlocking, what could not be saved while locked is saved.
  const failed = state.kind === 'failed';
  useEffect(() => {
    if (locked || !failed) return undefined;
    const retry = window.setTimeout(() => void flush(), 0);
    return () => window.clearTimeout(retry);
  }, [locked, failed, flush]);

  // Leaving the screen mid-pause still saves what was typed.
  useEffect(
    () => () => {
      if (timer.current !== null) {
        window.clearTimeout(timer.current);
        void flush();
      }
    },
    [flush],
  );

  const savedAtNow = useCallback(() => lastAt.current, []);
  const refuse = useCallback((error: CallError) => {
    conflicted.current = true;
    setState(conflictState(error));
  }, []);

  return { state, issues, schedule, flush, savedAt: savedAtNow, refuse };
}
