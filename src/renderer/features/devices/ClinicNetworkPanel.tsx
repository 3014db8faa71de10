import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { MethodOutput } from '../../../contract/methods';
import type { NetworkAddress, SharingStatus } from '../../../domain/clinic-sharing';
import { defaultSharingPort } from '../../../domain/clinic-sharing';
import { formatDateTime } from '../../../domain/time';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { useCall } from '../../app/use-call';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Facts } from '../../components/Facts';
import { LoadState } from '../../components/LoadState';
import { Notice } from '../../components/Notice';
import { PasswordField } from '../../components/PasswordField';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { applyServerIssues } from '../../lib/form-errors';
import { useFormProblems } from '../../lib/use-form-problems';

type Sharing = MethodOutput<'host.sharing'>;

const shareSchema = z.object({
  address: z.string().min(1, 'Choose an address of this computer'),
  port: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, 'Enter the port, 1024–65535')
    .transform(Number)
    .refine((port) => port >= 1024 && port <= 65_535, 'Use a port from 1024 to 65535'),
  adminPassword: z.string().min(1, 'Enter your password'),
});
type Values = z.input<typeof shareSchema>;
type Request = z.output<typeof shareSchema>;

/** "192.168.1.20 (eth0)", and loopback said for what it is. */
export function addressLabel(item: NetworkAddress): string {
  return item.internal
    ? `${item.address} (this computer only: no other device can reach it)`
    : `${item.address} (${item.interfaceName}, ${item.family})`;
}

/** While a start is under way the status is read again every second, until it settles. */
const startingPollMs = 1000;

/**
 * The desktop app's "Share this ledger on the clinic network": off, or serving on the one
 * address an administrator chose, with the clinic root's fingerprint to check devices against.
 */
export function ClinicNetworkPanel() {
  const sharing = useCall('host.sharing', {});
  const { reload } = sharing;
  const starting = sharing.loaded.status === 'ready' && sharing.loaded.value.status.state === 'starting';
  useEffect(() => {
    if (!starting) return undefined;
    const timer = setInterval(reload, startingPollMs);
    return () => clearInterval(timer);
  }, [starting, reload]);
  if (sharing.loaded.status !== 'ready') {
    return (
      <section className="card" aria-labelledby="clinic-network-title">
        <h2 id="clinic-network-title">Clinic network</h2>
        <LoadState loaded={sharing.loaded} what="clinic network sharing" />
      </section>
    );
  }
  // On a device of the clinic host, sharing belongs to the computer that holds the ledger.
  if (!sharing.loaded.value.available) return null;
  return <SharingCard sharing={sharing.loaded.value} onChanged={reload} />;
}

export function SharingCard({ sharing, onChanged }: { sharing: Sharing; onChanged: () => void }) {
  const { status } = sharing;
  return (
    <section className="card" aria-labelledby="clinic-network-title">
      <h2 id="clinic-network-title">Clinic network</h2>
      <SharingStatusText status={status} />
      {status.state === 'serving' || status.state === 'starting' ? (
        <StopSharing onStopped={onChanged} />
      ) : (
        <StartSharingForm sharing={sharing} onStarted={onChanged} />
      )}
    </section>
  );
}

export function SharingStatusText({ status }: { status: SharingStatus }) {
  const { clinic } = useSignedIn();
  switch (status.state) {
    case 'off':
      return (
        <p>
          <strong>Not shared.</strong> Only this computer uses this ledger. Share it so that the clinic’s tablets and
          workstations, once enrolled, use it over the clinic network (HTTPS, with a certificate from the clinic’s own
          root).
        </p>
      );
    case 'starting':
      return (
        <Notice tone="info" live="status">
          Starting to share on {status.address}, port {status.port}…
        </Notice>
      );
    case 'failed':
      return (
        <Notice tone="error" live="alert" title="Not shared">
          Sharing on {status.address}, port {status.port} did not start: {status.message}
        </Notice>
      );
    case 'serving':
      return (
        <>
          <Notice tone="success" live="status" title="Shared on the clinic network">
            Enrolled devices open <strong>{status.origin}</strong>
            {status.hostNames.length > 0 && <> (or {status.hostNames.join(', ')})</>}.
          </Notice>
          <Facts
            facts={[
              { label: 'Shared since', value: formatDateTime(status.since, clinic.timeZone) },
              { label: 'Clinic root fingerprint (SHA-256)', value: <code>{status.rootFingerprintSha256}</code> },
            ]}
          />
          <p>A device is checked against this fingerprint when it is first set up to trust the clinic root.</p>
        </>
      );
  }
}

function StopSharing({ onStopped }: { onStopped: () => void }) {
  const api = useApi();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const stop = async () => {
    setBusy(true);
    const result = await api.call('host.stopSharing', {});
    setBusy(false);
    setError(result.ok ? null : result.error.message);
    onStopped();
  };
  return (
    <>
      {error !== null && (
        <Notice tone="error" live="alert">
          {error}
        </Notice>
      )}
      <div className="actions">
        <button type="button" className="button" disabled={busy} onClick={() => void stop()}>
          {busy ? 'Stopping…' : 'Stop sharing'}
        </button>
      </div>
    </>
  );
}

function StartSharingForm({ sharing, onStarted }: { sharing: Sharing; onStarted: () => void }) {
  const api = useApi();
  const last = sharing.status.state === 'failed' ? sharing.status : null;
  const empty: Values = {
    address: last?.address ?? sharing.addresses.find((item) => !item.internal)?.address ?? '',
    port: String(last?.port ?? defaultSharingPort),
    adminPassword: '',
  };
  const { register, handleSubmit, formState, setError, setFocus, resetField } = useForm<Values, unknown, Request>({
    resolver: zodResolver(shareSchema),
    defaultValues: empty,
    shouldFocusError: false,
  });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  const errors = formState.errors;
  const submit = handleSubmit(
    async (values) => {
      const result = await api.call('host.startSharing', values);
      resetField('adminPassword');
      if (result.ok) {
        fail([]);
        onStarted();
        return;
      }
      const unmatched = applyServerIssues(result.error, setError, Object.keys(empty));
      fail(unmatched.length > 0 || result.error.issues === undefined ? [result.error.message] : []);
    },
    () => fail(),
  );
  return (
    <>
      <ErrorSummary problems={problems} attempt={attempt} onSelect={(path) => setFocus(path as FieldPath<Values>)} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <SelectField
            id="sharing-address"
            label="Address on the clinic network"
            hint="Devices reach the ledger at this address only; nothing listens on the others."
            registration={register('address')}
            error={errors.address?.message}
          >
            <option value="">Choose an address</option>
            {sharing.addresses.map((item) => (
              <option key={item.address} value={item.address}>
                {addressLabel(item)}
                {sharing.certifiedAddresses.includes(item.address) ? ' — certificate issued' : ''}
              </option>
            ))}
          </SelectField>
          <TextField
            id="sharing-port"
            label="Port"
            inputMode="numeric"
            className="input-short"
            autoComplete="off"
            registration={register('port')}
            error={errors.port?.message}
          />
          <PasswordField
            id="sharing-password"
            registration={register('adminPassword')}
            error={errors.adminPassword?.message}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Starting…' : 'Share on the clinic network'}
          </button>
        </div>
      </form>
    </>
  );
}
