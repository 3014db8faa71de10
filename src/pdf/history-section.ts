import type { RecordView } from '../domain/record-view';
import type { Cell, DocumentFlow } from './document-flow';
import { text } from './document-flow';
import { clinicTime } from './summary-wording';
import { styles } from './summary-theme';

/**
 * Every signed version of the record with its status in words, author, time, signatures and
 * amendment reason. Unsigned drafts are not part of the record and are left out.
 */
export function writeHistorySection(
  flow: DocumentFlow,
  record: RecordView,
  currentVersionId: number,
  timeZone: string,
): void {
  flow.heading('Version and amendment history');
  const rows: Cell[][] = record.versions
    .filter((version) => version.status === 'signed')
    .map((version) => {
      const amends = record.versions.find((candidate) => candidate.id === version.amendsVersionId);
      return [
        [
          text(String(version.version), styles.bodyBold),
          text(version.id === currentVersionId ? '\nthis document' : '', styles.small),
        ],
        [text(version.displayStatus, styles.bodyBold)],
        [text(version.authorPrintedName)],
        [text(version.signedAt === null ? 'Not signed' : clinicTime(version.signedAt, timeZone))],
        version.signatures.length === 0
          ? [text('None recorded')]
          : version.signatures.flatMap((signature, index) => [
              text(`${index > 0 ? '\n' : ''}${signature.printedName} — `),
              text(signature.meaning, styles.bodyBold),
            ]),
        [
          text(
            version.amendmentReason === null
              ? 'Original version'
              : `${version.amendmentReason}${amends === undefined ? '' : ` (amends version ${amends.version})`}`,
          ),
        ],
      ];
    });
  flow.table(
    [
      { header: 'Version', share: 0.9 },
      { header: 'Status', share: 1.25 },
      { header: 'Author', share: 1.35 },
      { header: 'Signed', share: 1.65 },
      { header: 'Signatures', share: 1.65 },
      { header: 'Amendment reason', share: 2.3 },
    ],
    rows,
  );
  if (record.discontinued !== null) {
    flow.paragraph([
      text('Discontinued ', styles.alertLabel),
      text(`${clinicTime(record.discontinued.at, timeZone)} by ${record.discontinued.printedName}: `, styles.bodyBold),
      text(record.discontinued.reason),
    ]);
  }
}
