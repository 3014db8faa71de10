import { exportChunkMaxBytes } from '../contract/audit-methods';
import type { Handlers } from './context';
import { readDownloadChunk } from './export-download-file';
import { existingJob } from './export-jobs';
import { ServiceError } from './service-error';

/**
 * `exports.download`: the finished zip, a chunk per call, to the device that asked (through
 * whichever adapter it uses). A download is audited once, when a sign-in starts it (at
 * offset 0, or at any offset when it has none under way); it ends with its last chunk.
 */
export const exportDownloadHandlers: Handlers<'exports.download'> = {
  'exports.download': (context, input) => {
    const job = existingJob(input.exportId);
    if (job.state !== 'done' || job.download === null) {
      throw new ServiceError(
        'CONFLICT',
        job.state === 'writing'
          ? 'The export is still being written. Download it once it is complete.'
          : `This export did not complete (${job.state}), so there is nothing to download.`,
      );
    }
    const { download } = job;
    const chunk = readDownloadChunk(job.outPath, download, input.offset, input.maxBytes ?? exportChunkMaxBytes);
    const done = input.offset + chunk.length >= download.totalBytes;
    const signInId = context.signIn.id;
    if (input.offset === 0 || !job.downloading.has(signInId)) {
      context.audit('export.downloaded', 'export', job.id, {
        fileName: download.fileName,
        totalBytes: download.totalBytes,
        sha256: download.sha256,
        fromOffset: input.offset,
      });
    }
    // Only once the audit entry is committed does the download count as under way.
    context.afterCommit(() => {
      if (done) job.downloading.delete(signInId);
      else job.downloading.add(signInId);
    });
    return {
      fileName: download.fileName,
      offset: input.offset,
      chunkBase64: chunk.toString('base64'),
      totalBytes: download.totalBytes,
      sha256: download.sha256,
      done,
    };
  },
};
