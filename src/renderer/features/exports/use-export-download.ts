import { useEffect, useRef, useState } from 'react';
import type { MethodOutput } from '../../../contract/methods';
import { useApi } from '../../app/sign-in-context';
import { base64ToBytes, downloadBlob } from '../../lib/download';

export type ExportFile = NonNullable<MethodOutput<'exports.status'>['download']>;

/** Whether the SHA-256 of the bytes received matches the one computed where the export was written. */
export type DigestCheck = 'matches' | 'differs' | 'not-checked';

export type DownloadState =
  | { phase: 'idle' }
  | { phase: 'downloading'; receivedBytes: number; totalBytes: number }
  | { phase: 'saved'; check: Exclude<DigestCheck, 'differs'> }
  | { phase: 'failed'; message: string };

async function sha256Check(blob: Blob, expected: string): Promise<DigestCheck> {
  try {
    // crypto.subtle exists only in a secure context (127.0.0.1, the clinic host's TLS, app://).
    const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
    const hex = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
    return hex === expected ? 'matches' : 'differs';
  } catch {
    return 'not-checked';
  }
}

/**
 * Fetches a finished export's zip a chunk per call (the same call in Electron, browser mode or
 * from a clinic host), showing progress, then saves it on this device. Cancelling, or leaving
 * the page, stops before the next chunk.
 */
export function useExportDownload(exportId: string, file: ExportFile) {
  const api = useApi();
  const [state, setState] = useState<DownloadState>({ phase: 'idle' });
  const stopped = useRef(false);
  useEffect(
    () => () => {
      stopped.current = true;
    },
    [],
  );

  const start = async () => {
    stopped.current = false;
    const parts: Uint8Array<ArrayBuffer>[] = [];
    let offset = 0;
    setState({ phase: 'downloading', receivedBytes: 0, totalBytes: file.totalBytes });
    for (;;) {
      if (stopped.current) {
        setState({ phase: 'idle' });
        return;
      }
      const result = await api.call('exports.download', { exportId, offset });
      if (!result.ok) {
        setState({ phase: 'failed', message: result.error.message });
        return;
      }
      const chunk = result.value;
      const bytes = base64ToBytes(chunk.chunkBase64);
      if (chunk.offset !== offset || chunk.sha256 !== file.sha256 || bytes.length === 0) {
        setState({ phase: 'failed', message: 'The download was interrupted. Start it again.' });
        return;
      }
      parts.push(bytes);
      offset += bytes.length;
      setState({ phase: 'downloading', receivedBytes: offset, totalBytes: chunk.totalBytes });
      if (chunk.done) break;
    }
    if (offset !== file.totalBytes) {
      setState({ phase: 'failed', message: 'The file received is not the size of the export. Start it again.' });
      return;
    }
    const blob = new Blob(parts, { type: 'application/zip' });
    const check = await sha256Check(blob, file.sha256);
    if (check === 'differs') {
      setState({
        phase: 'failed',
        message: 'The file received does not match the export (its SHA-256 differs), so it was not saved. Start again.',
      });
      return;
    }
    downloadBlob(file.fileName, blob);
    setState({ phase: 'saved', check });
  };

  const cancel = () => {
    stopped.current = true;
  };

  return { state, start, cancel };
}
