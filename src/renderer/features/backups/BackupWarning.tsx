import { Link } from 'react-router';
import { formatDateTime } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { Notice } from '../../components/Notice';

/**
 * For administrators, on the screen they land on: backups not set up, overdue for their
 * schedule, or the last scheduled one failed (the USB drive missing), with a link to fix it.
 */
export function BackupWarning() {
  const { clinic } = useSignedIn();
  const { loaded } = useCall('backups.status', {});
  if (loaded.status !== 'ready') return null;
  const status = loaded.value;
  const page = <Link to="/backups">Open the Backups page</Link>;
  if (!status.configured) {
    return (
      <Notice tone="warning" title="Backups are not set up">
        <p>One disk failure would lose every record. Choose a backup folder and a passphrase. {page}</p>
      </Notice>
    );
  }
  if (status.lastScheduledFailure !== null) {
    return (
      <Notice tone="warning" title="The last scheduled backup failed">
        <p>
          {formatDateTime(status.lastScheduledFailure.at, clinic.timeZone)}: {status.lastScheduledFailure.message}{' '}
          {page}
        </p>
      </Notice>
    );
  }
  if (status.overdue) {
    return (
      <Notice tone="warning" title="A backup is overdue">
        <p>
          {status.lastGoodAt === null
            ? 'No backup has been taken yet.'
            : `The last good backup is from ${formatDateTime(status.lastGoodAt, clinic.timeZone)}.`}{' '}
          {page}
        </p>
      </Notice>
    );
  }
  return null;
}
