/** asn1js and pkijs speak ArrayBuffer; node:crypto speaks Buffer. These bridge the two. */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

export function derOf(block: { toBER(sizeOnly?: boolean): ArrayBuffer }): Buffer {
  return Buffer.from(block.toBER(false));
}

/** One DER TLV: tag byte, definite length, then the contents (already DER). */
export function derTlv(tag: number, ...contents: readonly Uint8Array[]): Buffer {
  const body = Buffer.concat(contents);
  const length = body.length;
  let header: number[];
  if (length < 0x80) {
    header = [tag, length];
  } else {
    const lengthBytes: number[] = [];
    for (let remaining = length; remaining > 0; remaining = Math.floor(remaining / 256))
      lengthBytes.unshift(remaining % 256);
    header = [tag, 0x80 | lengthBytes.length, ...lengthBytes];
  }
  return Buffer.concat([Buffer.from(header), body]);
}

export const derTags = { octetString: 0x04, sequence: 0x30, set: 0x31, contextConstructed0: 0xa0 } as const;

/**
 * DER requires the members of a SET OF in ascending order of their encodings (X.690
 * §11.6), compared as octet strings with the shorter padded with zeros. asn1js writes members
 * in the order given, so signed attributes are sorted here before they are signed.
 */
export function sortDerEncodings(encodings: readonly Buffer[]): Buffer[] {
  return [...encodings].sort((left, right) => {
    const length = Math.max(left.length, right.length);
    for (let index = 0; index < length; index += 1) {
      const difference = (left[index] ?? 0) - (right[index] ?? 0);
      if (difference !== 0) return difference;
    }
    return 0;
  });
}
