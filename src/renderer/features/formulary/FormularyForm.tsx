import { useEffect, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { FieldIssue } from '../../../contract/errors';
import type { Formulary } from '../../../domain/formulary';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { clearDraft, readDraft, writeDraft } from '../../lib/drafts';
import { fieldMessages, summaryProblems } from '../../lib/field-messages';
import type { FieldProblem } from '../../lib/form-errors';
import { focusField } from '../../lib/focus-field';
import { DrugFieldset } from './DrugFieldset';
import { FormularySaveDialog } from './FormularySaveDialog';
import { checkFormulary, formPath } from './formulary-form-content';
import type { FormularyFormValues } from './formulary-form-values';
import { emptyDrugValues, formValuesFromFormulary, formularyFormValuesSchema } from './formulary-form-values';
import { PumpsFieldset } from './PumpsFieldset';
import { ScreeningItemsFieldset } from './ScreeningItemsFieldset';

/** "Drug 2 (Ketamine): …" so a message in the summary says which drug or question it is about. */
function describe(issue: FieldIssue, values: FormularyFormValues): string {
  const drug = /^drugs\.(\d+)/.exec(issue.path);
  if (drug?.[1] !== undefined) {
    const index = Number(drug[1]);
    const name = values.drugs[index]?.name.trim() ?? '';
    return `Drug ${index + 1}${name === '' ? '' : ` (${name})`}: ${issue.message}`;
  }
  const item = /^screeningItems\.(\d+)/.exec(issue.path);
  if (item?.[1] !== undefined) return `Screening question ${Number(item[1]) + 1}: ${issue.message}`;
  const pump = /^pumps\.(\d+)/.exec(issue.path);
  if (pump?.[1] !== undefined) return `Pump ${Number(pump[1]) + 1}: ${issue.message}`;
  return issue.message;
}

/**
 * The whole formulary as one form, saved as a new version. What is typed is kept in this
 * window as it is typed, so a reload or the lock screen loses nothing.
 */
export function FormularyForm({
  formulary,
  onSaved,
  onLoadLatest,
}: {
  formulary: Formulary;
  onSaved: (saved: Formulary) => void;
  /** Reads the formulary in force again, after another administrator saved a version. */
  onLoadLatest: () => void;
}) {
  const draftKey = `formulary-v${formulary.version}`;
  const [restored] = useState(() => {
    const parsed = formularyFormValuesSchema.safeParse(readDraft(draftKey));
    return parsed.success ? parsed.data : null;
  });
  const { control, register, handleSubmit, subscribe, getValues, reset } = useForm<FormularyFormValues>({
    defaultValues: restored ?? formValuesFromFormulary(formulary.content),
  });
  const drugs = useFieldArray({ control, name: 'drugs' });
  const items = useFieldArray({ control, name: 'screeningItems' });
  const pumps = useFieldArray({ control, name: 'pumps' });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [summary, setSummary] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [pending, setPending] = useState<ReturnType<typeof checkFormulary>['content'] | null>(null);
  const [showRestored, setShowRestored] = useState(restored !== null);
  const messages = fieldMessages(issues);

  useEffect(
    () => subscribe({ formState: { values: true }, callback: ({ values }) => writeDraft(draftKey, values) }),
    [subscribe, draftKey],
  );

  const fail = (found: FieldIssue[]) => {
    setIssues(found);
    setSummary(summaryProblems(found, (issue) => describe(issue, getValues())));
    setAttempt((count) => count + 1);
  };

  const submit = handleSubmit((values) => {
    const { content, issues: found } = checkFormulary(values);
    if (found.length > 0) {
      fail(found);
      return;
    }
    // Saved only once the administrator confirms it with a password and a reason.
    setPending(content);
  });

  const saved = (value: Formulary) => {
    setPending(null);
    setIssues([]);
    setSummary([]);
    clearDraft(draftKey);
    onSaved(value);
  };

  const contentProblems = (found: FieldIssue[], message: string) => {
    setPending(null);
    fail(
      found.length === 0
        ? [{ path: '', message }]
        : found.map((issue) => ({ path: formPath(issue.path.replace(/^content\.?/, '')), message: issue.message })),
    );
  };

  const addDrug = () => {
    drugs.append(emptyDrugValues, { focusName: `drugs.${drugs.fields.length}.name` });
  };

  const discardChanges = () => {
    clearDraft(draftKey);
    setIssues([]);
    setSummary([]);
    setShowRestored(false);
    reset(formValuesFromFormulary(formulary.content));
  };

  return (
    <>
      <form onSubmit={(event) => void submit(event)} noValidate>
        {showRestored && (
          <Notice tone="info" live="status">
            Your unsaved changes from before are restored. Save them as a new version, or discard them.
          </Notice>
        )}
        <ErrorSummary problems={summary} attempt={attempt} onSelect={(path) => focusField('formulary', path)} />
        <section className="card" aria-labelledby="drugs-title">
          <h2 id="drugs-title">Drugs</h2>
          {drugs.fields.length === 0 ? (
            <div className="empty-state">
              <p className="empty-state-title">No drugs configured</p>
              <p>Physicians cannot write infusion plans until your clinic adds a drug here.</p>
            </div>
          ) : (
            drugs.fields.map((field, index) => (
              <DrugFieldset
                key={field.id}
                index={index}
                control={control}
                register={register}
                messages={messages}
                onRemove={() => drugs.remove(index)}
              />
            ))
          )}
          <button type="button" className="button button-secondary" onClick={addDrug}>
            Add a drug
          </button>
        </section>
        <ScreeningItemsFieldset
          fields={items.fields}
          register={register}
          messages={messages}
          onAdd={() =>
            items.append({ code: '', label: '' }, { focusName: `screeningItems.${items.fields.length}.label` })
          }
          onRemove={(index) => items.remove(index)}
        />
        <PumpsFieldset
          fields={pumps.fields}
          register={register}
          messages={messages}
          onAdd={() =>
            pumps.append(
              { code: '', name: '', kind: '', rateStepMlPerH: '' },
              { focusName: `pumps.${pumps.fields.length}.name` },
            )
          }
          onRemove={(index) => pumps.remove(index)}
        />
        <div className="actions actions-bar">
          <button type="submit" className="button button-primary" disabled={pending !== null}>
            {`Save as version ${formulary.version + 1}…`}
          </button>
          <button type="button" className="button button-secondary" onClick={discardChanges}>
            Discard changes
          </button>
        </div>
      </form>
      {/* Outside the form: the dialog has a form of its own, and forms do not nest. */}
      {pending !== null && (
        <FormularySaveDialog
          before={formulary}
          content={pending}
          onClose={() => setPending(null)}
          onSaved={saved}
          onContentProblems={contentProblems}
          onLoadLatest={() => {
            // Chosen after the refusal said so: this window's copy must not come back over the latest.
            clearDraft(draftKey);
            onLoadLatest();
          }}
        />
      )}
    </>
  );
}
