import type { SessionView } from '../../domain/session-view';
import { ledgerSystems } from './code-systems';
import type { Reference } from './datatypes';
import { fhirInstant } from './instant';
import { ids, reference } from './ids';
import type { FhirMapper, ProducedKeys } from './mapper';
import type { Provenance } from './provenance';
import { practitionerReference } from './references';
import { agentTypes, signatureTypeCodings, signingActivities } from './signature-codes';

type SessionSignature = SessionView['signatures'][number];

/**
 * How a session signature's meaning maps to a record signature's (see signature-codes.ts):
 * the nurse's "performed" signs the administration record she wrote, which E1762 calls an
 * Author's Signature (agent "author"); the physician's "reviewed" is a Verification
 * Signature, as a reviewed record is. A "performed" signature given after an earlier one
 * (the record was corrected after signing) is also an Addendum Signature.
 */
const recordMeaning = { performed: 'authored', reviewed: 'reviewed' } as const;

function sessionTargets(produced: ProducedKeys, session: SessionView): Reference[] {
  const candidates: [string, string][] = [
    ['Encounter', ids.sessionEncounter(session.id)],
    ['MedicationAdministration', ids.infusion(session.id)],
  ];
  return candidates.filter(([type, id]) => produced.has(`${type}/${id}`)).map(([type, id]) => reference(type, id));
}

/**
 * One Provenance per session signature. It targets the session (Encounter) and the infusion
 * (MedicationAdministration); what it binds exactly is the SHA-256 of the session and every
 * entry up to `lastEntryId` (entries charted later are amendments the signature does not
 * cover), carried as extensions on Provenance.signature like a record signature's hash.
 */
function signatureProvenance(
  index: Parameters<FhirMapper['map']>[0]['index'],
  session: SessionView,
  signature: SessionSignature,
  target: Reference[],
): Provenance {
  const meaning = recordMeaning[signature.meaning];
  const signer = { ...practitionerReference(index, signature.signerUserId), display: signature.printedName };
  const when = fhirInstant(signature.signedAt);
  const amendment = session.signatures.some(
    (earlier) => earlier.meaning === signature.meaning && earlier.id < signature.id,
  );
  return {
    resourceType: 'Provenance',
    id: ids.sessionSignatureProvenance(signature.id),
    target,
    recorded: when,
    activity: { coding: [signingActivities[meaning]], text: `Signed (${signature.meaning})` },
    agent: [{ type: { coding: [agentTypes[meaning]] }, who: signer }],
    signature: [
      {
        extension: [
          { url: ledgerSystems.contentSha256, valueString: signature.contentSha256 },
          { url: ledgerSystems.lastEntryId, valueInteger: signature.lastEntryId },
        ],
        type: signatureTypeCodings(meaning, amendment),
        when,
        who: signer,
      },
    ],
  };
}

/** Runs after the session mapper, so it targets only what the export holds. */
export const sessionProvenanceMapper: FhirMapper = {
  name: 'session-provenance',
  scope: 'patient',
  types: ['Provenance'],
  map({ index, produced }) {
    return index.snapshot.sessions.flatMap((session) => {
      const target = sessionTargets(produced, session);
      return target.length === 0
        ? []
        : session.signatures.map((signature) => signatureProvenance(index, session, signature, target));
    });
  },
};
