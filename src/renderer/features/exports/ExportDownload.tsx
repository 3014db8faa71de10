import { Facts } from '../../components/Facts';
import { Notice } from '../../components/Notice';
import { formatByteSize } from './byte-size';
import type { ExportFile } from './use-export-download';
import { useExportDownload } from './use-export-download';

/**
 * The finished export, downloaded to the device in use: an auditor on a tablet or another
 * workstation cannot reach the folder beside the ledger, so the same zip comes to them through
 * the app, with progress, and its SHA-256 to compare.
 */
export function ExportDownload({ exportId, file, outPath }: { exportId: string; file: ExportFile; outPath: string }) {
  const { state, start, cancel } = useExportDownload(exportId, file);
  const size = formatByteSize(file.totalBytes);
  return (
    <section className="card" aria-labelledby="export-download-title">
      <h2 id="export-download-title">Download to this device</h2>
      <p>
        The export is kept on the computer that holds the ledger, in this file:
        <code className="hash">{outPath}</code>
      </p>
      <p>Working on another device, such as a tablet or a workstation? Download the same zip to it here.</p>
      <Facts
        facts={[
          { label: 'File', value: file.fileName },
          { label: 'Size', value: size },
          { label: 'SHA-256 of the zip', value: <code className="hash export-sha256">{file.sha256}</code> },
        ]}
      />
      <div className="actions">
        <button
          type="button"
          className="button button-primary"
          disabled={state.phase === 'downloading'}
          onClick={() => void start()}
        >
          Download the export ({size})
        </button>
      </div>
      <div role="status" aria-live="polite">
        {state.phase === 'downloading' && (
          <div className="export-progress">
            <label htmlFor="export-download-bar">
              Downloaded {formatByteSize(state.receivedBytes)} of {formatByteSize(state.totalBytes)}
            </label>
            <progress id="export-download-bar" max={state.totalBytes} value={state.receivedBytes} />
            <div className="actions">
              <button type="button" className="button button-secondary" onClick={cancel}>
                Cancel download
              </button>
            </div>
          </div>
        )}
        {state.phase === 'saved' && (
          <Notice tone="success" title="Download complete">
            <p>
              {file.fileName} was saved to this device&apos;s downloads.{' '}
              {state.check === 'matches'
                ? 'Its SHA-256, computed on this device, matches the one above.'
                : 'This device could not compute its SHA-256: compare the one above with sha256sum (or Get-FileHash on Windows).'}{' '}
              Inside the zip, manifest.json lists the SHA-256 of every file.
            </p>
          </Notice>
        )}
        {state.phase === 'failed' && (
          <Notice tone="error" title="The download did not finish">
            <p>{state.message}</p>
          </Notice>
        )}
      </div>
    </section>
  );
}
