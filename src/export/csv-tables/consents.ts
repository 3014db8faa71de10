import { consentsOf } from '../consent-snapshot';
import type { ConsentRecord } from '../consent-snapshot';
import type { CsvColumn } from '../csv';
import { pdfExportPath } from '../pdf-files';
import type { ExportIndex } from '../snapshot-index';
import { localTime } from './formatting';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';

interface Row {
  consent: ConsentRecord;
  mrn: string | null;
  pdf: string | null;
  timeZone: string;
}

function rows(index: ExportIndex): Row[] {
  return consentsOf(index.snapshot).map((consent) => {
    const pdf = index.snapshot.signedPdfs.find((candidate) => candidate.consentId === consent.id);
    return {
      consent,
      mrn: index.patient(consent.patientId)?.mrn ?? null,
      pdf: pdf === undefined ? null : pdfExportPath(pdf.fileName),
      timeZone: index.snapshot.clinic.timeZone,
    };
  });
}

const columns: CsvColumn<Row>[] = [
  { header: 'consent_id', value: (row) => row.consent.id },
  { header: 'patient_id', value: (row) => row.consent.patientId },
  { header: 'patient_mrn', value: (row) => row.mrn },
  { header: 'plan_record_id', value: (row) => row.consent.planRecordId },
  { header: 'document_id', value: (row) => row.consent.documentId },
  { header: 'document_title', value: (row) => row.consent.documentTitle },
  { header: 'document_version', value: (row) => row.consent.documentVersion },
  { header: 'text_sha256', value: (row) => row.consent.textSha256 },
  { header: 'signer_kind', value: (row) => row.consent.signerKind },
  { header: 'representative', value: (row) => row.consent.representativeName },
  { header: 'relationship', value: (row) => row.consent.representativeRelationship },
  { header: 'typed_name', value: (row) => row.consent.typedName },
  { header: 'patient_signed_at_utc', value: (row) => row.consent.patientSignedAt },
  { header: 'patient_signed_at_clinic_time', value: (row) => localTime(row.consent.patientSignedAt, row.timeZone) },
  { header: 'clinician_user_id', value: (row) => row.consent.clinicianUserId },
  { header: 'clinician', value: (row) => row.consent.clinicianPrintedName },
  { header: 'witness', value: (row) => row.consent.witnessPrintedName },
  { header: 'completed_at_utc', value: (row) => row.consent.signedAt },
  { header: 'completed_at_clinic_time', value: (row) => localTime(row.consent.signedAt, row.timeZone) },
  { header: 'content_sha256', value: (row) => row.consent.contentSha256 },
  { header: 'expires_at_utc', value: (row) => row.consent.expiresAt },
  { header: 'expires_at_clinic_time', value: (row) => localTime(row.consent.expiresAt, row.timeZone) },
  { header: 'state', value: (row) => row.consent.state },
  { header: 'state_text', value: (row) => row.consent.stateText },
  { header: 'withdrawn_at_utc', value: (row) => row.consent.withdrawal?.withdrawnAt ?? null },
  {
    header: 'withdrawn_at_clinic_time',
    value: (row) => localTime(row.consent.withdrawal?.withdrawnAt ?? null, row.timeZone),
  },
  { header: 'withdrawal_reason', value: (row) => row.consent.withdrawal?.reason ?? null },
  { header: 'withdrawal_recorded_by', value: (row) => row.consent.withdrawal?.recordedByName ?? null },
  { header: 'withdrawal_recorded_at_utc', value: (row) => row.consent.withdrawal?.recordedAt ?? null },
  { header: 'signed_pdf', value: (row) => row.pdf },
];

/** One row per recorded consent of the exported patients, with its state at export time. */
export const consentsTable: CsvTableDefinition = patientTable('consents.csv', columns, rows);
