import type { Patient } from '../../domain/patient';
import { formatPatientName } from '../../domain/patient';
import type { RecordVersionView, RecordView } from '../../domain/record-view';
import type { ExportIndex } from '../snapshot-index';
import type { CsvColumn } from '../csv';
import { localTime, signatureLines } from './formatting';

/** One version of one record, with what every version table shows about it. */
export interface VersionRow<Version extends RecordVersionView> {
  record: RecordView;
  version: Version;
  patient: Patient | undefined;
  timeZone: string;
}

/**
 * Every version, drafts included, so an auditor sees the whole history in one sheet; the
 * status column says which are Draft, Signed, Amended, Superseded or Discontinued (FHIR, by
 * contrast, carries signed versions only: a draft is not part of the record yet).
 */
export function versionRows<Version extends RecordVersionView>(
  index: ExportIndex,
  type: RecordView['type'],
  isType: (version: RecordVersionView) => version is Version,
): VersionRow<Version>[] {
  return index.snapshot.records
    .filter((record) => record.type === type)
    .flatMap((record) =>
      record.versions.filter(isType).map((version) => ({
        record,
        version,
        patient: index.patient(record.patientId),
        timeZone: index.snapshot.clinic.timeZone,
      })),
    );
}

/** Columns that open every version table. */
export function leadingColumns<Version extends RecordVersionView>(): CsvColumn<VersionRow<Version>>[] {
  return [
    { header: 'record_id', value: (row) => row.record.id },
    { header: 'version_id', value: (row) => row.version.id },
    { header: 'version', value: (row) => row.version.version },
    { header: 'status', value: (row) => row.version.displayStatus },
    { header: 'patient_id', value: (row) => row.record.patientId },
    { header: 'mrn', value: (row) => row.patient?.mrn ?? null },
    { header: 'patient_name', value: (row) => (row.patient === undefined ? null : formatPatientName(row.patient)) },
    { header: 'date_of_birth', value: (row) => row.patient?.dateOfBirth ?? null },
  ];
}

/** Columns that close every version table: history links, author, signatures, hash. */
export function trailingColumns<Version extends RecordVersionView>(): CsvColumn<VersionRow<Version>>[] {
  return [
    { header: 'amends_version_id', value: (row) => row.version.amendsVersionId },
    { header: 'amendment_reason', value: (row) => row.version.amendmentReason },
    { header: 'superseded_by_version_id', value: (row) => row.version.supersededByVersionId },
    { header: 'author', value: (row) => row.version.authorPrintedName },
    { header: 'created_at_utc', value: (row) => row.version.createdAt },
    { header: 'signed_at_utc', value: (row) => row.version.signedAt },
    { header: 'signed_at_local', value: (row) => localTime(row.version.signedAt, row.timeZone) },
    { header: 'signatures', value: (row) => signatureLines(row.version, row.timeZone) },
    { header: 'content_sha256', value: (row) => row.version.contentSha256 },
  ];
}
