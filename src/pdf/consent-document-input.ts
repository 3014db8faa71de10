import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json';
import type { ConsentDocumentContent, ConsentSigner } from '../domain/consent';
import { consentTextOf } from '../domain/consent';
import type { SignatureStrokes } from '../domain/consent-signature';
import type { RecordSummaryInput } from './record-summary-input';

/** The meaning of the clinician's e-signature on a consent (bound into its contentSha256). */
export const consentSignatureMeaning = 'obtained consent';

/**
 * Everything a signed consent PDF shows, as plain data the services already hold. Nothing is
 * looked up while rendering, so the same input always gives the same bytes. A withdrawal is
 * not part of it: the PDF is the consent as it was signed, frozen at signing.
 */
export interface ConsentDocumentInput extends Pick<RecordSummaryInput, 'clinic' | 'patient'> {
  consent: {
    id: number;
    documentId: number;
    documentVersion: number;
    planRecordId: number | null;
    /** SHA-256 of the text version the patient read (title, body, points to initial). */
    textSha256: string;
    signer: ConsentSigner;
    typedName: string;
    /** IDs of the points the signer initialled. */
    initialled: readonly string[];
    strokes: SignatureStrokes;
    patientSignedAt: string;
    clinicianPrintedName: string;
    witnessPrintedName: string | null;
    signedAt: string;
    contentSha256: string;
  };
  /** The text version as the patient read it (its title, body and points to initial are printed). */
  text: ConsentDocumentContent;
  /** The canonical JSON the consent's contentSha256 binds, embedded as record.json. */
  recordJson: string;
}

/** The fields of record.json (the consent row as bound) that the pages print. */
const printedFields = [
  'textSha256',
  'typedName',
  'patientSignedAt',
  'clinicianPrintedName',
  'witnessPrintedName',
  'signedAt',
  'planRecordId',
] as const;

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest('hex');

/**
 * Checks the input is one consistent signed consent; throws in words otherwise. What the pages
 * show must be what the consent binds: record.json hashes to its contentSha256, names the same
 * signers, times, strokes and initials, and the text printed hashes to the text version's SHA-256.
 */
export function checkConsentDocumentInput(input: ConsentDocumentInput): void {
  const { consent } = input;
  if (sha256(input.recordJson) !== consent.contentSha256.toLowerCase()) {
    throw new Error(
      'The consent JSON does not hash to its SHA-256: refusing to print a consent that would not verify.',
    );
  }
  if (sha256(canonicalJson(consentTextOf(input.text))) !== consent.textSha256) {
    throw new Error('The text given is not the text version the patient read (its SHA-256 differs).');
  }
  let document: Record<string, unknown>;
  try {
    document = JSON.parse(input.recordJson) as Record<string, unknown>;
  } catch {
    throw new Error('The consent JSON is not valid JSON.');
  }
  const representative = consent.signer.kind === 'representative' ? consent.signer : null;
  if (
    document.meaning !== consentSignatureMeaning ||
    printedFields.some((field) => document[field] !== consent[field]) ||
    document.signerKind !== consent.signer.kind ||
    document.representativeName !== (representative?.name ?? null) ||
    document.representativeRelationship !== (representative?.relationship ?? null) ||
    document.initialled !== canonicalJson([...consent.initialled]) ||
    document.strokes !== canonicalJson(consent.strokes)
  ) {
    throw new Error('The consent JSON does not describe the consent to be printed: its signers or content differ.');
  }
}
