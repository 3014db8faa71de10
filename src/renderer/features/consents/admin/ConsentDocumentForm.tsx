import { useEffect, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { FieldIssue } from '../../../../contract/errors';
import type { ConsentDocumentVersion } from '../../../../contract/consent-methods';
import type { ConsentDocumentContent } from '../../../../domain/consent';
import { useApi } from '../../../app/sign-in-context';
import { CheckboxField } from '../../../components/CheckboxField';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { Notice } from '../../../components/Notice';
import { isStaleSave, StaleSaveNotice } from '../../../components/StaleSaveNotice';
import { TextArea } from '../../../components/TextArea';
import { TextField } from '../../../components/TextField';
import { clearDraft, readDraft, writeDraft } from '../../../lib/drafts';
import { fieldMessages, summaryProblems } from '../../../lib/field-messages';
import { fieldId, focusField } from '../../../lib/focus-field';
import type { ConsentDocumentValues } from './consent-document-values';
import {
  consentDocumentValuesSchema,
  documentFromValues,
  formPathOf,
  valuesFromContent,
} from './consent-document-values';
import { InitialPointRows } from './InitialPointRows';
import { ReadingLevelNote } from './ReadingLevelNote';

const id = (path: string) => fieldId('consent', path);

/** A draft kept in this tab (sessionStorage); none where there is no window (the server renderer). */
function restoredDraft(key: string): ConsentDocumentValues | null {
  if (typeof sessionStorage === 'undefined') return null;
  const parsed = consentDocumentValuesSchema.safeParse(readDraft(key));
  return parsed.success ? parsed.data : null;
}

/**
 * A consent document written as a new version (or a new document, from the template's headings).
 * Earlier versions stay as they were: consents already signed name the version they bind.
 */
export function ConsentDocumentForm({
  documentId,
  expectedVersion,
  start,
  onSaved,
  onCancel,
  onLoadLatest,
}: {
  /** Null for a new document. */
  documentId: number | null;
  /** The version being edited; 0 for a new document. A stale one is refused (CONFLICT). */
  expectedVersion: number;
  start: ConsentDocumentContent;
  onSaved: (saved: ConsentDocumentVersion) => void;
  onCancel: () => void;
  onLoadLatest: () => void;
}) {
  const api = useApi();
  const draftKey = `consent-document-${documentId ?? 'new'}-v${expectedVersion}`;
  const [restored] = useState(() => restoredDraft(draftKey));
  const { control, register, handleSubmit, subscribe, formState } = useForm<ConsentDocumentValues>({
    defaultValues: restored ?? valuesFromContent(start),
  });
  const points = useFieldArray({ control, name: 'initialPoints' });
  const body = useWatch({ control, name: 'body' });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [stale, setStale] = useState<string | null>(null);
  const messages = fieldMessages(issues);
  const nextVersion = expectedVersion + 1;

  // The button that opened the form is gone: the form's first field takes focus instead of the page.
  useEffect(() => document.getElementById(id('title'))?.focus(), []);

  useEffect(
    () => subscribe({ formState: { values: true }, callback: ({ values }) => writeDraft(draftKey, values) }),
    [subscribe, draftKey],
  );

  const fail = (found: FieldIssue[]) => {
    setIssues(found);
    setAttempt((count) => count + 1);
  };

  const submit = handleSubmit(async (values) => {
    setStale(null);
    const { input, issues: found } = documentFromValues(values);
    if (input === null) {
      fail(found);
      return;
    }
    const result = await api.call('consents.saveDocument', { documentId, expectedVersion, ...input });
    if (result.ok) {
      setIssues([]);
      clearDraft(draftKey);
      onSaved(result.value);
      return;
    }
    const { error } = result;
    if (isStaleSave(error)) {
      setStale(error.message);
      return;
    }
    // A refusal of the whole ("Nothing changed…") has no field: it shows in the summary alone.
    const onFields = (error.issues ?? []).map((issue) => ({ path: formPathOf(issue.path), message: issue.message }));
    fail(onFields.length > 0 ? onFields : [{ path: '', message: error.message }]);
  });

  const cancel = () => {
    clearDraft(draftKey);
    onCancel();
  };

  return (
    <section className="card" aria-labelledby="consent-form-title">
      <h2 id="consent-form-title">
        {documentId === null ? 'New consent document' : `${start.title}: version ${nextVersion}`}
      </h2>
      {restored !== null && (
        <Notice tone="info" live="status">
          Your unsaved changes from before are restored. Save them as a new version, or cancel to discard them.
        </Notice>
      )}
      {stale !== null && (
        <StaleSaveNotice
          message={stale}
          replaces="the text typed here"
          onLoadLatest={() => {
            clearDraft(draftKey);
            onLoadLatest();
          }}
        />
      )}
      <form onSubmit={(event) => void submit(event)} noValidate>
        <ErrorSummary
          problems={summaryProblems(issues)}
          attempt={attempt}
          onSelect={(path) => focusField('consent', path)}
        />
        <TextField
          id={id('title')}
          label="Title"
          hint="As the patient sees it at the top of the page, for example: Consent to a series of ketamine infusions."
          autoComplete="off"
          dir="auto"
          maxLength={200}
          registration={register('title')}
          error={messages.get('title')}
        />
        <TextArea
          id={id('body')}
          label="Text the patient reads"
          hint="Your clinic's own words under each heading. A line starting with “# ” is a heading."
          rows={24}
          registration={register('body')}
          error={messages.get('body')}
        />
        <ReadingLevelNote id={id('reading-level')} text={body} />
        <InitialPointRows
          fields={points.fields}
          register={register}
          messages={messages}
          onAdd={() => points.append({ id: '', text: '' }, { focusName: `initialPoints.${points.fields.length}.text` })}
          onRemove={(index) => points.remove(index)}
        />
        <TextField
          id={id('indicationCodes')}
          label="Indications it covers"
          hint="ICD-10 codes or their first characters, separated by commas, for example F32, F33, F43.1. Left empty, it covers every indication."
          optional
          autoComplete="off"
          spellCheck={false}
          registration={register('indicationCodes')}
          error={messages.get('indicationCodes')}
        />
        <TextField
          id={id('validMonths')}
          label="Valid for (months)"
          hint="Counted from the patient's signature. Left empty, it stays valid until withdrawn or renewed."
          optional
          inputMode="numeric"
          autoComplete="off"
          className="input-short"
          registration={register('validMonths')}
          error={messages.get('validMonths')}
        />
        <fieldset className="field">
          <legend className="field-label">When a new consent is needed, and who signs</legend>
          <CheckboxField
            id={id('renewForNewSeries')}
            label="A new series needs a new consent"
            registration={register('renewForNewSeries')}
            error={messages.get('renewForNewSeries')}
          />
          <CheckboxField
            id={id('renewForNewText')}
            label="A new version of this text needs a new consent"
            hint="Consents already signed name the version they bind either way."
            registration={register('renewForNewText')}
            error={messages.get('renewForNewText')}
          />
          <CheckboxField
            id={id('witnessRequired')}
            label="A witness must sign"
            registration={register('witnessRequired')}
            error={messages.get('witnessRequired')}
          />
        </fieldset>
        <TextArea
          id={id('reason')}
          label="Reason for this version"
          hint="Kept with the version and shown in its history, for example: wording approved by the medical director. At most 1,000 characters."
          maxLength={1000}
          registration={register('reason')}
          error={messages.get('reason')}
        />
        <div className="actions actions-bar">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Saving…' : `Save as version ${nextVersion}`}
          </button>
          <button type="button" className="button button-secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}
