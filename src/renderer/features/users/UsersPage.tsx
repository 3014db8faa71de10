import { useState } from 'react';
import type { User } from '../../../domain/user';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { BackupWarning } from '../backups/BackupWarning';
import { CreateUserForm } from './CreateUserForm';
import { ResetPasswordForm } from './ResetPasswordForm';
import { UsersTable } from './UsersTable';

type Message = { tone: 'success' | 'error'; text: string };

/** Administrators add, deactivate and reactivate accounts and reset passwords. */
export function UsersPage() {
  const api = useApi();
  const { user: me, clinic } = useSignedIn();
  const { loaded, replace } = useCall('users.list', {});
  const [message, setMessage] = useState<Message | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [busyUserId, setBusyUserId] = useState<number | null>(null);
  const users = loaded.status === 'ready' ? loaded.value : [];

  const put = (changed: User) => {
    const exists = users.some((user) => user.id === changed.id);
    replace(exists ? users.map((user) => (user.id === changed.id ? changed : user)) : [...users, changed]);
  };

  const setActive = async (user: User, active: boolean) => {
    setBusyUserId(user.id);
    const result = await api.call('users.setActive', { userId: user.id, active });
    setBusyUserId(null);
    if (result.ok) {
      put(result.value);
      setMessage({
        tone: 'success',
        text: active
          ? `${result.value.displayName} (${result.value.username}) can sign in again.`
          : `${result.value.displayName} (${result.value.username}) is deactivated and can no longer sign in.`,
      });
    } else {
      setMessage({ tone: 'error', text: result.error.message });
    }
  };

  return (
    <div className="page">
      <PageHeading title="Users" />
      {/* Administrators land here: the first screen of their menu. */}
      <BackupWarning />
      <div aria-live="polite">{message !== null && <Notice tone={message.tone}>{message.text}</Notice>}</div>
      <section className="card" aria-labelledby="users-list-title">
        <h2 id="users-list-title">Accounts</h2>
        <LoadState loaded={loaded} what="users" />
        {loaded.status === 'ready' && (
          <UsersTable
            users={users}
            currentUserId={me.id}
            clinicTimeZone={clinic.timeZone}
            busyUserId={busyUserId}
            onSetActive={(user, active) => void setActive(user, active)}
            onResetPassword={(user) => {
              setMessage(null);
              setResetting(user);
            }}
          />
        )}
      </section>
      {resetting !== null && (
        <ResetPasswordForm
          key={resetting.id}
          user={resetting}
          onCancel={() => setResetting(null)}
          onDone={(user) => {
            put(user);
            setResetting(null);
            setMessage({
              tone: 'success',
              text: `The password of ${user.displayName} (${user.username}) is reset. They must change it when they next sign in.`,
            });
          }}
        />
      )}
      <CreateUserForm
        onCreated={(user) => {
          put(user);
          setMessage({
            tone: 'success',
            text: `Account created for ${user.displayName} (${user.username}). They choose their own password when they first sign in.`,
          });
        }}
      />
    </div>
  );
}
