import { useEffect, useState } from 'react';
import { useFieldArray, useForm, useWatch } from 'react-hook-form';
import type { FieldIssue } from '../../../contract/errors';
import type { SessionConfiguration } from '../../../domain/session-configuration';
import { preSessionScaleIds, preSessionScaleLabels } from '../../../domain/session-configuration';
import { formatDateTime } from '../../../domain/time';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { CheckboxField } from '../../components/CheckboxField';
import { isStaleSave, StaleSaveNotice } from '../../components/StaleSaveNotice';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Notice } from '../../components/Notice';
import { clearDraft, readDraft, writeDraft } from '../../lib/drafts';
import { fieldMessages, summaryProblems } from '../../lib/field-messages';
import { fieldId, focusField } from '../../lib/focus-field';
import type { CriteriaActions } from './DischargeCriteriaFieldset';
import { DischargeCriteriaFieldset, rowButtonId, settingsPrefix } from './DischargeCriteriaFieldset';
import { PretreatmentRequirementsFieldset } from './PretreatmentRequirementsFieldset';
import { RiskScreenFieldset } from './RiskScreenFieldset';
import { riskScreenProblemText } from './risk-screen-form';
import { ResponseDefinitionsFieldset } from './ResponseDefinitionsFieldset';
import { InfusionMonitoringFieldset } from './InfusionMonitoringFieldset';
import type { SessionConfigurationFormValues } from './session-configuration-form-values';
import {
  criterionName,
  sessionConfigurationFormPath,
  sessionConfigurationFormValues,
  sessionConfigurationFormValuesSchema,
  sessionConfigurationFrom,
} from './session-configuration-form-values';
import '../../styles/clinic.css';

/** Focus after React has put the moved row in its new place. */
const focusSoon = (...ids: string[]) =>
  requestAnimationFrame(() => {
    for (const id of ids) {
      const element = document.getElementById(id);
      if (element instanceof HTMLButtonElement && !element.disabled) {
        element.focus();
        return;
      }
    }
  });

/**
 * What the clinic asks at every infusion session: the scales of the pre-infusion checklist
 * and the discharge criteria. Saved as a new version; what is typed is kept in this window
 * until then, so a reload or the lock screen loses nothing.
 */
export function SessionConfigurationForm({
  configuration,
  onSaved,
}: {
  configuration: SessionConfiguration;
  onSaved: (saved: SessionConfiguration) => void;
}) {
  const api = useApi();
  const { clinic } = useSignedIn();
  const draftKey = `session-configuration-v${configuration.version}`;
  const [restored] = useState(() => {
    const parsed = sessionConfigurationFormValuesSchema.safeParse(readDraft(draftKey));
    return parsed.success ? parsed.data : null;
  });
  const { control, register, handleSubmit, subscribe, getValues, setValue, reset } =
    useForm<SessionConfigurationFormValues>({
      defaultValues: restored ?? sessionConfigurationFormValues(configuration.content),
    });
  const rows = useFieldArray({ control, name: 'criteria' });
  const criteria = useWatch({ control, name: 'criteria' });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  // A save refused because another administrator saved since: kept until the latest is loaded.
  const [stale, setStale] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const messages = fieldMessages(issues);

  // A draft only while something differs from what is saved: else a later visit would offer
  // to restore "unsaved changes" that are none.
  const baseline = JSON.stringify(sessionConfigurationFormValues(configuration.content));
  useEffect(
    () =>
      subscribe({
        formState: { values: true },
        callback: ({ values }) => {
          if (JSON.stringify(values) === baseline) clearDraft(draftKey);
          else writeDraft(draftKey, values);
        },
      }),
    [subscribe, draftKey, baseline],
  );

  const describe = (issue: FieldIssue) => {
    const question = riskScreenProblemText(issue);
    if (question !== null) return question;
    const row = /^criteria\.(\d+)/.exec(issue.path);
    return row?.[1] === undefined
      ? issue.message
      : `${criterionName(getValues('criteria'), Number(row[1]))}: ${issue.message}`;
  };

  const fail = (found: FieldIssue[]) => {
    setIssues(found);
    setAttempt((count) => count + 1);
  };

  const submit = handleSubmit(async (values) => {
    setSaved(false);
    const { content, issues: found } = sessionConfigurationFrom(values);
    if (found.length > 0) {
      fail(found);
      return;
    }
    setSaving(true);
    const result = await api.call('clinic.sessionConfiguration.update', {
      expectedVersion: configuration.version,
      content,
    });
    setSaving(false);
    if (result.ok) {
      setIssues([]);
      clearDraft(draftKey);
      setSaved(true);
      reset(sessionConfigurationFormValues(result.value.content));
      onSaved(result.value);
      return;
    }
    if (isStaleSave(result.error)) {
      setStale(result.error.message);
      return;
    }
    const serverIssues = result.error.issues ?? [];
    fail([
      { path: '', message: result.error.message },
      ...serverIssues.map((issue) => ({ path: sessionConfigurationFormPath(issue.path), message: issue.message })),
    ]);
  });

  // Chosen after the refusal said so: what was typed here gives way to what is stored now.
  const loadLatest = async () => {
    const result = await api.call('clinic.sessionConfiguration.get', {});
    if (!result.ok) return fail([{ path: '', message: result.error.message }]);
    clearDraft(draftKey);
    setStale(null);
    setIssues([]);
    reset(sessionConfigurationFormValues(result.value.content));
    onSaved(result.value);
  };

  const labelOf = (index: number) => getValues(`criteria.${index}.label`).trim() || 'The new criterion';
  const actions: CriteriaActions = {
    move: (index, direction) => {
      const all = getValues('criteria');
      // Retired criteria are not shown in the list: move past them to the next one in use.
      let target = index + direction;
      while (all[target]?.retired === true) target += direction;
      const field = rows.fields[index];
      if (all[target] === undefined || field === undefined) return;
      rows.move(index, target);
      const position = all.slice(0, target).filter((criterion) => !criterion.retired).length + (direction > 0 ? 0 : 1);
      setAnnouncement(`${labelOf(target)} moved ${direction < 0 ? 'up' : 'down'}: now criterion ${position}.`);
      const same = direction < 0 ? 'up' : 'down';
      focusSoon(rowButtonId(field, same), rowButtonId(field, same === 'up' ? 'down' : 'up'));
    },
    retire: (index) => {
      const field = rows.fields[index];
      setValue(`criteria.${index}.retired`, true, { shouldDirty: true });
      setAnnouncement(`“${labelOf(index)}” retired: it is listed under Retired criteria until you save.`);
      if (field !== undefined) focusSoon(rowButtonId(field, 'restore'));
    },
    restore: (index) => {
      const field = rows.fields[index];
      setValue(`criteria.${index}.retired`, false, { shouldDirty: true });
      setAnnouncement(`“${labelOf(index)}” is back in the list.`);
      if (field !== undefined) focusSoon(rowButtonId(field, 'retire'));
    },
    remove: (index) => {
      setAnnouncement(`${labelOf(index)} removed.`);
      rows.remove(index);
      focusSoon(`${settingsPrefix}-add`);
    },
    add: () => {
      rows.append({ code: '', label: '', retired: false }, { focusName: `criteria.${rows.fields.length}.label` });
    },
  };

  const discardChanges = () => {
    clearDraft(draftKey);
    setIssues([]);
    setSaved(false);
    reset(sessionConfigurationFormValues(configuration.content));
  };

  return (
    <section className="card" aria-labelledby="session-settings-title">
      <h2 id="session-settings-title">Infusion sessions</h2>
      {saved && (
        <Notice tone="success" live="status">
          Session settings saved as version {configuration.version}. New checklists and discharges use them; sessions
          already charted keep what they recorded.
        </Notice>
      )}
      {restored !== null && !saved && (
        <Notice tone="info">Your unsaved changes from before are restored. Save them, or discard them.</Notice>
      )}
      {stale !== null && <StaleSaveNotice message={stale} onLoadLatest={() => void loadLatest()} />}
      <ErrorSummary
        problems={summaryProblems(issues, describe)}
        attempt={attempt}
        onSelect={(path) => focusField(settingsPrefix, path)}
      />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset className="session-fieldset" id={fieldId(settingsPrefix, 'scales')}>
          <legend className="form-section-title">Pre-session scales</legend>
          <p className="hint">What the nurse records on the pre-infusion checklist before each infusion.</p>
          {preSessionScaleIds.map((scale) => (
            <CheckboxField
              key={scale}
              id={fieldId(settingsPrefix, `scales.${scale}`)}
              label={preSessionScaleLabels[scale]}
              registration={register(`scales.${scale}`)}
              error={messages.get(`scales.${scale}`)}
            />
          ))}
        </fieldset>
        <DischargeCriteriaFieldset
          fields={rows.fields}
          criteria={criteria}
          register={register}
          messages={messages}
          actions={actions}
          announcement={announcement}
        />
        <RiskScreenFieldset control={control} register={register} messages={messages} />
        <PretreatmentRequirementsFieldset control={control} register={register} messages={messages} />
        <ResponseDefinitionsFieldset control={control} register={register} messages={messages} />
        <InfusionMonitoringFieldset register={register} messages={messages} />
        <div className="actions actions-bar">
          <button type="submit" className="button button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save session settings'}
          </button>
          <button type="button" className="button button-secondary" onClick={discardChanges}>
            Discard changes
          </button>
        </div>
        <p className="hint">
          {configuration.version === 0 || configuration.createdAt === null
            ? 'The starter settings: not changed yet.'
            : `Version ${configuration.version}, saved by ${configuration.createdBy ?? 'Not known'} ${formatDateTime(configuration.createdAt, clinic.timeZone)}`}
        </p>
      </form>
    </section>
  );
}
