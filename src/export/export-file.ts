/** One file of an export: a relative POSIX path inside the export folder, and its bytes. */
export interface ExportFile {
  path: string;
  bytes: Uint8Array;
}

const encoder = new TextEncoder();

export function textFile(path: string, text: string): ExportFile {
  return { path, bytes: encoder.encode(text) };
}

/**
 * Paths are made by this module, but they end up as names on someone's disk: refuse anything
 * that could leave the export folder or that Windows or macOS would not accept as a name.
 */
export function assertSafeExportPath(path: string): void {
  const segments = path.split('/');
  const unsafe =
    path === '' ||
    path.startsWith('/') ||
    segments.some(
      (segment) =>
        segment === '' ||
        segment === '.' ||
        segment === '..' ||
        /[\\:*?"<>|\p{Cc}]/u.test(segment) ||
        segment.endsWith('.'),
    );
  if (unsafe) throw new Error(`Unsafe path in export: "${path}"`);
}
