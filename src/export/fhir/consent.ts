import { createHash } from 'node:crypto';
import type { ConsentRecord } from '../consent-snapshot';
import { consentsOf } from '../consent-snapshot';
import { pdfExportPath } from '../pdf-files';
import { pdfBytes } from '../snapshot';
import type { ExportIndex } from '../snapshot-index';
import { coding, concept, ledgerSystems, systems } from './code-systems';
import type { Attachment, CodeableConcept, FhirResource, HumanName, Identifier, Period, Reference } from './datatypes';
import { fhirInstant } from './instant';
import { ids, reference } from './ids';
import type { FhirMapContext, FhirMapper } from './mapper';
import { organizationReference, patientReference, practitionerReference } from './references';

export interface Consent extends FhirResource {
  resourceType: 'Consent';
  identifier: Identifier[];
  status: 'active' | 'inactive';
  scope: CodeableConcept;
  category: CodeableConcept[];
  patient: Reference;
  dateTime: string;
  performer: Reference[];
  organization: Reference[];
  sourceAttachment?: Attachment;
  policyRule: CodeableConcept;
  provision: {
    type: 'permit';
    period: Period;
    data?: { meaning: 'related'; reference: Reference }[];
  };
}

/** A legally authorised representative who signed for the patient. */
export interface RelatedPerson extends FhirResource {
  resourceType: 'RelatedPerson';
  active: boolean;
  patient: Reference;
  relationship: CodeableConcept[];
  name: HumanName[];
}

/** Who signed beside the clinician: the patient, or the representative's RelatedPerson. */
export function consentSignerReference(index: ExportIndex, consent: ConsentRecord): Reference {
  return consent.signerKind === 'representative'
    ? reference('RelatedPerson', ids.consentRepresentative(consent.id), consent.representativeName ?? undefined)
    : patientReference(index, consent.patientId);
}

/** When the consent stopped, or stops, applying: the withdrawal or the expiry, whichever is first. */
function endOf(consent: ConsentRecord): string | undefined {
  const ends = [consent.withdrawal?.withdrawnAt, consent.expiresAt ?? undefined].filter(
    (instant): instant is string => instant !== undefined,
  );
  return ends.sort()[0];
}

/**
 * The signed PDF when the export holds it (url relative to the export's root, R4's SHA-1
 * hash); otherwise only what identifies the text the patient read.
 */
function sourceAttachment(index: ExportIndex, consent: ConsentRecord): Attachment {
  const pdf = index.snapshot.signedPdfs.find((candidate) => candidate.consentId === consent.id);
  const text = `${consent.documentTitle}, version ${consent.documentVersion} (text SHA-256 ${consent.textSha256})`;
  if (pdf === undefined) return { title: text };
  // Read here and dropped: the PDF file itself is read again when the writer reaches it.
  const bytes = pdfBytes(pdf);
  return {
    contentType: 'application/pdf',
    url: pdfExportPath(pdf.fileName),
    size: bytes.byteLength,
    hash: createHash('sha1').update(bytes).digest('base64'),
    title: `Signed consent: ${text}`,
    creation: fhirInstant(consent.signedAt),
  };
}

/** The plan (series) it was recorded for, as its current signed MedicationRequest, when exported. */
function seriesData(context: FhirMapContext, consent: ConsentRecord): Consent['provision']['data'] {
  const record = context.index.snapshot.records.find((candidate) => candidate.id === consent.planRecordId);
  const latest = record === undefined ? undefined : context.index.signedVersions(record).at(-1);
  if (record === undefined || latest === undefined) return undefined;
  const id = ids.medicationRequest(record.id, latest.version);
  if (!context.produced.has(`MedicationRequest/${id}`)) return undefined;
  return [{ meaning: 'related', reference: reference('MedicationRequest', id) }];
}

/**
 * One Consent per recorded consent. R4 Consent has no note and no status reason: a withdrawn
 * or expired consent is "inactive" with `provision.period.end` at the withdrawal or expiry;
 * the withdrawal itself (who, when, why) is the Provenance consent-<id>-withdrawn, and the
 * signatures are the Provenance consent-<id>-signed. The text version is the policyRule,
 * coded by its SHA-256, so a reader can match it with the PDF and consents.csv.
 */
function consentResource(context: FhirMapContext, consent: ConsentRecord): Consent {
  const { index } = context;
  const end = endOf(consent);
  return {
    resourceType: 'Consent',
    id: ids.consent(consent.id),
    identifier: [{ system: ledgerSystems.consent, value: String(consent.id) }],
    status: consent.state === 'withdrawn' || consent.state === 'expired' ? 'inactive' : 'active',
    scope: concept(systems.consentScope, 'treatment', 'Treatment'),
    category: [concept(systems.loinc, '59284-0', 'Consent Document')],
    patient: patientReference(index, consent.patientId),
    dateTime: fhirInstant(consent.patientSignedAt),
    performer: [
      consentSignerReference(index, consent),
      { ...practitionerReference(index, consent.clinicianUserId), display: consent.clinicianPrintedName },
    ],
    organization: [organizationReference(index)],
    sourceAttachment: sourceAttachment(index, consent),
    policyRule: {
      coding: [
        coding(
          ledgerSystems.consentTextSha256,
          consent.textSha256,
          `${consent.documentTitle}, version ${consent.documentVersion}`,
        ),
      ],
      text: `${consent.documentTitle}, version ${consent.documentVersion}`,
    },
    provision: {
      type: 'permit',
      period: { start: fhirInstant(consent.patientSignedAt), end: end === undefined ? undefined : fhirInstant(end) },
      data: seriesData(context, consent),
    },
  };
}

function representative(index: ExportIndex, consent: ConsentRecord): RelatedPerson[] {
  if (consent.signerKind !== 'representative') return [];
  return [
    {
      resourceType: 'RelatedPerson',
      id: ids.consentRepresentative(consent.id),
      active: true,
      patient: patientReference(index, consent.patientId),
      relationship: [{ text: consent.representativeRelationship ?? undefined }],
      name: [{ text: consent.representativeName ?? undefined }],
    },
  ];
}

/** Consents after the plans (a consent points at its series) and before the Provenance mappers. */
export const consentMapper: FhirMapper = {
  name: 'consent',
  scope: 'patient',
  types: ['RelatedPerson', 'Consent'],
  map: (context) =>
    consentsOf(context.index.snapshot).flatMap((consent) => [
      ...representative(context.index, consent),
      consentResource(context, consent),
    ]),
};
