import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Device } from '../../../domain/devices';
import { deviceNameSchema } from '../../../domain/devices';
import { useApi } from '../../app/sign-in-context';
import { Dialog } from '../../components/Dialog';
import { DialogForm } from '../../components/DialogForm';
import { isStaleSave, StaleSaveNotice } from '../../components/StaleSaveNotice';
import { TextField } from '../../components/TextField';

/** Gives an enrolled device a new name; the audit trail keeps the old one. */
export function RenameDeviceDialog({
  device,
  onClose,
  onRenamed,
}: {
  device: Device;
  onClose: () => void;
  onRenamed: (device: Device) => void;
}) {
  const api = useApi();
  const [problems, setProblems] = useState<{ name?: string; form?: string }>({});
  // Renamed by another administrator since the list was read: the list (which follows changes) shows it.
  const [stale, setStale] = useState<string | null>(null);
  const { register, handleSubmit, formState } = useForm<{ name: string }>({
    defaultValues: { name: device.name ?? '' },
  });
  const rename = handleSubmit(async ({ name }) => {
    const parsed = deviceNameSchema.safeParse(name);
    if (!parsed.success) {
      setProblems({ name: parsed.error.issues[0]?.message ?? 'Enter a name for the device' });
      document.getElementById('rename-device-name')?.focus();
      return;
    }
    const result = await api.call('devices.rename', {
      deviceId: device.id,
      expectedName: device.name,
      name: parsed.data,
    });
    if (result.ok) onRenamed(result.value);
    else if (isStaleSave(result.error)) setStale(result.error.message);
    else setProblems({ form: result.error.message });
  });
  return (
    <Dialog title={`Rename ${device.name ?? 'the device'}`} onClose={onClose}>
      {stale !== null && <StaleSaveNotice message={stale} onLoadLatest={onClose} replaces="the name typed here" />}
      <DialogForm
        problem={problems.form}
        onSubmit={rename}
        submitting={formState.isSubmitting}
        action="Rename the device"
        busy="Renaming…"
        onCancel={onClose}
      >
        <TextField
          id="rename-device-name"
          label="New name"
          autoComplete="off"
          dir="auto"
          registration={register('name')}
          error={problems.name}
        />
      </DialogForm>
    </Dialog>
  );
}
