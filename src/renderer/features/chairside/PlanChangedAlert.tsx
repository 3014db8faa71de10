import { useEffect, useState } from 'react';
import { useApi, useSignedIn } from '../../app/sign-in-context';
import { Icon } from '../../components/Icon';
import { formatClockTime } from '../../../domain/clock-time';
import { clinicToday } from '../../lib/clinic-today';

/**
 * Says, prominently and in words, that the plan on screen changed since it was opened, and
 * offers the current one. The figures stay as they were until the nurse asks: numbers that
 * change under someone's eyes mid-task are how wrong rates get set.
 */
export function PlanChangedAlert({
  planRecordId,
  status,
  onShowCurrent,
}: {
  planRecordId: number;
  status: { kind: 'amended'; signedAt: string | null } | { kind: 'discontinued' };
  onShowCurrent: () => void;
}) {
  const api = useApi();
  const { clinic } = useSignedIn();
  const [discontinuedAt, setDiscontinuedAt] = useState<string | null>(null);
  const discontinued = status.kind === 'discontinued';
  // chairside.status says that a plan was discontinued, not when: the record says when.
  useEffect(() => {
    if (!discontinued) return undefined;
    let live = true;
    void api.call('records.get', { recordId: planRecordId }).then((result) => {
      if (live && result.ok) setDiscontinuedAt(result.value.discontinued?.at ?? null);
    });
    return () => {
      live = false;
    };
  }, [api, discontinued, planRecordId]);
  const when = (instant: string | null) =>
    instant === null
      ? ''
      : ` at ${formatClockTime(instant, clinic.timeZone, { offset: true, today: clinicToday(clinic.timeZone) })}`;
  return (
    <div className="plan-changed" role="alert">
      <Icon name="warning" className="plan-changed-icon" />
      <div className="plan-changed-body">
        <p className="plan-changed-text">
          {status.kind === 'amended'
            ? `This plan was amended${when(status.signedAt)} — the figures below are out of date.`
            : `This plan was discontinued${when(discontinuedAt)} — do not start or continue an infusion from the figures below.`}
        </p>
        <button type="button" className="button button-primary button-large" onClick={onShowCurrent}>
          Show the current plan
        </button>
      </div>
    </div>
  );
}
