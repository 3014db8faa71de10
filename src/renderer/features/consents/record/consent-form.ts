import type { FieldIssue } from '../../../../contract/errors';
import type { ConsentDocumentVersion } from '../../../../contract/consent-methods';
import type { MethodInput } from '../../../../contract/methods';
import type { SignatureStrokes } from '../../../../domain/consent-signature';
import { signatureProblem, typedNameIs, typedNameMatches } from '../../../../domain/consent-signature';

/** The consent form as typed. Passwords live only here, never in a saved draft. */
export interface ConsentFormValues {
  documentVersionId: string;
  /** "" when no plan is chosen. */
  planRecordId: string;
  signer: { kind: 'patient' | 'representative'; name: string; relationship: string };
  typedName: string;
  /** Point ID → initialled. */
  initialled: Record<string, boolean>;
  clinician: { username: string; password: string };
  witness: { username: string; password: string };
}

export function emptyConsentForm(documentVersionId: number | null, planRecordId: number | null): ConsentFormValues {
  return {
    documentVersionId: documentVersionId === null ? '' : String(documentVersionId),
    planRecordId: planRecordId === null ? '' : String(planRecordId),
    signer: { kind: 'patient', name: '', relationship: '' },
    typedName: '',
    initialled: {},
    clinician: { username: '', password: '' },
    witness: { username: '', password: '' },
  };
}

export interface ConsentFormContext {
  patient: { id: number; givenNames: string; familyName: string };
  /** The version shown on screen, the one the patient read. */
  version: ConsentDocumentVersion | undefined;
  strokes: SignatureStrokes;
  /** When the patient lifted the pen from the last stroke (UTC ISO), null before they signed. */
  patientSignedAt: string | null;
  /** The first signing of a sign-in asks for the user ID as well as the password. */
  askUserId: boolean;
}

/**
 * What `consents.record` needs, or the problems in words next to their fields. The server
 * checks all of it again; these checks only spare the patient a round trip.
 */
export function consentRecordFrom(
  values: ConsentFormValues,
  context: ConsentFormContext,
): { input: MethodInput<'consents.record'> | null; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const { version } = context;
  if (version === undefined) issues.push({ path: 'documentVersionId', message: 'Choose the consent to record' });
  if (values.planRecordId === '' && version?.content.renewForNewSeries === true) {
    issues.push({ path: 'planRecordId', message: 'Choose the plan this consent is for' });
  }
  const representative = values.signer.kind === 'representative';
  if (representative && values.signer.name.trim() === '') {
    issues.push({ path: 'signer.name', message: 'Enter the representative’s full name' });
  }
  if (representative && values.signer.relationship.trim() === '') {
    issues.push({ path: 'signer.relationship', message: 'Enter their relationship to the patient' });
  }
  for (const point of version?.content.initialPoints ?? []) {
    if (values.initialled[point.id] !== true) {
      issues.push({ path: `initialled.${point.id}`, message: `Initial “${point.text}”, or do not sign` });
    }
  }
  const typed = values.typedName.trim();
  if (typed === '') issues.push({ path: 'typedName', message: 'The signer types their full name' });
  else if (
    representative
      ? values.signer.name.trim() !== '' && !typedNameIs(typed, values.signer.name)
      : !typedNameMatches(typed, context.patient)
  ) {
    issues.push({
      path: 'typedName',
      message: representative
        ? 'This is not the name entered for the representative: they type their own full name'
        : 'This is not the patient’s name: the patient types their own full name',
    });
  }
  const drawn = signatureProblem(context.strokes);
  if (drawn !== null) issues.push({ path: 'strokes', message: drawn });
  if (context.askUserId && values.clinician.username.trim() === '') {
    issues.push({ path: 'clinician.username', message: 'Enter your user ID' });
  }
  if (values.clinician.password === '') issues.push({ path: 'clinician.password', message: 'Enter your password' });
  const witnessRequired = version?.content.witnessRequired === true;
  if (witnessRequired && values.witness.username.trim() === '') {
    issues.push({ path: 'witness.username', message: 'Enter the witness’s user ID' });
  }
  if (witnessRequired && values.witness.password === '') {
    issues.push({ path: 'witness.password', message: 'Enter the witness’s password' });
  }
  if (issues.length > 0 || version === undefined || context.patientSignedAt === null) return { input: null, issues };
  return {
    input: {
      patientId: context.patient.id,
      planRecordId: values.planRecordId === '' ? null : Number(values.planRecordId),
      documentVersionId: version.id,
      textSha256: version.textSha256,
      signer: representative
        ? { kind: 'representative', name: values.signer.name.trim(), relationship: values.signer.relationship.trim() }
        : { kind: 'patient' },
      typedName: typed,
      initialled: version.content.initialPoints.map((point) => point.id),
      strokes: context.strokes,
      patientSignedAt: context.patientSignedAt,
      clinician: {
        password: values.clinician.password,
        ...(context.askUserId ? { username: values.clinician.username.trim() } : {}),
      },
      ...(witnessRequired
        ? { witness: { username: values.witness.username.trim(), password: values.witness.password } }
        : {}),
    },
    issues,
  };
}

/** Where a server issue belongs on this form: the signer's own credentials are the clinician's fields. */
const serverPaths: Readonly<Record<string, string>> = {
  username: 'clinician.username',
  password: 'clinician.password',
  witness: 'witness.username',
  signer: 'signer.name',
  // When the patient signed is the moment the pen left the box: the signature is where to look.
  patientSignedAt: 'strokes',
};

/**
 * A refusal from `consents.record` on the form: its message at the top (it says what happened
 * and what to do), leading to the first field it is about; the short field words beside each field.
 */
export function consentRefusal(error: { message: string; issues?: readonly FieldIssue[] | undefined }): {
  summary: { path: string | null; message: string }[];
  fields: FieldIssue[];
} {
  const fields = (error.issues ?? []).map((issue) => ({
    path: serverPaths[issue.path] ?? issue.path,
    message: issue.message,
  }));
  return { summary: [{ path: fields[0]?.path ?? null, message: error.message }], fields };
}
