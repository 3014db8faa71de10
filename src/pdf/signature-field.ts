import {
  byteRangePlaceholderName,
  defaultSignatureReserveBytes,
  signatureSubFilter,
} from '../signing/placeholder-format';
import { internalsOf } from './pdfkit-internals';

/** Annotation flags Print (4) + Locked (128): shown when printed, never edited. */
const widgetFlags = 132;
/** SignaturesExist (1) + AppendOnly (2). */
const signatureFlags = 3;

/**
 * Adds the signature field to the current page of a pdfkit document: the signature
 * dictionary with the /ByteRange and /Contents placeholders `signPdf` fills, the claimed
 * signing time in /M (PAdES), and a widget over the printed signature block so a viewer
 * shows the signature's details when it is clicked. Written by hand rather than with
 * @signpdf/placeholder-pdfkit (a dev dependency), and without NeedAppearances, which would
 * make Acrobat regenerate appearances and report the signed file as changed.
 */
export function addSignatureField(
  doc: PDFKit.PDFDocument,
  field: {
    /** The widget's rectangle on the page, in pdfkit's top-left coordinates (points). */
    box: { x: number; y: number; width: number; height: number };
    signerName: string;
    reason: string;
    location: string;
    signingTime: Date;
    reserveBytes?: number;
  },
): void {
  const internals = internalsOf(doc);
  const pageHeight = doc.page.height;
  const { x, y, width, height } = field.box;
  const signature = internals.ref({
    Type: 'Sig',
    Filter: 'Adobe.PPKLite',
    SubFilter: signatureSubFilter,
    ByteRange: [0, byteRangePlaceholderName, byteRangePlaceholderName, byteRangePlaceholderName],
    Contents: Buffer.alloc(field.reserveBytes ?? defaultSignatureReserveBytes),
    M: field.signingTime,
    Name: new String(field.signerName),
    Reason: new String(field.reason),
    Location: new String(field.location),
    Prop_Build: { App: { Name: 'DosingLedger' } },
  });
  signature.end();
  // An empty appearance: the printed signature block underneath is what the reader sees.
  const appearance = internals.ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, width, height], Resources: {} });
  appearance.end('');
  const widget = internals.ref({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: [x, pageHeight - y - height, x + width, pageHeight - y],
    V: signature,
    T: new String('Signature1'),
    F: widgetFlags,
    P: internals.page.dictionary,
    AP: { N: appearance },
  });
  widget.end();
  internals.page.annotations.push(widget);
  // pdfkit writes /AcroForm at the end (endAcroForm), which expects its own bookkeeping.
  internals._acroform = { fonts: {}, defaultFont: 'none' };
  internals._root.data.AcroForm = internals.ref({ Fields: [widget], SigFlags: signatureFlags, DR: { Font: {} } });
}
