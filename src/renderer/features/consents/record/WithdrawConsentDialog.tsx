import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { ConsentView } from '../../../../contract/consent-methods';
import type { FieldIssue } from '../../../../contract/errors';
import { formatDateTime } from '../../../../domain/time';
import { useApi, useSignedIn } from '../../../app/sign-in-context';
import { Dialog } from '../../../components/Dialog';
import { DialogForm } from '../../../components/DialogForm';
import { TextArea } from '../../../components/TextArea';
import { fieldMessages } from '../../../lib/field-messages';
import { fieldId } from '../../../lib/focus-field';
import { serverNow } from '../../../lib/server-clock';
import { OccurredAtFields } from '../../sessions/OccurredAtFields';
import type { OccurredAtValues } from '../../sessions/occurred-at';
import { occurredAtValues, parseOccurredAt } from '../../sessions/occurred-at';

const prefix = 'withdraw';

interface WithdrawValues {
  withdrawnAt: OccurredAtValues;
  reason: string;
}

/**
 * Records that the patient withdrew a consent: when they did, in clinic time, and the reason
 * they gave. A new entry: the consent stays readable, marked withdrawn, and is never used again.
 */
export function WithdrawConsentDialog({
  consent,
  onClose,
  onWithdrawn,
}: {
  consent: ConsentView;
  onClose: () => void;
  onWithdrawn: (view: ConsentView) => void;
}) {
  const api = useApi();
  const { clinic } = useSignedIn();
  const { register, handleSubmit, control, formState, setValue } = useForm<WithdrawValues>({
    defaultValues: { withdrawnAt: occurredAtValues(serverNow(), clinic.timeZone), reason: '' },
  });
  const typedDate = useWatch({ control, name: 'withdrawnAt.date' });
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const messages = fieldMessages(issues);

  const withdraw = handleSubmit(async (values) => {
    const found: FieldIssue[] = [];
    const withdrawnAt = parseOccurredAt(
      values.withdrawnAt,
      clinic.timeZone,
      'withdrawnAt',
      found,
      serverNow().getTime(),
    );
    if (values.reason.trim() === '') found.push({ path: 'reason', message: 'Enter the reason the patient gave' });
    setIssues(found);
    setProblem(undefined);
    if (withdrawnAt === null || found.length > 0) return;
    const result = await api.call('consents.withdraw', { consentId: consent.id, withdrawnAt, reason: values.reason });
    if (result.ok) {
      onWithdrawn(result.value);
      return;
    }
    // The server speaks of the instant; on this form it is the time typed.
    setIssues(
      (result.error.issues ?? []).map((issue) => ({
        path: issue.path === 'withdrawnAt' ? 'withdrawnAt.time' : issue.path,
        message: issue.message,
      })),
    );
    setProblem(result.error.message);
  });

  return (
    <Dialog title={`Withdraw consent: ${consent.documentTitle}`} onClose={onClose}>
      <p>
        Signed {formatDateTime(consent.patientSignedAt, clinic.timeZone)}, version {consent.documentVersion}. The
        consent stays in the record, marked withdrawn; if the patient consents again, record a new consent.
      </p>
      <DialogForm
        problem={problem}
        onSubmit={withdraw}
        submitting={formState.isSubmitting}
        action="Record the withdrawal"
        busy="Recording…"
        danger
        onCancel={onClose}
      >
        <OccurredAtFields
          prefix={prefix}
          path="withdrawnAt"
          legend="When the patient withdrew"
          what="withdrawn"
          date={register('withdrawnAt.date')}
          time={register('withdrawnAt.time')}
          typedDate={typedDate}
          messages={messages}
          onNow={() => {
            const now = occurredAtValues(serverNow(), clinic.timeZone);
            setValue('withdrawnAt.date', now.date);
            setValue('withdrawnAt.time', now.time);
          }}
        />
        <TextArea
          id={fieldId(prefix, 'reason')}
          label="Reason the patient gave"
          registration={register('reason')}
          error={messages.get('reason')}
        />
      </DialogForm>
    </Dialog>
  );
}
