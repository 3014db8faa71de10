import type { ConsentDocumentVersion } from '../contract/consent-methods';
import type { SignatureStrokes } from '../domain/consent-signature';
import { signatureGridHeight } from '../domain/consent-signature';
import type { SignIn } from '../services/sign-in';
import type { Call } from './demo-caller';

/**
 * The demo clinic's own consent text: written for the demonstration, not for clinical use (the
 * app itself ships no consent text, only a template of headings).
 */
const demoConsentBody = [
  '# What the treatment is',
  'A series of ketamine infusions into a vein, each over about 40 minutes, in the clinic, with a nurse beside you.',
  '# What the drug is and is not approved for',
  'Ketamine is approved as an anaesthetic. It is not approved for pain, depression or PTSD: using it for them is "off-label".',
  '# Risks',
  'During an infusion you may feel detached or dreamlike, sick, or dizzy, and your blood pressure may rise. Over long courses ketamine can harm the bladder and the liver, and it can be misused.',
  '# Alternatives',
  'Other medicines, talking therapies, and other procedures. Your physician has discussed those that apply to you.',
  '# What happens during each infusion, and the monitoring',
  'We check your blood pressure, pulse, oxygen and how you feel every 15 minutes, and before you leave.',
  '# After each infusion: no driving until the next day',
  'An adult must take you home. Do not drive, use machines or sign legal papers until the next day.',
  '# How many infusions this consent covers',
  'The infusions your physician plans in the next 12 months, unless you withdraw.',
  '# Your right to withdraw',
  'You may stop at any time, before or during an infusion, without giving a reason. It will not change your other care here.',
].join('\n\n');

/** The document an administrator of the demo clinic wrote when it opened. */
export function writeDemoConsentDocument(call: Call, admin: SignIn): ConsentDocumentVersion {
  return call(admin, 'consents.saveDocument', {
    documentId: null,
    expectedVersion: 0,
    content: {
      title: 'Consent to IV ketamine infusions (Harbor Infusion Clinic, demo text)',
      body: demoConsentBody,
      initialPoints: [
        { id: 'off-label', text: 'I understand ketamine is not approved for my condition.' },
        { id: 'no-driving', text: 'I will not drive until the day after each infusion.' },
        { id: 'withdraw', text: 'I know I may stop at any time.' },
      ],
      indicationCodes: [],
      validMonths: 12,
      renewForNewSeries: false,
      renewForNewText: true,
      witnessRequired: false,
    },
    reason: 'The clinic’s consent, reviewed by the medical director',
  });
}

/** A hand-written-looking scrawl across the box, different for every patient. */
function demoStrokes(seed: number): SignatureStrokes {
  const points = Array.from({ length: 48 }, (_, index): [number, number, number] => [
    250 + index * 52,
    Math.round(signatureGridHeight / 2 + Math.sin((index + seed) / 2.5) * (180 + (seed % 5) * 30)),
    index * 18,
  ]);
  const underline = Array.from({ length: 12 }, (_, index): [number, number, number] => [
    400 + index * 160,
    820,
    1000 + index * 15,
  ]);
  return [points, underline];
}

/**
 * The patient's consent, signed on the desk's screen and completed by the physician signed in
 * (`physicianPassword` re-entered, meaning "obtained consent"), at the caller's time.
 */
export function recordDemoConsent(
  call: Call,
  physician: { signIn: SignIn; username: string; password: string },
  consent: { patientId: number; planRecordId: number | null; version: ConsentDocumentVersion; signedAt: Date },
): number {
  const patient = call(physician.signIn, 'patients.get', { patientId: consent.patientId });
  return call(physician.signIn, 'consents.record', {
    patientId: consent.patientId,
    planRecordId: consent.planRecordId,
    documentVersionId: consent.version.id,
    textSha256: consent.version.textSha256,
    signer: { kind: 'patient' },
    typedName: `${patient.givenNames} ${patient.familyName}`,
    initialled: consent.version.content.initialPoints.map((point) => point.id),
    strokes: demoStrokes(consent.patientId),
    patientSignedAt: consent.signedAt.toISOString(),
    clinician: { username: physician.username, password: physician.password },
  }).id;
}
