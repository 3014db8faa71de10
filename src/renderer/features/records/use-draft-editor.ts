import { useEffect, useState } from 'react';
import type { DefaultValues, FieldValues, UseFormReturn } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import type { CallError, CallResult, FieldIssue } from '../../../contract/errors';
import type { RecordView } from '../../../domain/record-view';
import { writeDraft } from '../../lib/drafts';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldMessages, summaryProblems } from '../../lib/field-messages';
import type { FieldProblem } from '../../lib/form-errors';
import type { Autosave } from './use-autosave';
import { useAutosave } from './use-autosave';
import { localCopyKey, useLocalCopy } from './use-local-copy';

export interface DraftEditor<V extends FieldValues, C> {
  form: UseFormReturn<V>;
  /** The form as typed now (re-rendered on every change). */
  values: V;
  /** The content those values make, with the fields that do not read. */
  current: { content: C; issues: FieldIssue[] };
  autosave: Autosave;
  /** Whether this window held unsaved input from before, now restored. */
  restored: boolean;
  /** Messages next to fields: text that does not read, and, after a try to sign, what is missing. */
  messages: FieldMessages;
  /** The summary above the form after a try to sign; empty otherwise. */
  summary: FieldProblem[];
  /** What keeps the draft from being signed now, live: the sign button says it and does not pretend. */
  blockers: FieldIssue[];
  attempt: number;
  signing: boolean;
  /** Saves, checks what signing needs, and opens the signing dialog when nothing is missing. */
  startSigning: () => Promise<void>;
  stopSigning: () => void;
  /** The server found the record not ready: its reasons join the summary. */
  notReady: (error: CallError) => void;
}

function unique(issues: readonly FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((issue) => {
    const key = `${issue.path} ${issue.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * What the exam and plan editors share: the form, this window's copy of it, saving as
 * the physician types, and the way to signing (what is still missing, in words, linked to
 * its field).
 */
export function useDraftEditor<V extends FieldValues, C>({
  versionId,
  updatedAt,
  fromServer,
  valuesSchema,
  contentFrom,
  signingProblems,
  save,
  savedContent,
}: {
  versionId: number;
  updatedAt: string;
  fromServer: V;
  valuesSchema: z.ZodType<V>;
  contentFrom: (values: V) => { content: C; issues: FieldIssue[] };
  signingProblems: (content: C) => FieldIssue[];
  /** `expectedUpdatedAt`: what the screen holds, so a save from a stale screen is refused. */
  save: (content: C, expectedUpdatedAt: string) => Promise<CallResult<RecordView>>;
  savedContent: C;
}): DraftEditor<V, C> {
  const key = localCopyKey(versionId);
  const restoredValues = useLocalCopy(key, valuesSchema, fromServer);
  const [start] = useState<V>(() => restoredValues ?? fromServer);
  const form = useForm<V>({ defaultValues: start as DefaultValues<V> });
  const [values, setValues] = useState<V>(start);
  const { getValues, subscribe } = form;
  const autosave = useAutosave({ read: () => contentFrom(getValues()), save, savedContent, savedAt: updatedAt });
  const { schedule, flush } = autosave;
  const [showProblems, setShowProblems] = useState(false);
  const [serverProblems, setServerProblems] = useState<FieldIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [signing, setSigning] = useState(false);

  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values: typed }) => {
          writeDraft(key, typed);
          setValues(structuredClone(typed));
          schedule();
        },
      }),
    [subscribe, key, schedule],
  );

  // What was restored from this window is saved to the record straight away.
  const restored = restoredValues !== null;
  useEffect(() => {
    if (!restored) return undefined;
    const timer = window.setTimeout(schedule, 0);
    return () => window.clearTimeout(timer);
  }, [restored, schedule]);

  const current = contentFrom(values);
  const blockers = unique([...current.issues, ...signingProblems(current.content)]);
  const problems = showProblems ? unique([...blockers, ...serverProblems]) : [];

  const startSigning = async () => {
    setServerProblems([]);
    const saved = await flush();
    const now = contentFrom(getValues());
    const missing = [...now.issues, ...signingProblems(now.content)];
    if (missing.length === 0 && saved) {
      setShowProblems(false);
      setSigning(true);
      return;
    }
    if (missing.length === 0) {
      setServerProblems([
        { path: '', message: 'The latest changes could not be saved, so the draft cannot be signed yet.' },
      ]);
    }
    setShowProblems(true);
    setAttempt((count) => count + 1);
  };

  return {
    form,
    values,
    current,
    autosave,
    restored,
    messages: fieldMessages([...autosave.issues, ...problems]),
    summary: summaryProblems(problems),
    blockers,
    attempt,
    signing,
    startSigning,
    stopSigning: () => setSigning(false),
    notReady: (error) => {
      setSigning(false);
      setServerProblems(error.issues ?? [{ path: '', message: error.message }]);
      setShowProblems(true);
      setAttempt((count) => count + 1);
    },
  };
}
