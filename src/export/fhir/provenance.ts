import type { Signature as LedgerSignature } from '../../domain/record';
import type { RecordVersionView, RecordView } from '../../domain/record-view';
import type { ExportIndex } from '../snapshot-index';
import { coding, ledgerSystems, systems } from './code-systems';
import type { CodeableConcept, Coding, Extension, FhirResource, Period, Reference } from './datatypes';
import { reviewIds } from './course-review';
import { examHistory } from './exam';
import { fhirInstant } from './instant';
import { ids, reference, versionedReference } from './ids';
import type { FhirMapper } from './mapper';
import { practitionerReference } from './references';
import { agentTypes, signatureTypeCodings, signingActivities } from './signature-codes';

export interface Provenance extends FhirResource {
  resourceType: 'Provenance';
  target: Reference[];
  occurredPeriod?: Period;
  recorded: string;
  reason?: CodeableConcept[];
  activity: CodeableConcept;
  agent: { type: CodeableConcept; who: Reference }[];
  entity?: { role: 'revision'; what: Reference }[];
  signature?: Signature[];
}

/** FHIR Signature; `data` is left out (see signatureProvenance). */
export interface Signature {
  extension: Extension[];
  type: Coding[];
  when: string;
  who: Reference;
}

/**
 * What a version's signature vouches for, as references. A plan version is its own
 * MedicationRequest; an exam version is the version of each exam resource it produced, so
 * those references are version-specific (R4 recommends that for Provenance.target).
 */
function versionTargets(index: ExportIndex, record: RecordView): Map<number, Reference[]> {
  const targets = new Map<number, Reference[]>();
  if (record.type === 'plan') {
    for (const version of index.signedVersions(record)) {
      targets.set(version.id, [reference('MedicationRequest', ids.medicationRequest(record.id, version.version))]);
    }
    return targets;
  }
  if (record.type === 'review') {
    for (const version of index.signedVersions(record)) {
      targets.set(version.id, [
        reference('ClinicalImpression', reviewIds.clinicalImpression(record.id, version.version)),
      ]);
    }
    return targets;
  }
  for (const { version, resources } of examHistory(index, record)) {
    targets.set(
      version.id,
      resources.map((resource) =>
        versionedReference(resource.resourceType, resource.id, resource.meta?.versionId ?? String(version.version)),
      ),
    );
  }
  return targets;
}

/** A reference to the version an amendment replaced. */
function priorReference(record: RecordView, prior: RecordVersionView): Reference {
  if (record.type === 'review') {
    return reference('ClinicalImpression', reviewIds.clinicalImpression(record.id, prior.version));
  }
  return record.type === 'plan'
    ? reference('MedicationRequest', ids.medicationRequest(record.id, prior.version))
    : versionedReference('Encounter', ids.encounter(record.id), String(prior.version));
}

/**
 * One Provenance per signature. The signature element records who signed, when and in what
 * capacity; `Signature.data` is deliberately absent, because the ledger's e-signature is not a
 * cryptographic value (the cryptographic signature is the CMS in the signed PDF). What the
 * signature binds, the SHA-256 of the version's canonical JSON, travels in the extension
 * `urn:dosing-ledger:fhir:extension:content-sha256` as lower-case hex, the same text printed
 * on the PDF, shown in the CSV, and recomputed by `dosing-ledger verify`.
 */
function signatureProvenance(
  index: ExportIndex,
  version: RecordVersionView,
  signature: LedgerSignature,
  target: Reference[],
): Provenance {
  const signer = { ...practitionerReference(index, signature.signerUserId), display: signature.printedName };
  const when = fhirInstant(signature.signedAt);
  return {
    resourceType: 'Provenance',
    id: ids.signatureProvenance(signature.id),
    target,
    recorded: when,
    activity: { coding: [signingActivities[signature.meaning]], text: `Signed (${signature.meaning})` },
    agent: [{ type: { coding: [agentTypes[signature.meaning]] }, who: signer }],
    signature: [
      {
        extension: [{ url: ledgerSystems.contentSha256, valueString: signature.contentSha256 }],
        type: signatureTypeCodings(signature.meaning, version.amendsVersionId !== null),
        when,
        who: signer,
      },
    ],
  };
}

/** The amendment itself: who changed the record, why, and which version it replaced. */
function amendmentProvenance(
  index: ExportIndex,
  record: RecordView,
  version: RecordVersionView,
  target: Reference[],
): Provenance[] {
  const prior = version.amendsVersionId === null ? undefined : index.version(version.amendsVersionId)?.version;
  if (prior === undefined || version.signedAt === null) return [];
  return [
    {
      resourceType: 'Provenance',
      id: ids.amendmentProvenance(record.type, record.id, version.version),
      target,
      // From starting the amendment to signing it, when it took effect.
      occurredPeriod: { start: fhirInstant(version.createdAt), end: fhirInstant(version.signedAt) },
      recorded: fhirInstant(version.signedAt),
      reason: version.amendmentReason === null ? undefined : [{ text: version.amendmentReason }],
      activity: { coding: [coding(systems.dataOperation, 'UPDATE', 'revise')], text: 'Amended' },
      agent: [{ type: { coding: [agentTypes.authored] }, who: practitionerReference(index, version.authorUserId) }],
      entity: [{ role: 'revision', what: priorReference(record, prior) }],
    },
  ];
}

/**
 * Discontinuing a plan is an event on its current version. The actor comes from the audit
 * log when the export holds that entry; otherwise only the printed name is known.
 */
function discontinuationProvenance(
  index: ExportIndex,
  record: RecordView,
  target: Reference[] | undefined,
): Provenance[] {
  if (record.discontinued === null || target === undefined) return [];
  const userId = index.discontinuedByUserId(record);
  const who =
    userId === null
      ? { display: record.discontinued.printedName }
      : { ...practitionerReference(index, userId), display: record.discontinued.printedName };
  return [
    {
      resourceType: 'Provenance',
      id: ids.discontinuationProvenance(record.id),
      target,
      recorded: fhirInstant(record.discontinued.at),
      reason: [{ text: record.discontinued.reason }],
      // v3 "abort": terminated before its intended completion, as MedicationRequest "stopped".
      activity: { coding: [coding(systems.dataOperation, 'ABORT', 'abort')], text: 'Discontinued' },
      agent: [{ type: { coding: [agentTypes.authored] }, who }],
    },
  ];
}

export const provenanceMapper: FhirMapper = {
  name: 'provenance',
  scope: 'patient',
  types: ['Provenance'],
  map({ index }) {
    return index.snapshot.records.flatMap((record) => {
      const targets = versionTargets(index, record);
      const signed = index.signedVersions(record);
      const perVersion = signed.flatMap((version) => {
        const target = targets.get(version.id) ?? [];
        return [
          ...version.signatures.map((signature) => signatureProvenance(index, version, signature, target)),
          ...amendmentProvenance(index, record, version, target),
        ];
      });
      const latest = signed.at(-1);
      return [
        ...perVersion,
        ...discontinuationProvenance(index, record, latest === undefined ? undefined : targets.get(latest.id)),
      ];
    });
  },
};
