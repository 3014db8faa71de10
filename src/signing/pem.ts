/** PEM armour (RFC 7468): base64 of DER between BEGIN/END lines with a label. */

const blockPattern = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export interface PemBlock {
  label: string;
  der: Buffer;
}

/** Every PEM block in a text, in order (a trust file may hold several certificates). */
export function readPemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const match of text.matchAll(blockPattern)) {
    blocks.push({ label: match[1] ?? '', der: Buffer.from((match[2] ?? '').replace(/\s+/g, ''), 'base64') });
  }
  return blocks;
}

/** The DER of the first block with `label`; throws in words when there is none. */
export function pemToDer(pem: string, label: string): Buffer {
  const block = readPemBlocks(pem).find((candidate) => candidate.label === label);
  if (block === undefined) throw new Error(`The text holds no PEM block labelled "${label}".`);
  return block.der;
}

export function derToPem(der: Uint8Array, label: string): string {
  const base64 = Buffer.from(der).toString('base64');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** All certificates in a PEM text (bundle or single), as DER. */
export function certificatesFromPem(text: string): Buffer[] {
  return readPemBlocks(text)
    .filter((block) => block.label === 'CERTIFICATE')
    .map((block) => block.der);
}
