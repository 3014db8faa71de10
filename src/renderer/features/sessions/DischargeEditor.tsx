import { useWatch } from 'react-hook-form';
import type { SessionEntryBody } from '../../../domain/infusion-session';
import { criteriaInForce } from '../../../domain/session-configuration';
import { effectiveEntries } from '../../../domain/session-state';
import type { SessionEntryView, SessionView } from '../../../domain/session-view';
import { useApi } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { CheckboxField } from '../../components/CheckboxField';
import { TextArea } from '../../components/TextArea';
import { TextField } from '../../components/TextField';
import { fieldId } from '../../lib/focus-field';
import type { DischargeFormValues } from './discharge-form';
import { dischargeFormValues, dischargeFrom } from './discharge-form';
import { EntryEditorFrame, editorPrefix } from './EntryEditorFrame';
import { GapExplanationFields } from './GapExplanationFields';
import { saveEntry } from './save-entry';
import { sessionGaps } from './session-gaps';
import { useEntryEditor } from './use-entry-editor';
import { VitalsFields } from './VitalsFields';

type DischargeEntry = Extract<SessionEntryView, { kind: 'discharge' }>;

const id = (path: string) => fieldId(editorPrefix, `content.${path}`);

/** The escort named at the checklist, offered again at discharge. */
function checklistEscort(session: SessionView): string {
  const checklist = effectiveEntries(session.entries).find((entry) => entry.kind === 'checklist');
  return checklist?.kind === 'checklist' ? checklist.content.escortName : '';
}

interface DischargeEditorProps {
  session: SessionView;
  correcting: DischargeEntry | null;
  onSaved: (view: SessionView) => void;
  onCancel: () => void;
}

/**
 * Discharge: the clinic's criteria in force (from its session settings), vital signs,
 * escort, instructions given, notes. A correction keeps the criteria, worded as recorded.
 */
export function DischargeEditor(props: DischargeEditorProps) {
  const { loaded } = useCall('clinic.sessionConfiguration.get', {});
  if (props.correcting !== null) return <DischargeForm {...props} criteria={[]} draftKey="" instructionsOf={null} />;
  if (loaded.status !== 'ready') return <LoadState loaded={loaded} what="clinic's discharge criteria" />;
  return (
    <DischargeForm
      {...props}
      criteria={criteriaInForce(loaded.value.content)}
      // A draft ticked against an earlier list would be refused: each version keeps its own.
      draftKey={`-settings-v${loaded.value.version}`}
      instructionsOf={loaded.value.content.dischargeInstructions?.text.trim() ? loaded.value.version : null}
    />
  );
}

function DischargeForm({
  session,
  correcting,
  onSaved,
  onCancel,
  criteria: inForce,
  draftKey,
  instructionsOf,
}: DischargeEditorProps & {
  criteria: readonly { itemId: string; label: string }[];
  draftKey: string;
  /** The settings version whose written instructions a new discharge stores when given; null for none. */
  instructionsOf: number | null;
}) {
  const api = useApi();
  const { form, frame } = useEntryEditor<DischargeFormValues, SessionEntryBody>({
    draftKey: `session-${session.id}-discharge-${correcting?.id ?? 'new'}${draftKey}`,
    content: dischargeFormValues(
      correcting?.content ?? null,
      inForce,
      checklistEscort(session),
      sessionGaps(session, correcting?.id ?? null),
    ),
    correctingAt: correcting?.occurredAt ?? null,
    build: (values, issues) => {
      const content = dischargeFrom(values, issues);
      return content === null ? null : { kind: 'discharge', content };
    },
    save: (request) => saveEntry(api, session.id, correcting?.id ?? null, request),
    onSaved,
  });
  const { register } = form;
  const messages = frame.state.messages;
  const criteria = useWatch({ control: form.control, name: 'content.criteria' });
  const gaps = useWatch({ control: form.control, name: 'content.gapExplanations' });
  const met = criteria.filter((item) => item.met).length;
  const criteriaError = messages.get('content.criteria');
  return (
    <EntryEditorFrame
      title={correcting === null ? 'Record the discharge' : 'Correct the discharge'}
      editor={frame}
      saveLabel={correcting === null ? 'Save the discharge' : 'Save the correction'}
      onCancel={onCancel}
    >
      <fieldset className="session-fieldset" id={id('criteria')}>
        <legend className="form-section-title">Discharge criteria</legend>
        <p className="hint">Tick each criterion the patient meets now.</p>
        {criteriaError !== undefined && (
          <p className="field-error">
            <span className="visually-hidden">Error </span>
            {criteriaError}
          </p>
        )}
        {criteria.map((item, index) => (
          <CheckboxField
            key={item.itemId}
            id={id(`criteria.${index}`)}
            label={item.label}
            registration={register(`content.criteria.${index}.met`)}
          />
        ))}
        <p className="session-scale-total" aria-live="polite">
          {met} of {criteria.length} criteria met
        </p>
      </fieldset>
      <VitalsFields
        prefix={editorPrefix}
        path="content.vitals"
        legend="Vital signs at discharge"
        register={(name) => register(`content.vitals.${name}`)}
        messages={messages}
        optional={['temperatureC']}
      />
      <GapExplanationFields
        prefix={editorPrefix}
        gaps={gaps}
        intervalMin={session.monitoringIntervalMin}
        day={session.createdAt}
        register={(index) => register(`content.gapExplanations.${index}.explanation`)}
        messages={messages}
      />
      <TextField
        id={id('escortName')}
        label="Escort's name"
        hint="The responsible adult who takes the patient home."
        autoComplete="off"
        className="input-long"
        registration={register('content.escortName')}
        error={messages.get('content.escortName')}
      />
      <CheckboxField
        id={id('instructionsGiven')}
        label="Discharge instructions given and understood"
        hint={
          instructionsOf === null
            ? undefined
            : `Your clinic’s written instructions (session settings version ${instructionsOf}) are stored with the discharge as given, with your name and the time, and printed in the session record.`
        }
        registration={register('content.instructionsGiven')}
        error={messages.get('content.instructionsGiven')}
      />
      <TextArea
        id={id('notes')}
        label="Notes"
        optional
        registration={register('content.notes')}
        error={messages.get('content.notes')}
        rows={2}
      />
    </EntryEditorFrame>
  );
}
