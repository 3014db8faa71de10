/** Saves bytes as a file through the browser's own download (no network involved). */
export function downloadBytes(fileName: string, bytes: Uint8Array | string, type: string): void {
  downloadBlob(fileName, new Blob([typeof bytes === 'string' ? bytes : new Uint8Array(bytes)], { type }), 1_000);
}

/**
 * Saves a Blob through an <a download> on a blob: URL of this page (no network involved, and
 * no Content-Security-Policy directive governs a download). The URL is revoked later, once the
 * browser has taken the file: longer for a large one.
 */
export function downloadBlob(fileName: string, blob: Blob, keepUrlMs = 60_000): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), keepUrlMs);
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const text = atob(base64);
  return Uint8Array.from(text, (character) => character.charCodeAt(0));
}

/** Reads a chosen file as base64, for sending through the contract. */
export async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = '';
  for (let index = 0; index < bytes.length; index += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(index, index + 0x8000));
  }
  return btoa(text);
}
