import { createElement } from 'react';
import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsentDocumentVersion } from '../../src/contract/consent-methods';
import type { ConsentDocumentContent } from '../../src/domain/consent';
import type { SignatureStrokes } from '../../src/domain/consent-signature';
import type { Patient } from '../../src/domain/patient';
import type { SignIn } from '../../src/services/sign-in';
import { SignInContext } from '../../src/renderer/app/sign-in-context';
import type { SignInContextValue } from '../../src/renderer/app/sign-in-context';
import { ConsentList } from '../../src/renderer/features/consents/record/ConsentList';
import type { ConsentFormValues } from '../../src/renderer/features/consents/record/consent-form';
import {
  consentRecordFrom,
  consentRefusal,
  emptyConsentForm,
} from '../../src/renderer/features/consents/record/consent-form';
import { consentTextBlocks } from '../../src/renderer/features/consents/record/consent-text';
import { RecordConsentForm } from '../../src/renderer/features/consents/record/RecordConsentForm';
import { RecordConsentView } from '../../src/renderer/features/consents/record/RecordConsentPage';
import { WithdrawConsentDialog } from '../../src/renderer/features/consents/record/WithdrawConsentDialog';
import { patientInput } from '../support/fixtures';
import { signedPlanFor } from '../support/session-entries';
import type { TestApp } from '../support/test-app';
import { createTestApp, saveFormulary, setUpClinic, signedInUser, staffPassword } from '../support/test-app';

/**
 * Issue 21's consent screens against a real ledger: what the form sends goes through the real
 * services, and the screens are rendered as the browser gets them (React's server renderer)
 * from what the services answered.
 */
const zone = 'America/New_York';
let app: TestApp;
let admin: SignIn;
let physician: SignIn;
let nurse: SignIn;
let patient: Patient;
let planRecordId: number;
let witnessed: ConsentDocumentVersion;
let unwitnessed: ConsentDocumentVersion;

const content: ConsentDocumentContent = {
  title: 'Consent to a series of IV ketamine infusions',
  body: '# Risks\n\nThe clinic’s own words\nabout the risks.\n\n# Your right to withdraw\n\nYou may stop at any time.',
  initialPoints: [
    { id: 'off-label', text: 'I understand ketamine is not approved for my condition.' },
    { id: 'no-driving', text: 'I will not drive until the next day.' },
  ],
  indicationCodes: [],
  validMonths: 12,
  renewForNewSeries: true,
  renewForNewText: true,
  witnessRequired: true,
};

/** A signature across the box, as the pad records it. */
const strokes: SignatureStrokes = [
  Array.from({ length: 40 }, (_, index): [number, number, number] => [
    100 + index * 60,
    500 + ((index * 97) % 300),
    index * 20,
  ]),
];

function markup(element: ReactElement): string {
  const context = {
    signIn: {
      state: 'active',
      clinic: { name: 'Harbor Infusion Clinic', address: '', timeZone: zone, autoLockMinutes: 10 },
      user: { id: 2, username: 'physician', displayName: 'Test physician', credentials: 'MD', role: 'physician' },
      serverTime: new Date().toISOString(),
      locksAt: new Date(Date.now() + 3_600_000).toISOString(),
    },
  } as unknown as SignInContextValue;
  return renderToStaticMarkup(
    createElement(SignInContext.Provider, { value: context }, createElement(MemoryRouter, null, element)),
  );
}

/** The text a person reads, tags taken out. */
const text = (page: string) =>
  page
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/\s+/g, ' ');

function completed(version: ConsentDocumentVersion, overrides: Partial<ConsentFormValues> = {}): ConsentFormValues {
  return {
    ...emptyConsentForm(version.id, planRecordId),
    typedName: 'Maja Lindqvist',
    initialled: { 'off-label': true, 'no-driving': true },
    clinician: { username: 'physician', password: staffPassword },
    witness: { username: 'nurse', password: staffPassword },
    ...overrides,
  };
}

const context = (version: ConsentDocumentVersion | undefined, drawn: SignatureStrokes = strokes) => ({
  patient,
  version,
  strokes: drawn,
  patientSignedAt: drawn.length === 0 ? null : new Date().toISOString(),
  askUserId: true,
});

beforeAll(() => {
  app = createTestApp();
  admin = setUpClinic(app, zone);
  physician = signedInUser(app, admin, 'physician');
  nurse = signedInUser(app, admin, 'nurse');
  saveFormulary(app, admin);
  const created = app.ok(nurse, 'patients.create', {
    patient: patientInput({ mrn: 'C-1', familyName: 'Lindqvist', givenNames: 'Maja', dateOfBirth: '1980-02-02' }),
  });
  patient = app.ok(nurse, 'patients.get', { patientId: created.id });
  planRecordId = signedPlanFor(app, physician, patient.id).planRecordId;
  witnessed = app.ok(admin, 'consents.saveDocument', {
    documentId: null,
    expectedVersion: 0,
    content,
    reason: 'First',
  });
  unwitnessed = app.ok(admin, 'consents.saveDocument', {
    documentId: null,
    expectedVersion: 0,
    content: { ...content, title: 'Consent to share records', witnessRequired: false, initialPoints: [] },
    reason: 'First',
  });
});
afterAll(() => app.cleanup());

describe('the record-consent page', () => {
  const page = () =>
    markup(
      createElement(RecordConsentView, {
        patient,
        documents: app.ok(nurse, 'consents.documents', {}),
        consents: app.ok(nurse, 'consents.forPatient', { patientId: patient.id }),
        records: app.ok(nurse, 'records.list', { patientId: patient.id }).records,
        planRecordId,
        onTextChanged: () => undefined,
      }),
    );

  it('shows the patient banner and the exact text, headings from “# ” lines, in its own scrolling region', () => {
    const shown = page();
    expect(text(shown)).toContain('LINDQVIST, Maja');
    expect(shown).toContain('<h2 id="consent-text-title" class="consent-title" dir="auto">Consent to a series');
    expect(shown).toContain('<h3 dir="auto">Risks</h3>');
    expect(shown).toContain('<p dir="auto">The clinic’s own words\nabout the risks.</p>');
    expect(shown).toMatch(/class="consent-text" id="consent-text" tabindex="0" role="region"/);
    // Opened from a plan: the plans in force by when they were signed and their dose and series.
    expect(text(shown)).toMatch(
      new RegExp(`Infusion plan ${planRecordId}, signed \\d{2}-[A-Z][a-z]{2}-\\d{4} \\d{2}:\\d{2} UTC−0[45]:00: `),
    );
  });

  it('asks for each point to initial as a checkbox, a typed name and a drawn signature', () => {
    const shown = page();
    expect(shown).toMatch(/<input id="consent-initialled-off-label" type="checkbox"/);
    expect(text(shown)).toContain('Initial: I understand ketamine is not approved for my condition.');
    expect(text(shown)).toContain('Initial: I will not drive until the next day.');
    expect(text(shown)).toContain('Type your full name');
    expect(shown).toMatch(
      /<svg id="consent-strokes" class="signature-pad" role="img" aria-labelledby="consent-strokes-label"/,
    );
    expect(shown).toContain('<p class="field-label" id="consent-strokes-label">Signature</p>');
    expect(text(shown)).toContain('A drawn signature is needed: it cannot be made with the keyboard.');
    expect(text(shown)).toContain('Clear');
    expect(text(shown)).toContain('Your user ID');
    expect(text(shown)).toContain('Obtained consent');
  });

  it('asks for a witness only where the document requires one', () => {
    expect(text(page())).toContain('Witness user ID');
    const form = (version: ConsentDocumentVersion) =>
      text(
        markup(
          createElement(RecordConsentForm, {
            patient,
            documents: [witnessed, unwitnessed],
            plans: [{ planRecordId, label: 'Plan' }],
            initialDocumentVersionId: version.id,
            initialPlanRecordId: planRecordId,
            onRecorded: () => undefined,
            onTextChanged: () => undefined,
          }),
        ),
      );
    expect(form(unwitnessed)).not.toContain('Witness');
    expect(form(unwitnessed)).toContain('Consent to share records');
    expect(form(witnessed)).toContain('Witness password');
  });
});

describe('the consent form', () => {
  it('keeps the text as written: headings and paragraphs, nothing dropped but blank lines', () => {
    expect(consentTextBlocks('# A\n\nOne\ntwo\n\n\nThree\n# B')).toEqual([
      { kind: 'heading', text: 'A' },
      { kind: 'paragraph', text: 'One\ntwo' },
      { kind: 'paragraph', text: 'Three' },
      { kind: 'heading', text: 'B' },
    ]);
  });

  it('names each problem beside its field and sends nothing', () => {
    const { input, issues } = consentRecordFrom(
      completed(witnessed, {
        typedName: 'Maja Svensson',
        initialled: { 'off-label': true },
        witness: { username: '', password: '' },
        clinician: { username: '', password: '' },
      }),
      context(witnessed, []),
    );
    expect(input).toBeNull();
    expect(issues.map((issue) => issue.path)).toEqual([
      'initialled.no-driving',
      'typedName',
      'strokes',
      'clinician.username',
      'clinician.password',
      'witness.username',
      'witness.password',
    ]);
    expect(issues[2]?.message).toMatch(/No signature was drawn/);
  });

  it('asks no witness where none is required, and a representative’s name and relationship', () => {
    const { issues } = consentRecordFrom(
      completed(unwitnessed, {
        signer: { kind: 'representative', name: '', relationship: '' },
        witness: { username: '', password: '' },
      }),
      context(unwitnessed),
    );
    expect(issues.map((issue) => issue.path)).toEqual(['signer.name', 'signer.relationship']);
  });

  it('puts the server’s refusals beside the clinician’s and the witness’s fields, with the full message on top', () => {
    const fresh = app.newSignIn();
    app.ok(fresh, 'auth.signIn', { username: 'physician', password: staffPassword });
    const { input } = consentRecordFrom(completed(witnessed), { ...context(witnessed), askUserId: false });
    if (input === null) throw new Error('the form refused a complete consent');
    const noUserId = app.call(fresh, 'consents.record', input);
    if (noUserId.ok) throw new Error('recorded without the user ID at the first signing');
    expect(consentRefusal(noUserId.error).fields).toEqual([
      { path: 'clinician.username', message: 'Enter your user ID' },
    ]);
    const wrongWitness = app.call(fresh, 'consents.record', {
      ...input,
      clinician: { username: 'physician', password: staffPassword },
      witness: { username: 'nurse', password: 'not-the-password' },
    });
    if (wrongWitness.ok) throw new Error('recorded with a wrong witness password');
    const refusal = consentRefusal(wrongWitness.error);
    expect(refusal.fields.map((issue) => issue.path)).toEqual(['witness.username']);
    expect(refusal.summary).toEqual([{ path: 'witness.username', message: wrongWitness.error.message }]);
  });

  it('sends what the real service records: the version shown, its SHA-256, every point, the strokes', () => {
    const { input } = consentRecordFrom(completed(witnessed), context(witnessed));
    if (input === null) throw new Error('the form refused a complete consent');
    expect(input).toMatchObject({ documentVersionId: witnessed.id, textSha256: witnessed.textSha256 });
    const recorded = app.ok(physician, 'consents.record', input);
    expect(recorded).toMatchObject({ state: 'current', initialled: ['off-label', 'no-driving'], strokes });
  });
});

describe('a text changed while the patient read it', () => {
  it('is refused with the message saying what to do, about no field', () => {
    const { input } = consentRecordFrom(
      completed(unwitnessed, { witness: { username: '', password: '' } }),
      context(unwitnessed),
    );
    if (input === null) throw new Error('the form refused a complete consent');
    app.ok(admin, 'consents.saveDocument', {
      documentId: unwitnessed.documentId,
      expectedVersion: 1,
      content: { ...unwitnessed.content, body: `${unwitnessed.content.body}\n\nA sentence added.` },
      reason: 'Added a sentence',
    });
    const refused = app.call(physician, 'consents.record', input);
    if (refused.ok) throw new Error('recorded on an older text');
    expect(refused.error.code).toBe('CONFLICT');
    const refusal = consentRefusal(refused.error);
    expect(refusal.fields).toEqual([]);
    expect(refusal.summary).toEqual([
      { path: null, message: expect.stringMatching(/changed while the patient was reading it/) as string },
    ]);
  });
});

describe('the consents on the chart', () => {
  const chart = (reader: SignIn = nurse) => {
    const { consents, plans } = app.ok(reader, 'consents.forPatient', { patientId: patient.id });
    return text(
      markup(
        createElement(ConsentList, {
          patientId: patient.id,
          zone,
          consents,
          plans: plans.map((plan) => ({ ...plan, label: `plan ${plan.planRecordId}` })),
          mayRecord: true,
          onWithdraw: () => undefined,
        }),
      ),
    );
  };

  it('shows a current consent with who signed, and what each plan still needs', () => {
    const shown = chart();
    expect(shown).toMatch(
      /Consent to a series of IV ketamine infusions Current Current until \d{2}-[A-Z][a-z]{2}-\d{4}/,
    );
    expect(shown).toMatch(/Version 1 · Signed by the patient \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC−0[45]:00/);
    expect(shown).toContain('Obtained consent Test physician, MD');
    expect(shown).toContain('Witness Test nurse, RN');
    expect(shown).toMatch(/Consent to share records ?: Needs consent\. No consent recorded/);
    expect(shown).toContain('Record consent for plan');
  });

  it('reads Expired once the consent ran out, and Withdrawn once withdrawn, with no Withdraw action left', () => {
    app.clockOffsetMs = 400 * 86_400_000;
    try {
      // A sign-in of that later day (the earlier ones locked long ago).
      const later = app.newSignIn();
      app.ok(later, 'auth.signIn', { username: 'nurse', password: staffPassword });
      expect(chart(later)).toMatch(
        /Consent to a series of IV ketamine infusions Expired Expired \d{2}-[A-Z][a-z]{2}-\d{4}/,
      );
    } finally {
      app.clockOffsetMs = 0;
    }
    const [consent] = app.ok(nurse, 'consents.forPatient', { patientId: patient.id }).consents;
    if (consent === undefined) throw new Error('no consent');
    expect(chart()).toContain('Withdraw Consent to a series');
    app.ok(nurse, 'consents.withdraw', {
      consentId: consent.id,
      withdrawnAt: new Date().toISOString(),
      reason: 'Patient no longer wishes to continue',
    });
    const shown = chart();
    expect(shown).toMatch(
      /Consent to a series of IV ketamine infusions Withdrawn Withdrawn \d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2} UTC−0[45]:00: Patient no longer wishes to continue \(recorded by Test nurse, RN/,
    );
    expect(shown).not.toContain('Withdraw Consent to a series');
  });
});

describe('the withdrawal dialog', () => {
  it('asks when the patient withdrew, in clinic time, and the reason they gave', () => {
    const [consent] = app.ok(nurse, 'consents.forPatient', { patientId: patient.id }).consents;
    if (consent === undefined) throw new Error('no consent');
    const shown = text(
      markup(createElement(WithdrawConsentDialog, { consent, onClose: () => undefined, onWithdrawn: () => undefined })),
    );
    expect(shown).toContain('Withdraw consent: Consent to a series of IV ketamine infusions');
    expect(shown).toContain('When the patient withdrew');
    expect(shown).toContain('Clinic time (America/New York');
    expect(shown).toContain('Date withdrawn');
    expect(shown).toContain('Time withdrawn (HH:mm)');
    expect(shown).toContain('Reason the patient gave');
    expect(shown).toContain('Record the withdrawal');
  });
});
