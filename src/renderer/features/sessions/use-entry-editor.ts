import type { BaseSyntheticEvent } from 'react';
import { useCallback, useState } from 'react';
import type { DefaultValues, UseFormRegisterReturn, UseFormReturn } from 'react-hook-form';
import { useForm, useWatch } from 'react-hook-form';
import type { CallResult, FieldIssue } from '../../../contract/errors';
import type { TimingFinding } from '../../../domain/session-timing';
import type { SessionView } from '../../../domain/session-view';
import { useSignedIn } from '../../app/sign-in-context';
import { clearDraft } from '../../lib/drafts';
import type { FieldMessages } from '../../lib/field-messages';
import { fieldMessages } from '../../lib/field-messages';
import type { FieldProblem } from '../../lib/form-errors';
import { serverNow } from '../../lib/server-clock';
import type { EntryRequest, EntryRules } from './check-entry';
import { checkEntry } from './check-entry';
import type { EntryValues } from './entry-values';
import { noWitness, withoutSecrets } from './entry-values';
import { restoreDraft, useDraftSaving } from './form-draft';
import type { OccurredAtValues } from './occurred-at';
import { occurredAtValues, parseOccurredAt } from './occurred-at';
import { formPath } from './server-paths';

export interface EntryEditorOptions<V, B> extends Omit<EntryRules<V, B>, 'zone' | 'correcting'> {
  draftKey: string;
  /** The content as typed when the form opens (empty, or the entry being corrected). */
  content: V;
  /** When the entry being corrected happened; null for a new entry (then: now). */
  correctingAt: string | null;
  /** The reason the corrected entry gave for its time, kept unless changed. */
  timingReason?: string;
  save: (request: EntryRequest<B>) => Promise<CallResult<SessionView>>;
  onSaved: (view: SessionView) => void;
}

export interface EntrySubmitState {
  messages: FieldMessages;
  problems: FieldProblem[];
  /** Bumped on every failed attempt, so the error summary takes focus again. */
  attempt: number;
  submitting: boolean;
  onSubmit: (event?: BaseSyntheticEvent) => Promise<void>;
}

export interface FrameRegistrations {
  date: UseFormRegisterReturn;
  time: UseFormRegisterReturn;
  reason: UseFormRegisterReturn;
  timingReason: UseFormRegisterReturn;
  witnessUsername: UseFormRegisterReturn;
  witnessPassword: UseFormRegisterReturn;
}

/** What the shared frame of every charting form needs from its editor. */
export interface FrameEditor {
  state: EntrySubmitState;
  registrations: FrameRegistrations;
  when: OccurredAtValues;
  setNow: () => void;
  restored: boolean;
  correcting: boolean;
  /**
   * What the typed time surfaces against the plan; the reason is asked while there is any,
   * or when the server asked for it (it knows what this screen may not).
   */
  timing: { findings: TimingFinding[]; asked: boolean };
  /** Forgets what was typed (Cancel): the draft is for a reload or a lock, not for later. */
  discard: () => void;
}

/** The server's refusal, shown until the form is changed: it judged those values, not the new ones. */
interface Refusal {
  issues: FieldIssue[];
  message: string;
  values: string;
}

/**
 * A charting form: prefilled with the entry being corrected, or empty with the time set to
 * now; restored from this window's draft if one was left, and kept as a draft as it is
 * typed. Saving checks what can be checked here, sends it, and puts every problem (ours or
 * the server's) next to its field and in the summary. After a failed attempt the problems
 * follow the typing, so the list shrinks as they are fixed. A failed save keeps all that was
 * typed.
 */
export function useEntryEditor<V, B>(options: EntryEditorOptions<V, B>) {
  const { clinic } = useSignedIn();
  const correcting = options.correctingAt !== null;
  const [initial] = useState(() =>
    restoreDraft<EntryValues<V>>(options.draftKey, {
      when: occurredAtValues(options.correctingAt ?? serverNow(), clinic.timeZone),
      correctionReason: '',
      timingReason: options.timingReason ?? '',
      witness: noWitness,
      content: options.content,
    }),
  );
  const form = useForm<EntryValues<V>>({ defaultValues: initial.values as DefaultValues<EntryValues<V>> });
  // The parts every charting form shares, whatever its content: react-hook-form cannot
  // spell their paths while the content type is still a parameter.
  const shared = form as unknown as UseFormReturn<EntryValues<unknown>>;
  const scrub = useCallback((values: EntryValues<V>) => withoutSecrets(values), []);
  useDraftSaving(options.draftKey, form.watch, scrub);

  const rules: EntryRules<V, B> = { ...options, zone: clinic.timeZone, correcting };
  const [attempt, setAttempt] = useState(0);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const values = useWatch({ control: form.control }) as EntryValues<V>;
  const typed = JSON.stringify(values);
  const refused = refusal !== null && refusal.values === typed ? refusal : null;
  const issues = refused?.issues ?? (attempt > 0 ? checkEntry(values, rules, serverNow().getTime()).issues : []);

  const onSubmit = form.handleSubmit(async (submitted) => {
    const checked = checkEntry(submitted, rules, serverNow().getTime());
    if (checked.request === null) {
      setRefusal(null);
      setAttempt((count) => count + 1);
      return;
    }
    const result = await options.save(checked.request);
    if (result.ok) {
      clearDraft(options.draftKey);
      options.onSaved(result.value);
      return;
    }
    const serverIssues = (result.error.issues ?? []).map((issue) => ({ ...issue, path: formPath(issue.path) }));
    // A refused witness types the password again rather than seeing it kept.
    if (serverIssues.some((issue) => issue.path.startsWith('witness'))) shared.setValue('witness.password', '');
    setRefusal({ issues: serverIssues, message: result.error.message, values: JSON.stringify(form.getValues()) });
    setAttempt((count) => count + 1);
  });

  const typedAt = parseOccurredAt(values.when, clinic.timeZone, 'when', [], serverNow().getTime());
  const findings = typedAt === null ? [] : (options.timingFindings?.(typedAt) ?? []);
  const state: EntrySubmitState = {
    messages: fieldMessages(issues),
    problems: [
      ...(refused === null ? [] : [{ path: null, message: refused.message }]),
      ...issues.map((issue) => ({ path: issue.path, message: issue.message })),
    ],
    attempt,
    submitting: form.formState.isSubmitting,
    onSubmit,
  };
  const frame: FrameEditor = {
    state,
    registrations: {
      date: shared.register('when.date'),
      time: shared.register('when.time'),
      reason: shared.register('correctionReason'),
      timingReason: shared.register('timingReason'),
      witnessUsername: shared.register('witness.username'),
      witnessPassword: shared.register('witness.password'),
    },
    when: values.when,
    setNow: () => shared.setValue('when', occurredAtValues(serverNow(), clinic.timeZone), { shouldDirty: true }),
    restored: initial.restored,
    correcting,
    timing: {
      findings,
      asked: findings.length > 0 || issues.some((issue) => issue.path === 'timingReason') || values.timingReason !== '',
    },
    discard: () => clearDraft(options.draftKey),
  };
  return { form, frame };
}
