import { createHash } from 'node:crypto';
import type { JsonValue } from '../domain/canonical-json';
import { canonicalJson } from '../domain/canonical-json';
import type { ClinicSettings } from '../domain/clinic';
import type { Patient } from '../domain/patient';
import type { Signature } from '../domain/record';
import type { RecordVersionView, RecordView } from '../domain/record-view';

/**
 * Everything a signed summary shows, as plain data the services already hold. Nothing is
 * looked up while rendering, so the same input always gives the same bytes.
 */
export interface RecordSummaryInput {
  clinic: Pick<ClinicSettings, 'name' | 'address' | 'timeZone'>;
  patient: Pick<Patient, 'mrn' | 'familyName' | 'givenNames' | 'preferredName' | 'dateOfBirth' | 'sex' | 'allergies'>;
  /** The record with all its versions (records.get); the history lists its signed versions. */
  record: RecordView;
  /** The signed version this summary is for; shown in full. */
  versionId: number;
  /** For a plan: the signed exam version it rests on (id = the plan's examVersionId). Null for an exam. */
  examVersion: RecordVersionView | null;
  /** The signature printed in the signature block, as stored (printed name includes credentials). */
  signature: Pick<Signature, 'printedName' | 'meaning' | 'signedAt'>;
  /** The canonical JSON the signature binds (versionDocumentText), embedded as record.json. */
  recordJson: string;
  /** Its SHA-256, hex: must equal the version's contentSha256. */
  recordSha256: string;
}

export interface RenderOptions {
  /** Leave out the signature placeholder (an unsigned draft print). Default: included. */
  signaturePlaceholder?: boolean;
  /** Bytes reserved for the CMS signature. */
  signatureReserveBytes?: number;
  pageSize?: 'LETTER' | 'A4';
}

export type SignedVersion = RecordVersionView & { signedAt: string };

/** Checks the input is one consistent signed record; throws in words otherwise. */
export function checkSummaryInput(input: RecordSummaryInput): {
  version: SignedVersion;
  exam: RecordVersionView | null;
} {
  const version = input.record.versions.find((candidate) => candidate.id === input.versionId);
  if (version === undefined)
    throw new Error(`Version ${input.versionId} is not a version of record ${input.record.id}.`);
  if (version.status !== 'signed' || version.signedAt === null) {
    throw new Error('Only a signed version has a signed summary.');
  }
  const sha256 = createHash('sha256').update(input.recordJson, 'utf8').digest('hex');
  if (sha256 !== input.recordSha256.toLowerCase()) {
    throw new Error(
      'The record JSON does not hash to the SHA-256 given: refusing to print a summary that would not verify.',
    );
  }
  if (version.contentSha256 !== null && version.contentSha256 !== sha256) {
    throw new Error('The record JSON is not the version that was signed (its SHA-256 differs from the stored one).');
  }
  // What the pages show must be what the signature binds: the version shown is the one in
  // record.json, field for field.
  let document: { versionId?: unknown; recordId?: unknown; content?: JsonValue; computed?: JsonValue };
  try {
    document = JSON.parse(input.recordJson) as typeof document;
  } catch {
    throw new Error('The record JSON is not valid JSON.');
  }
  if (
    document.versionId !== version.id ||
    document.recordId !== version.recordId ||
    canonicalJson(document.content ?? null) !== canonicalJson(version.content) ||
    canonicalJson(document.computed ?? null) !== canonicalJson(version.computed)
  ) {
    throw new Error('The record JSON does not describe the version to be printed: its content differs.');
  }
  if (version.recordType === 'plan') {
    const exam = input.examVersion;
    if (exam === null || exam.recordType !== 'exam' || exam.id !== version.examVersionId) {
      throw new Error('A plan summary needs the signed exam version the plan rests on.');
    }
    return { version: { ...version, signedAt: version.signedAt }, exam };
  }
  return { version: { ...version, signedAt: version.signedAt }, exam: null };
}
