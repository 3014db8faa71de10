import { createHash } from 'node:crypto';
import type { JsonValue } from '../domain/canonical-json';
import { canonicalJson } from '../domain/canonical-json';
import type { PlanContent } from '../domain/plan';
import type { PlanComputed } from '../domain/record-view';
import type { SessionView } from '../domain/session-view';
import type { RecordSummaryInput } from './record-summary-input';

/** A signature printed on the session record: the nurse's "performed", a physician's "reviewed". */
export interface SessionSignatureLine {
  printedName: string;
  meaning: 'performed' | 'reviewed';
  signedAt: string;
  /** The last entry the signature covers. */
  lastEntryId: number;
  /** The SHA-256 of what it covers (the session's record.json at that signature). */
  contentSha256: string;
}

/**
 * Everything a signed session record shows, as plain data the services already hold. Nothing
 * is looked up while rendering, so the same input always gives the same bytes.
 */
export interface SessionRecordInput extends Pick<RecordSummaryInput, 'clinic' | 'patient'> {
  /** The session as it stood when signed: only the entries the signature covers. */
  session: SessionView;
  /** The signed plan version the session was charted against. */
  plan: {
    recordId: number;
    version: number;
    versionId: number;
    content: PlanContent;
    computed: PlanComputed;
    signatures: readonly { printedName: string; meaning: string; signedAt: string }[];
  };
  /** The session's signatures up to the one this document carries (the last), oldest first. */
  signatures: readonly SessionSignatureLine[];
  /** The canonical JSON the signature binds (session and entries), embedded as record.json. */
  recordJson: string;
  /** Its SHA-256, hex: must equal the signature's contentSha256. */
  recordSha256: string;
}

/** The fields of record.json (sessionDocumentText) that the pages print. */
interface SessionDocument {
  kind?: unknown;
  session?: Partial<Record<(typeof printedSessionFields)[number], unknown>>;
  entries?: (Partial<Record<(typeof printedEntryFields)[number], unknown>> & { content?: JsonValue })[];
}

const printedSessionFields = ['id', 'patientId', 'planRecordId', 'planVersionId', 'seriesNumber'] as const;
const printedEntryFields = [
  'id',
  'kind',
  'occurredAt',
  'recordedAt',
  'printedName',
  'correctsEntryId',
  'correctionReason',
  'witnessPrintedName',
] as const;

/**
 * Checks the input is one consistent signed session; throws in words otherwise. What the pages
 * show must be what the signature binds: the entries printed are those of record.json.
 */
export function checkSessionRecordInput(input: SessionRecordInput): SessionSignatureLine {
  const signature = input.signatures.at(-1);
  if (signature === undefined) throw new Error('A session record is printed for a signature; none was given.');
  const sha256 = createHash('sha256').update(input.recordJson, 'utf8').digest('hex');
  if (sha256 !== input.recordSha256.toLowerCase()) {
    throw new Error(
      'The session JSON does not hash to the SHA-256 given: refusing to print a record that would not verify.',
    );
  }
  if (input.session.planVersionId !== input.plan.versionId) {
    throw new Error('The plan given is not the plan version the session was charted against.');
  }
  if (input.session.entries.some((entry) => entry.id > signature.lastEntryId)) {
    throw new Error('The session shows entries charted after the signature; print only what it covers.');
  }
  let document: SessionDocument;
  try {
    document = JSON.parse(input.recordJson) as SessionDocument;
  } catch {
    throw new Error('The session JSON is not valid JSON.');
  }
  const signed = document.entries ?? [];
  const shown = input.session.entries;
  const session = document.session ?? {};
  if (
    document.kind !== 'dosing-ledger/infusion-session' ||
    printedSessionFields.some((field) => session[field] !== input.session[field]) ||
    signed.length !== shown.length ||
    shown.some((entry) => {
      const match = signed.find((candidate) => candidate.id === entry.id);
      return (
        match === undefined ||
        printedEntryFields.some((field) => match[field] !== entry[field]) ||
        canonicalJson(match.content ?? null) !== canonicalJson(entry.content)
      );
    })
  ) {
    throw new Error('The session JSON does not describe the session to be printed: its session or entries differ.');
  }
  return signature;
}
