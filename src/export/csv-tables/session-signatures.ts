import type { SessionView } from '../../domain/session-view';
import type { CsvColumn } from '../csv';
import { pdfExportPath } from '../pdf-files';
import type { ExportIndex } from '../snapshot-index';
import { localTime } from './formatting';
import type { CsvTableDefinition } from './table';
import { patientTable } from './table';

interface Row {
  session: SessionView;
  signature: SessionView['signatures'][number];
  pdfFiles: string;
  timeZone: string;
}

function rows(index: ExportIndex): Row[] {
  return index.snapshot.sessions.flatMap((session) =>
    session.signatures.map((signature) => ({
      session,
      signature,
      pdfFiles: index
        .sessionPdfsOf(signature.id)
        .map((pdf) => pdfExportPath(pdf.fileName))
        .join('; '),
      timeZone: index.snapshot.clinic.timeZone,
    })),
  );
}

/**
 * Session signatures are numbered apart from record signatures (csv/signatures.csv). Each
 * binds the SHA-256 of the session and its entries up to last_entry_id; entries after it are
 * corrections made after signing.
 */
const columns: CsvColumn<Row>[] = [
  { header: 'session_signature_id', value: (row) => row.signature.id },
  { header: 'session_id', value: (row) => row.session.id },
  { header: 'patient_id', value: (row) => row.session.patientId },
  { header: 'signer_user_id', value: (row) => row.signature.signerUserId },
  { header: 'printed_name', value: (row) => row.signature.printedName },
  { header: 'meaning', value: (row) => row.signature.meaning },
  { header: 'signed_at_utc', value: (row) => row.signature.signedAt },
  { header: 'signed_at_local', value: (row) => localTime(row.signature.signedAt, row.timeZone) },
  { header: 'last_entry_id', value: (row) => row.signature.lastEntryId },
  { header: 'content_sha256', value: (row) => row.signature.contentSha256 },
  { header: 'signed_pdf', value: (row) => row.pdfFiles },
];

export const sessionSignaturesTable: CsvTableDefinition = patientTable('session-signatures.csv', columns, rows);
