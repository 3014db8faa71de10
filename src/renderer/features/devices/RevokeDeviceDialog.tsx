import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Device } from '../../../domain/devices';
import { revokeReasonSchema } from '../../../domain/devices';
import { useApi } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { TextArea } from '../../components/TextArea';

/**
 * Revokes a device (or refuses a waiting request), with the reason: everyone signed in on it
 * is signed out at once and it cannot call the ledger any more until it is enrolled again.
 */
export function RevokeDeviceDialog({
  device,
  onClose,
  onRevoked,
}: {
  device: Device;
  onClose: () => void;
  onRevoked: (device: Device) => void;
}) {
  const api = useApi();
  const [problems, setProblems] = useState<{ reason?: string; form?: string }>({});
  const { register, handleSubmit, formState } = useForm<{ reason: string }>({ defaultValues: { reason: '' } });
  const pending = device.status === 'pending';
  const revoke = handleSubmit(async ({ reason }) => {
    const parsed = revokeReasonSchema.safeParse(reason);
    if (!parsed.success) {
      setProblems({ reason: parsed.error.issues[0]?.message ?? 'Say why the device is revoked' });
      document.getElementById('revoke-device-reason')?.focus();
      return;
    }
    const result = await api.call('devices.revoke', { deviceId: device.id, reason: parsed.data });
    if (result.ok) onRevoked(result.value);
    else setProblems({ form: result.error.message });
  });
  return (
    <Dialog
      title={pending ? `Refuse the request ${device.pairingCode}` : `Revoke ${device.name ?? 'the device'}`}
      onClose={onClose}
    >
      <p>
        {pending
          ? 'The device will not be let in with this code. It can ask again.'
          : 'Everyone signed in on this device is signed out at once, and it can no longer open the ledger. To use it again, it must ask to be enrolled and an administrator must approve it.'}
      </p>
      <DialogForm
        problem={problems.form}
        onSubmit={revoke}
        submitting={formState.isSubmitting}
        action={pending ? 'Refuse the request' : 'Revoke the device'}
        busy="Revoking…"
        danger
        onCancel={onClose}
      >
        <TextArea
          id="revoke-device-reason"
          label="Reason"
          hint="Kept in the audit trail, e.g. “Tablet lost”."
          maxLength={500}
          registration={register('reason')}
          error={problems.reason}
        />
      </DialogForm>
    </Dialog>
  );
}
