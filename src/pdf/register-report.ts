import { formatQuantity } from '../domain/quantity';
import { formatDate } from '../domain/time';
import { formatLotExpiry } from '../domain/lot-expiry';
import type { Cell, DocumentFlow } from './document-flow';
import { text } from './document-flow';
import type { RenderOptions } from './record-summary-input';
import { RegisterFurniture, registrationBand } from './register-furniture';
import type {
  RegisterContainerSection,
  RegisterDrugSummary,
  RegisterInventorySection,
  RegisterQuantity,
  RegisterReportContent,
  RegisterSigning,
} from './register-report-input';
import { closeSignedDocument, openSignedDocument } from './signed-document';
import { writeSignatureSection } from './signature-section';
import { clinicTime } from './summary-wording';
import { styles } from './summary-theme';

/** "0.72 mL (36 mg)": a container's quantity in both units, exact, as stored. */
export function both(quantity: RegisterQuantity): string {
  return `${formatQuantity(quantity.ml, 'mL')} (${formatQuantity(quantity.mg, 'mg')})`;
}

const cell = (value: string, style = styles.body): Cell => [text(value, style)];
const small = (value: string): Cell => [text(value, styles.small)];

export const registerKindLabels: Record<string, string> = {
  received: 'Received',
  opened: 'Opened',
  drawn: 'Drawn',
  wasted: 'Wasted',
  returned: 'Returned',
  destroyed: 'Destroyed',
  counted: 'Counted',
  lost: 'Written off',
  explained: 'Explained',
  reviewed: 'Reviewed',
  correction: 'Correction',
};

function writeDrug(flow: DocumentFlow, drug: RegisterDrugSummary): void {
  flow.subheading(`${drug.drugName} ${formatQuantity(drug.concentrationMgPerMl, 'mg/mL')}`);
  const rows: [string, RegisterQuantity, string][] = [
    ['Opening balance', drug.opening, 'held at the start of the first day'],
    ['Received', drug.received, 'added'],
    ['Drawn for sessions', drug.drawn, 'taken out'],
    ['   of which administered', drug.administered, 'drawn less wasted'],
    ['   of which wasted', drug.wasted, 'witnessed'],
    ['Returned to supplier', drug.returned, 'taken out'],
    ['Destroyed', drug.destroyed, 'taken out, witnessed'],
    ['Lost (written off)', drug.lost, 'taken out'],
    ['Closing balance', drug.closing, 'opening + received − drawn − returned − destroyed − lost'],
  ];
  flow.table(
    [
      { header: 'Movement', share: 2 },
      { header: 'Volume', share: 1.2 },
      { header: 'Amount', share: 1.2 },
      { header: 'Note', share: 2.6 },
    ],
    rows.map(([label, quantity, note], index) => {
      const bold = index === 0 || index === rows.length - 1 ? styles.bodyBold : styles.body;
      return [
        cell(label, bold),
        cell(formatQuantity(quantity.ml, 'mL'), bold),
        cell(formatQuantity(quantity.mg, 'mg'), bold),
        small(note),
      ];
    }),
  );
  if (drug.sessions.length === 0) return;
  flow.paragraph([text('Drawn per session', styles.smallBold)], { gapAfterPt: 1 });
  flow.table(
    [
      { header: 'Session', share: 3 },
      { header: 'Container', share: 0.9 },
      { header: 'Drawn', share: 1.5 },
      { header: 'Wasted', share: 1.5 },
      { header: 'Administered', share: 1.5 },
      { header: 'Waste witness', share: 1.6 },
    ],
    drug.sessions.map((use) => [
      small(use.session),
      small(use.containerLabel),
      small(both(use.drawn)),
      small(both(use.wasted)),
      [text(both(use.administered), styles.smallBold)],
      small(use.wasteWitnesses === '' ? 'None' : use.wasteWitnesses),
    ]),
  );
}

function writeContainer(flow: DocumentFlow, container: RegisterContainerSection, zone: string): void {
  flow.subheading(
    `Container ${container.label} · ${container.drugName} ${formatQuantity(container.concentrationMgPerMl, 'mg/mL')} · lot ${container.lotNumber}, expires ${formatLotExpiry(container.lotExpiry)}`,
  );
  flow.paragraph(
    [
      text('Opening ', styles.label),
      text(both(container.opening), styles.bodyBold),
      text('     Closing ', styles.label),
      text(both(container.closing), styles.bodyBold),
    ],
    { gapAfterPt: 2 },
  );
  if (container.lines.length === 0) {
    flow.paragraph([text('No entries in this period.', styles.small)]);
    return;
  }
  flow.table(
    [
      { header: 'When', share: 1.5 },
      { header: 'Entry', share: 1.1 },
      { header: 'Change', share: 1.35 },
      { header: 'Balance after', share: 1.35 },
      { header: 'By · witness', share: 1.7 },
      { header: 'Session · note', share: 2.6 },
    ],
    container.lines.map((line) => [
      small(clinicTime(line.occurredAt, zone)),
      [text(`${registerKindLabels[line.kind] ?? line.kind} `, styles.smallBold), text(`#${line.id}`, styles.small)],
      small(both(line.delta)),
      small(both(line.balance)),
      small(
        line.witnessPrintedName === null
          ? line.printedName
          : `${line.printedName} · witness ${line.witnessPrintedName}`,
      ),
      small([line.session, line.note].filter((part) => part !== null && part !== '').join(' · ') || '—'),
    ]),
  );
}

function writeInventory(flow: DocumentFlow, inventory: RegisterInventorySection, zone: string): void {
  flow.subheading(`${inventory.kindLabel} ${inventory.id} · ${clinicTime(inventory.countedAt, zone)}`);
  flow.paragraph(
    [
      text('Counted by ', styles.label),
      text(inventory.printedName, styles.bodyBold),
      text('   with ', styles.label),
      text(inventory.secondCounterName, styles.bodyBold),
      ...(inventory.notes.trim() === '' ? [] : [text('   Notes ', styles.label), text(inventory.notes)]),
    ],
    { gapAfterPt: 2 },
  );
  flow.table(
    [
      { header: 'Container', share: 0.9 },
      { header: 'Expected', share: 1.5 },
      { header: 'Counted', share: 1.5 },
      { header: 'Discrepancy (missing)', share: 1.5 },
      { header: 'Explanation · review', share: 3.2 },
    ],
    inventory.counts.map((count) => {
      const differs = count.discrepancy.ml !== '0' || count.discrepancy.mg !== '0';
      return [
        small(count.containerLabel),
        small(both(count.expected)),
        small(both(count.counted)),
        [text(differs ? both(count.discrepancy) : 'None', differs ? styles.alert : styles.small)],
        small(
          differs ? [count.explanation ?? 'Not explained yet', count.review ?? 'Not reviewed yet'].join(' · ') : '—',
        ),
      ];
    }),
  );
}

/**
 * The controlled-substance register for a range of clinic days, signed: per drug the opening
 * balance, movements and closing balance (which the service has checked equals opening plus
 * movements, exactly), the use per session, every container's entries with running balances,
 * and the inventories with their discrepancies. Synchronous and deterministic.
 */
export function renderRegisterReportSync(
  content: RegisterReportContent,
  signing: RegisterSigning,
  options: RenderOptions = {},
): Buffer {
  const zone = content.clinic.timeZone;
  const range = `${formatDate(content.from)} to ${formatDate(content.to)}`;
  const open = openSignedDocument(
    {
      title: `Controlled-substance register — ${range}`,
      author: signing.printedName,
      subject: `Controlled-substance register, ${content.clinic.name}`,
      keywords: `Dosing Ledger; Controlled-substance register; ${content.from}; ${content.to}`,
      identifiers: { RegisterFrom: content.from, RegisterTo: content.to },
    },
    {
      signedAt: signing.signedAt,
      recordSha256: signing.recordSha256,
      make: (doc, engine) =>
        new RegisterFurniture(doc, engine, {
          clinic: content.clinic,
          band: registrationBand(content.registration, [
            text('Period ', styles.label),
            text(range, styles.bodyBold),
            text(' (clinic days)     Clinic time zone ', styles.label),
            text(zone, styles.bodyBold),
          ]),
          documentTitle: 'Controlled-substance register — signed',
          documentDetail: `${range} · produced ${clinicTime(signing.signedAt, zone)}`,
          footerIdentity: `Controlled-substance register · ${range} · `,
          recordSha256: signing.recordSha256,
        }),
    },
    options,
  );
  const { flow } = open;
  flow.paragraph([text('Controlled-substance register', styles.title)], { gapAfterPt: 0 });
  flow.paragraph(
    [text(`${range}. Every time is in clinic time (${zone}); quantities are exact, as recorded.`, styles.small)],
    { gapAfterPt: 2 },
  );
  flow.heading('Balances and movements per drug');
  if (content.drugs.length === 0) flow.paragraph([text('No drug is held or recorded in this period.')]);
  for (const drug of content.drugs) writeDrug(flow, drug);
  flow.heading('Entries per container');
  if (content.containers.length === 0) flow.paragraph([text('No container is held or recorded in this period.')]);
  for (const container of content.containers) writeContainer(flow, container, zone);
  flow.heading('Inventories');
  if (content.inventories.length === 0) flow.paragraph([text('No inventory was taken in this period.')]);
  for (const inventory of content.inventories) writeInventory(flow, inventory, zone);
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
      attachmentDescription: `Canonical JSON of the controlled-substance register, ${content.from} to ${content.to}; SHA-256 ${signing.recordSha256.toLowerCase()}`,
      place,
      signature: {
        signerName: signing.printedName,
        reason: `produced: controlled-substance register ${content.from} to ${content.to}`,
        location: content.clinic.name,
        signingTime: new Date(signing.signedAt),
      },
    },
    options,
  );
}
