import { useCallback, useState } from 'react';
import type { BackupRun } from '../../../domain/backups';
import { useApi } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { BackUpNow } from './BackUpNow';
import { BackupList } from './BackupList';
import { BackupSettingsForm } from './BackupSettingsForm';
import { TestRestoreDialog } from './TestRestoreDialog';

const pageSize = 20;

/**
 * The administrator's backups: where and when, "Back up now", every backup with its check, and
 * the restore drill. Backups are encrypted; the passphrase opens them anywhere, with or without
 * this app (the age tool).
 */
export function BackupsPage() {
  const api = useApi();
  const settings = useCall('backups.settings.get', {});
  const list = useCall('backups.list', { limit: pageSize });
  const [older, setOlder] = useState<BackupRun[]>([]);
  const [nextBeforeId, setNextBeforeId] = useState<number | null | undefined>(undefined);
  const [olderError, setOlderError] = useState<string | null>(null);
  const [restoring, setRestoring] = useState<BackupRun | null>(null);
  const reloadList = list.reload;
  const refreshList = useCallback(() => {
    setOlder([]);
    setNextBeforeId(undefined);
    reloadList();
  }, [reloadList]);

  const firstPage = list.loaded.status === 'ready' ? list.loaded.value : null;
  const cursor = nextBeforeId === undefined ? (firstPage?.nextBeforeId ?? null) : nextBeforeId;
  const showOlder = async () => {
    if (cursor === null) return;
    const result = await api.call('backups.list', { limit: pageSize, beforeId: cursor });
    if (!result.ok) {
      setOlderError(result.error.message);
      return;
    }
    setOlder((runs) => [...runs, ...result.value.runs]);
    setNextBeforeId(result.value.nextBeforeId);
  };

  const current = settings.loaded.status === 'ready' ? settings.loaded.value.settings : null;
  return (
    <div className="page">
      <PageHeading title="Backups" />
      <LoadState loaded={settings.loaded} what="backup settings" />
      {settings.loaded.status === 'ready' && (
        <BackupSettingsForm
          settings={current}
          onSaved={() => {
            settings.reload();
          }}
        />
      )}
      <BackUpNow ready={current !== null} onFinished={refreshList} />
      <section className="card" aria-labelledby="backup-list-title">
        <h2 id="backup-list-title">Backups</h2>
        <LoadState loaded={list.loaded} what="backups" />
        {firstPage !== null && (
          <BackupList runs={[...firstPage.runs, ...older]} onTestRestore={(run) => setRestoring(run)} />
        )}
        {olderError !== null && <Notice tone="error">{olderError}</Notice>}
        {cursor !== null && (
          <div className="actions">
            <button type="button" className="button button-secondary" onClick={() => void showOlder()}>
              Show older
            </button>
          </div>
        )}
      </section>
      {restoring !== null && (
        <TestRestoreDialog run={restoring} onClose={() => setRestoring(null)} onFinished={refreshList} />
      )}
    </div>
  );
}
