import { formatPatientName } from '../domain/patient';
import type { ConsentDocumentInput } from './consent-document-input';
import { checkConsentDocumentInput, consentSignatureMeaning } from './consent-document-input';
import { drawSignatureStrokes } from './consent-signature-drawing';
import type { DocumentFlow } from './document-flow';
import { linesHeight, text } from './document-flow';
import type { RenderOptions } from './record-summary-input';
import { closeSignedDocument, openSignedDocument } from './signed-document';
import { writeSignatureSection } from './signature-section';
import { clinicTime } from './summary-wording';
import { styles } from './summary-theme';

/** Document-information key naming the consent a PDF is for. */
export const consentDocumentMetadata = { consentIdKey: 'ConsentID' } as const;

const signatureBoxWidthPt = 246;

/** The text as the patient read it: a line starting with "# " is a heading, a blank line a paragraph break. */
function writeConsentText(flow: DocumentFlow, body: string): void {
  for (const line of body.split(/\r?\n/)) {
    if (line.startsWith('# ')) {
      flow.heading(line.slice(2).trim());
    } else if (line.trim() === '') {
      flow.gap(3);
    } else {
      flow.paragraph([text(line)], { gapAfterPt: 1 });
    }
  }
}

function writeInitialled(flow: DocumentFlow, input: ConsentDocumentInput): void {
  const points = input.text.initialPoints;
  if (points.length === 0) return;
  flow.heading('Points initialled by the signer');
  for (const point of points) {
    const initialled = input.consent.initialled.includes(point.id);
    flow.paragraph([text(initialled ? 'Initialled ✓   ' : 'Not initialled   ', styles.bodyBold), text(point.text)], {
      gapAfterPt: 3,
    });
  }
}

/** Who signed beside the clinician, the name they typed and their drawn signature. */
function writeSigner(flow: DocumentFlow, input: ConsentDocumentInput): void {
  const { consent } = input;
  const zone = input.clinic.timeZone;
  const patientName = formatPatientName(input.patient);
  const representative = consent.signer.kind === 'representative' ? consent.signer : null;
  flow.heading(representative === null ? 'Signed by the patient' : 'Signed by the patient’s representative');
  flow.fields([
    {
      label: 'Signer',
      value:
        representative === null
          ? [text(patientName, styles.bodyBold), text(' (the patient)')]
          : [
              text(representative.name, styles.bodyBold),
              text(`, ${representative.relationship}: legally authorised representative of ${patientName}`),
            ],
    },
    { label: 'Name typed by the signer', value: [text(consent.typedName, styles.bodyBold)] },
  ]);
  const caption = flow.engine.lines(
    [
      text(
        representative === null
          ? 'Signed by the patient at '
          : `Signed by ${representative.name} (${representative.relationship}) at `,
      ),
      text(clinicTime(consent.patientSignedAt, zone), styles.bodyBold),
    ],
    flow.width,
  );
  const boxHeightPt = signatureBoxWidthPt / 3;
  flow.ensure(boxHeightPt + linesHeight(caption) + 8);
  drawSignatureStrokes(flow.doc, consent.strokes, { x: flow.frame.left, y: flow.y, widthPt: signatureBoxWidthPt });
  flow.y += boxHeightPt + 4;
  flow.y += flow.drawLines(caption, flow.frame.left, flow.y);
  flow.gap(6);
}

function writeClinicianAndWitness(flow: DocumentFlow, input: ConsentDocumentInput): void {
  const { consent } = input;
  const zone = input.clinic.timeZone;
  flow.heading('Clinician and witness');
  flow.fields([
    {
      label: 'Obtained consent',
      value: [text(consent.clinicianPrintedName, styles.bodyBold), text(`, ${clinicTime(consent.signedAt, zone)}`)],
    },
    {
      label: 'Witness',
      value:
        consent.witnessPrintedName === null
          ? [text('No witness')]
          : [
              text(consent.witnessPrintedName, styles.bodyBold),
              text(`, signed in to witness, ${clinicTime(consent.signedAt, zone)}`),
            ],
    },
    { label: 'Consent SHA-256', value: [text(consent.contentSha256.toLowerCase(), styles.mono)] },
  ]);
}

/**
 * Renders a recorded consent as signed, with the signature placeholder that `signPdf` fills:
 * the text version and its SHA-256, the full text, each point initialled, the signer with
 * their typed name and drawn signature, the clinician who obtained it and any witness.
 * Synchronous (rendered and signed inside the recording transaction) and deterministic.
 */
export function renderConsentDocumentSync(input: ConsentDocumentInput, options: RenderOptions = {}): Buffer {
  checkConsentDocumentInput(input);
  const { consent, clinic } = input;
  const zone = clinic.timeZone;
  const open = openSignedDocument(
    {
      title: `Informed consent — ${formatPatientName(input.patient)} — consent ${consent.id}`,
      author: consent.clinicianPrintedName,
      subject: `Signed informed consent, ${clinic.name}`,
      keywords: `Dosing Ledger; Informed consent; MRN ${input.patient.mrn}`,
      identifiers: { [consentDocumentMetadata.consentIdKey]: String(consent.id) },
    },
    {
      clinic,
      patient: input.patient,
      recordSha256: consent.contentSha256,
      documentTitle: 'Informed consent — signed',
      documentDetail: `Consent ${consent.id} · text version ${consent.documentVersion} · Signed`,
      footerIdentity: `Informed consent ${consent.id} · document ${consent.documentId} version ${consent.documentVersion} · `,
      signedAt: consent.signedAt,
    },
    options,
  );
  const { flow } = open;
  flow.paragraph([text(input.text.title, styles.title)], { gapAfterPt: 2 });
  flow.paragraph(
    [
      text(`Text version ${consent.documentVersion} · SHA-256 `, styles.bodyBold),
      text(consent.textSha256.toLowerCase(), styles.mono),
    ],
    { gapAfterPt: 1 },
  );
  flow.paragraph(
    [
      text(
        consent.planRecordId === null
          ? 'For no particular series'
          : `For the series of plan record ${consent.planRecordId}`,
      ),
      text(` · obtained by ${consent.clinicianPrintedName}, ${clinicTime(consent.signedAt, zone)}`),
    ],
    { gapAfterPt: 4 },
  );
  writeConsentText(flow, input.text.body);
  writeInitialled(flow, input);
  writeSigner(flow, input);
  writeClinicianAndWitness(flow, input);
  const place = writeSignatureSection(flow, {
    signatures: [
      { printedName: consent.clinicianPrintedName, meaning: consentSignatureMeaning, signedAt: consent.signedAt },
    ],
    timeZone: zone,
    recordSha256: consent.contentSha256,
  });
  return closeSignedDocument(
    open,
    {
      recordJson: input.recordJson,
      attachmentDescription: `Canonical JSON of informed consent ${consent.id} as signed; SHA-256 ${consent.contentSha256.toLowerCase()}`,
      place,
      signature: {
        signerName: consent.clinicianPrintedName,
        reason: `${consentSignatureMeaning}: informed consent ${consent.id}`,
        location: clinic.name,
        signingTime: new Date(consent.signedAt),
      },
    },
    options,
  );
}
