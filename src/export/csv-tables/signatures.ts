import type { Signature } from '../../domain/record';
import type { RecordVersionView, RecordView } from '../../domain/record-view';
import type { CsvColumn } from '../csv';
import { pdfExportPath } from '../pdf-files';
import type { ExportIndex } from '../snapshot-index';
import { localTime } from './formatting';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';

interface Row {
  record: RecordView;
  version: RecordVersionView;
  signature: Signature;
  pdfFiles: string;
  timeZone: string;
}

function rows(index: ExportIndex): Row[] {
  return index.snapshot.records.flatMap((record) =>
    record.versions.flatMap((version) =>
      version.signatures.map((signature) => ({
        record,
        version,
        signature,
        pdfFiles: index
          .pdfsOf(version.id)
          .map((pdf) => pdfExportPath(pdf.fileName))
          .join('; '),
        timeZone: index.snapshot.clinic.timeZone,
      })),
    ),
  );
}

const columns: CsvColumn<Row>[] = [
  { header: 'signature_id', value: (row) => row.signature.id },
  { header: 'record_type', value: (row) => row.record.type },
  { header: 'record_id', value: (row) => row.record.id },
  { header: 'version_id', value: (row) => row.version.id },
  { header: 'version', value: (row) => row.version.version },
  { header: 'patient_id', value: (row) => row.record.patientId },
  { header: 'signer_user_id', value: (row) => row.signature.signerUserId },
  { header: 'printed_name', value: (row) => row.signature.printedName },
  { header: 'meaning', value: (row) => row.signature.meaning },
  { header: 'signed_at_utc', value: (row) => row.signature.signedAt },
  { header: 'signed_at_local', value: (row) => localTime(row.signature.signedAt, row.timeZone) },
  { header: 'content_sha256', value: (row) => row.signature.contentSha256 },
  { header: 'signed_pdf', value: (row) => row.pdfFiles },
];

export const signaturesTable: CsvTableDefinition = patientTable('signatures.csv', columns, rows);
