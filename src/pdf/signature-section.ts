import type { DocumentFlow } from './document-flow';
import { linesHeight, text } from './document-flow';
import { colors, styles } from './summary-theme';
import { signatureLine } from './summary-wording';

export interface SignatureBlockPlace {
  pageIndex: number;
  box: { x: number; y: number; width: number; height: number };
}

/**
 * The signature manifestation of 21 CFR 11.50 (printed name, date and time, meaning) and
 * how the signature is linked to the record (11.70). Returns where it was drawn, for the
 * signature widget.
 */
export function writeSignatureSection(
  flow: DocumentFlow,
  input: {
    signatures: readonly { printedName: string; meaning: string; signedAt: string }[];
    timeZone: string;
    recordSha256: string;
  },
): SignatureBlockPlace {
  const padding = 9;
  const innerWidth = flow.width - 2 * padding;
  const signatureLines = input.signatures.flatMap((signature) =>
    flow.engine.lines([text(signatureLine(signature, input.timeZone), styles.signature)], innerWidth),
  );
  const statement = flow.engine.lines(
    [
      text(
        'Electronic signature (21 CFR Part 11). The printed name of the signer, the date and time of signing with its UTC offset, and the meaning of the signature are shown above (§ 11.50). The signature binds the SHA-256 of the record’s canonical JSON, embedded in this file as record.json, and this PDF carries a digital signature (PAdES, ETSI.CAdES.detached) by the signer’s certificate, issued by the clinic’s signing root, so that it cannot be copied to another record or the record changed without detection (§ 11.70). Check it with “dosing-ledger verify” or any PDF reader that trusts the clinic root.',
        styles.small,
      ),
    ],
    innerWidth,
  );
  const hash = flow.engine.lines(
    [
      text('SHA-256 of record.json  ', styles.label),
      text(input.recordSha256.toLowerCase(), { ...styles.mono, size: 7.5 }),
    ],
    innerWidth,
  );
  const height = linesHeight(signatureLines) + linesHeight(statement) + linesHeight(hash) + 2 * padding + 10;

  flow.heading('Signature');
  flow.ensure(height);
  const box = { x: flow.frame.left, y: flow.y, width: flow.width, height };
  flow.doc.rect(box.x, box.y, box.width, box.height).lineWidth(0.9).strokeColor(colors.heading).stroke();
  let y = box.y + padding;
  y += flow.drawLines(signatureLines, box.x + padding, y) + 5;
  y += flow.drawLines(statement, box.x + padding, y) + 5;
  flow.drawLines(hash, box.x + padding, y);
  flow.y = box.y + box.height + 6;
  const pageIndex = flow.doc.bufferedPageRange().start + flow.doc.bufferedPageRange().count - 1;
  return { pageIndex, box };
}
