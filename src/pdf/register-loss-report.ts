import { formatQuantity } from '../domain/quantity';
import { formatLotExpiry } from '../domain/lot-expiry';
import type { Span } from './text-style';
import { text } from './document-flow';
import type { RenderOptions } from './record-summary-input';
import { RegisterFurniture, registrationBand } from './register-furniture';
import type { RegisterLossContent, RegisterSigning } from './register-report-input';
import { both } from './register-report';
import { closeSignedDocument, openSignedDocument } from './signed-document';
import { writeSignatureSection } from './signature-section';
import { clinicTime } from './summary-wording';
import { styles } from './summary-theme';

/** A field the ledger does not know: a labelled blank the registrant fills in on the form. */
const blank = (what: string): Span[] => [text(`To be completed by the registrant: ${what}`, styles.alert)];
const value = (words: string): Span[] => [text(words, styles.bodyBold)];
const known = (words: string, what: string): Span[] => (words.trim() === '' ? blank(what) : value(words));

/**
 * What DEA Form 106 (report of theft or loss of controlled substances) asks, with what the
 * ledger knows filled in and clearly labelled blanks for what only the registrant knows. It is
 * the information for the form, not the form: the registrant files it with DEA.
 */
export function renderLossReportSync(
  content: RegisterLossContent,
  signing: RegisterSigning,
  options: RenderOptions = {},
): Buffer {
  const zone = content.clinic.timeZone;
  const open = openSignedDocument(
    {
      title: `Theft or loss — information for DEA Form 106 — container ${content.containerLabel}`,
      author: signing.printedName,
      subject: `Controlled-substance loss, ${content.clinic.name}`,
      keywords: `Dosing Ledger; DEA Form 106; count entry ${content.countEntryId}`,
      identifiers: { RegisterCountEntryID: String(content.countEntryId) },
    },
    {
      signedAt: signing.signedAt,
      recordSha256: signing.recordSha256,
      make: (doc, engine) =>
        new RegisterFurniture(doc, engine, {
          clinic: content.clinic,
          band: registrationBand(content.registration, [
            text('Clinic time zone ', styles.label),
            text(zone, styles.bodyBold),
          ]),
          documentTitle: 'Theft or loss — information for DEA Form 106',
          documentDetail: `Container ${content.containerLabel} · count entry ${content.countEntryId}`,
          footerIdentity: `Theft or loss · container ${content.containerLabel} · count entry ${content.countEntryId} · `,
          recordSha256: signing.recordSha256,
        }),
    },
    options,
  );
  const { flow } = open;
  flow.paragraph([text('Theft or loss of controlled substances', styles.title)], { gapAfterPt: 0 });
  flow.paragraph(
    [
      text(
        'The information DEA Form 106 asks for, from the register. Fields marked “To be completed by the registrant” are not known to the ledger. Times are in clinic time.',
        styles.small,
      ),
    ],
    { gapAfterPt: 2 },
  );
  const address = content.clinic.address
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(', ');
  flow.heading('Registrant');
  flow.fields([
    { label: 'Registrant name', value: known(content.registration.registrantName, 'registrant name') },
    { label: 'Business name', value: value(content.clinic.name) },
    { label: 'Address', value: known(address, 'registered address') },
    {
      label: 'Registration number',
      value: known(content.registration.registrationNumber, 'DEA registration number'),
    },
  ]);
  flow.heading('The theft or loss');
  flow.fields([
    { label: 'Date of theft or loss', value: blank('date, if known') },
    { label: 'Date of discovery', value: value(`${clinicTime(content.discoveredAt, zone)} (inventory count)`) },
    {
      label: 'Type of theft or loss',
      value: [
        ...blank('night break-in, armed robbery, employee pilferage, customer theft, lost in transit, or other'),
        text(`  The register records: ${content.categoryLabel}.`),
      ],
    },
    { label: 'Police notified', value: blank('yes or no; police department, officer, report number') },
    { label: 'Principal business', value: blank('e.g. practitioner, hospital/clinic') },
    { label: 'Previous thefts or losses', value: blank('number in the past 24 months') },
  ]);
  flow.heading('Controlled substance lost');
  flow.fields([
    { label: 'Drug (trade or generic name)', value: value(content.drugName) },
    { label: 'Strength', value: value(formatQuantity(content.concentrationMgPerMl, 'mg/mL')) },
    {
      label: 'Dosage form',
      value: value(`Injectable solution, ${formatQuantity(content.containerVolumeMl, 'mL')} vial`),
    },
    { label: 'NDC number', value: blank('NDC from the label') },
    { label: 'Container', value: value(`${content.containerLabel} (the register's own label on the vial)`) },
    { label: 'Lot', value: value(`${content.lotNumber}, expires ${formatLotExpiry(content.lotExpiry)}`) },
    { label: 'Quantity lost', value: [text(both(content.missing), styles.alert), text(' (part of one container)')] },
    { label: 'Expected at the count', value: value(both(content.expected)) },
    { label: 'Counted', value: value(both(content.counted)) },
    { label: 'Counted by', value: value(`${content.countedBy}, with ${content.secondCounter}`) },
  ]);
  flow.heading('Description');
  flow.fields([
    { label: 'Explanation', value: value(content.explanation) },
    { label: 'Explained by', value: value(`${content.explainedBy}, ${clinicTime(content.explainedAt, zone)}`) },
    { label: 'Physician review', value: content.review === null ? blank('not reviewed yet') : value(content.review) },
    { label: 'What was done', value: blank('security measures taken, recovery') },
  ]);
  // Keep the signature heading with its box: the box alone is about 120 pt tall.
  flow.ensure(170);
  const place = writeSignatureSection(flow, {
    signatures: [{ printedName: signing.printedName, meaning: 'produced', signedAt: signing.signedAt }],
    timeZone: zone,
    recordSha256: signing.recordSha256,
  });
  return closeSignedDocument(
    open,
    {
      recordJson: signing.recordJson,
      attachmentDescription: `Canonical JSON of the loss found by count entry ${content.countEntryId}; SHA-256 ${signing.recordSha256.toLowerCase()}`,
      place,
      signature: {
        signerName: signing.printedName,
        reason: `produced: theft or loss, count entry ${content.countEntryId}`,
        location: content.clinic.name,
        signingTime: new Date(signing.signedAt),
      },
    },
    options,
  );
}
