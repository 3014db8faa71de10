import { zodResolver } from '@hookform/resolvers/zod';
import type { FieldPath } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Device } from '../../../domain/devices';
import { deviceNameSchema, pairingCodeInputSchema } from '../../../domain/devices';
import { useApi } from '../../app/sign-in-context';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/TextField';
import { applyServerIssues } from '../../lib/form-errors';
import { useFormProblems } from '../../lib/use-form-problems';

const approveSchema = z.object({ pairingCode: pairingCodeInputSchema, name: deviceNameSchema });
type Values = z.input<typeof approveSchema>;
type Approval = z.output<typeof approveSchema>;

const empty: Values = { pairingCode: '', name: '' };

/**
 * Lets a waiting device in: the code it shows, and the name it will have in the list and the
 * audit trail. A refused approval (a wrong or expired code, the host away) keeps what was typed.
 */
export function ApproveDeviceForm({ onApproved }: { onApproved: (device: Device) => void }) {
  const api = useApi();
  const { register, handleSubmit, formState, setError, setFocus, reset } = useForm<Values, unknown, Approval>({
    resolver: zodResolver(approveSchema),
    defaultValues: empty,
    shouldFocusError: false,
  });
  const { problems, attempt, fail } = useFormProblems(formState.errors);
  const errors = formState.errors;
  const submit = handleSubmit(
    async (values) => {
      const result = await api.call('devices.approve', values);
      if (result.ok) {
        reset(empty);
        fail([]);
        onApproved(result.value);
        return;
      }
      const unmatched = applyServerIssues(result.error, setError, Object.keys(empty));
      fail(unmatched.length > 0 || result.error.issues === undefined ? [result.error.message] : []);
    },
    () => fail(),
  );
  return (
    <section className="card" aria-labelledby="approve-device-title">
      <h2 id="approve-device-title">Approve a device</h2>
      <p>The device shows its pairing code on its screen after it asks to be enrolled. Codes work for 15 minutes.</p>
      <ErrorSummary problems={problems} attempt={attempt} onSelect={(path) => setFocus(path as FieldPath<Values>)} />
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="form-grid">
          <TextField
            id="approve-device-code"
            label="Pairing code"
            hint="8 characters, like K7QM-4Z2P."
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            registration={register('pairingCode')}
            error={errors.pairingCode?.message}
          />
          <TextField
            id="approve-device-name"
            label="Device name"
            hint='Where it is and what it is, e.g. "Chair 3 tablet".'
            autoComplete="off"
            dir="auto"
            registration={register('name')}
            error={errors.name?.message}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button-primary" disabled={formState.isSubmitting}>
            {formState.isSubmitting ? 'Approving…' : 'Approve the device'}
          </button>
        </div>
      </form>
    </section>
  );
}
