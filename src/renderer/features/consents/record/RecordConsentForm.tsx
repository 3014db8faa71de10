import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import type { FieldIssue } from '../../../../contract/errors';
import type { ConsentDocumentVersion } from '../../../../contract/consent-methods';
import type { SignatureStrokes } from '../../../../domain/consent-signature';
import type { Patient } from '../../../../domain/patient';
import { formatPatientName } from '../../../../domain/patient';
import { useSignIn, useSignedIn } from '../../../app/sign-in-context';
import { ErrorSummary } from '../../../components/ErrorSummary';
import { SelectField } from '../../../components/SelectField';
import type { FieldProblem } from '../../../lib/form-errors';
import { fieldMessages, summaryProblems } from '../../../lib/field-messages';
import { fieldId, focusField } from '../../../lib/focus-field';
import { serverNow } from '../../../lib/server-clock';
import { hasSignedBefore, rememberSigning } from '../../../lib/signing-memory';
import { ClinicianFields } from './ClinicianFields';
import { ConsentText } from './ConsentText';
import { consentRecordFrom, consentRefusal, emptyConsentForm } from './consent-form';
import { SignaturePad } from './SignaturePad';
import { SignerFields } from './SignerFields';

const prefix = 'consent';

export interface ConsentPlanChoice {
  planRecordId: number;
  label: string;
}

/**
 * The consent as the signer and the clinician complete it together: the text and the points
 * to initial, the signer and their typed name, the drawn signature, then the clinician's
 * signature (and a witness's). A refusal keeps everything typed and drawn.
 */
export function RecordConsentForm({
  patient,
  documents,
  plans,
  initialDocumentVersionId,
  initialPlanRecordId,
  onRecorded,
  onTextChanged,
}: {
  patient: Patient;
  /** The current version of each of the clinic's consent documents. */
  documents: readonly ConsentDocumentVersion[];
  /** The patient's plans in force. */
  plans: readonly ConsentPlanChoice[];
  initialDocumentVersionId: number | null;
  initialPlanRecordId: number | null;
  onRecorded: (consentId: number) => void;
  /** Loads the clinic's current texts again (after a refusal because the text changed). */
  onTextChanged: () => void;
}) {
  const { api, refresh } = useSignIn();
  const { user } = useSignedIn();
  const { register, handleSubmit, control, formState } = useForm({
    defaultValues: emptyConsentForm(initialDocumentVersionId, initialPlanRecordId),
  });
  const [strokes, setStrokes] = useState<SignatureStrokes>([]);
  const [patientSignedAt, setPatientSignedAt] = useState<string | null>(null);
  const [askUserId, setAskUserId] = useState(() => !hasSignedBefore(user.id));
  const [fieldIssues, setFieldIssues] = useState<FieldIssue[]>([]);
  const [summary, setSummary] = useState<FieldProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [textChanged, setTextChanged] = useState(false);
  const documentVersionId = useWatch({ control, name: 'documentVersionId' });
  const signerKind = useWatch({ control, name: 'signer.kind' });
  const version = documents.find((candidate) => String(candidate.id) === documentVersionId);
  const messages = fieldMessages(fieldIssues);

  const fail = (problems: FieldProblem[], issues: FieldIssue[]) => {
    setSummary(problems);
    setFieldIssues(issues);
    setAttempt((count) => count + 1);
  };
  const changeStrokes = (next: SignatureStrokes) => {
    setStrokes(next);
    if (next.length === 0) setPatientSignedAt(null);
  };

  const submit = handleSubmit(async (values) => {
    const { input, issues } = consentRecordFrom(values, { patient, version, strokes, patientSignedAt, askUserId });
    if (input === null) {
      fail(summaryProblems(issues), issues);
      return;
    }
    const result = await api.call('consents.record', input);
    if (result.ok) {
      // The server counts this as the sign-in's first signing: later ones ask the password only.
      rememberSigning(user.id);
      onRecorded(result.value.id);
      return;
    }
    // The text changed while the patient read it: what they signed is not the current text.
    setTextChanged(result.error.code === 'CONFLICT');
    const refusal = consentRefusal(result.error);
    if (refusal.fields.some((issue) => issue.path === 'clinician.username')) setAskUserId(true);
    fail(refusal.summary, refusal.fields);
    if (result.error.code === 'ACCOUNT_LOCKED') await refresh(result.error.message);
  });

  const select = (path: string) => {
    if (!focusField(prefix, path)) document.getElementById(fieldId(prefix, path))?.focus();
  };

  return (
    <>
      <ErrorSummary problems={summary} attempt={attempt} onSelect={select} />
      {textChanged && (
        <p className="consent-text-changed">
          <button type="button" className="button button-primary" onClick={onTextChanged}>
            Show the current text
          </button>{' '}
          The signer then reads it, initials its points and signs again.
        </p>
      )}
      <form className="consent-form" onSubmit={(event) => void submit(event)} noValidate>
        <section className="card" aria-labelledby={fieldId(prefix, 'choice-title')}>
          <h2 id={fieldId(prefix, 'choice-title')}>Consent and plan</h2>
          <div className="form-grid">
            <SelectField
              id={fieldId(prefix, 'documentVersionId')}
              label="Consent document"
              registration={register('documentVersionId', { onChange: () => changeStrokes([]) })}
              error={messages.get('documentVersionId')}
            >
              <option value="">Choose the consent</option>
              {documents.map((document) => (
                <option key={document.id} value={String(document.id)}>
                  {document.content.title} (version {document.version})
                </option>
              ))}
            </SelectField>
            <SelectField
              id={fieldId(prefix, 'planRecordId')}
              label="Infusion plan (series) it is for"
              hint={plans.length === 0 ? 'The patient has no signed plan in force.' : undefined}
              registration={register('planRecordId')}
              error={messages.get('planRecordId')}
            >
              <option value="">
                {version?.content.renewForNewSeries === false ? 'Any series' : 'Choose the plan'}
              </option>
              {plans.map((plan) => (
                <option key={plan.planRecordId} value={String(plan.planRecordId)}>
                  {plan.label}
                </option>
              ))}
            </SelectField>
          </div>
        </section>
        {version === undefined ? (
          <p className="hint">Choose the consent document to show its text.</p>
        ) : (
          <>
            <section className="card">
              <ConsentText prefix={prefix} version={version} register={register} messages={messages} />
            </section>
            <section className="card consent-signing">
              <SignerFields
                prefix={prefix}
                patientName={formatPatientName(patient)}
                kind={signerKind}
                register={register}
                messages={messages}
              />
              <SignaturePad
                id={fieldId(prefix, 'strokes')}
                strokes={strokes}
                onChange={changeStrokes}
                onFinished={() => setPatientSignedAt(serverNow().toISOString())}
                error={messages.get('strokes')}
              />
            </section>
            <section className="card">
              <ClinicianFields
                prefix={prefix}
                user={user}
                askUserId={askUserId}
                witnessRequired={version.content.witnessRequired}
                register={register}
                messages={messages}
              />
            </section>
          </>
        )}
        <div className="actions">
          <button
            type="submit"
            className="button button-primary"
            disabled={formState.isSubmitting || version === undefined}
          >
            {formState.isSubmitting ? 'Recording…' : 'Record consent'}
          </button>
          <Link className="button button-secondary" to={`/patients/${patient.id}`}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
