import type { Clinic } from '../../../domain/clinic';
import { useCall } from '../../app/use-call';
import { LoadState } from '../../components/LoadState';
import { PageHeading } from '../../components/PageHeading';
import { ClinicSettingsForm } from './ClinicSettingsForm';
import { SessionConfigurationForm } from './SessionConfigurationForm';

export function ClinicSettingsPage() {
  const { loaded, replace } = useCall('clinic.get', {});
  const sessions = useCall('clinic.sessionConfiguration.get', {});
  return (
    <div className="page page-narrow">
      <PageHeading title="Clinic settings" />
      <LoadState loaded={loaded} what="clinic settings" />
      {loaded.status === 'ready' && (
        <ClinicSettingsForm clinic={loaded.value} onSaved={(clinic: Clinic) => replace(clinic)} />
      )}
      <LoadState loaded={sessions.loaded} what="session settings" />
      {sessions.loaded.status === 'ready' && (
        <SessionConfigurationForm configuration={sessions.loaded.value} onSaved={sessions.replace} />
      )}
    </div>
  );
}
