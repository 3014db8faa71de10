import type { MonitoringItem } from '../../../domain/session-monitoring';
import type { SupervisionAvailability, SupervisionChoice } from '../../../domain/session-supervision';

/** The start screen's supervision fields as typed. */
export interface StartSupervisionValues {
  physicianUserId: string;
  availability: '' | SupervisionAvailability;
  monitoringReason: string;
}

export const blankStartSupervision: StartSupervisionValues = {
  physicianUserId: '',
  availability: '',
  monitoringReason: '',
};

/**
 * What `sessions.start` gets besides the checklist: the physician chosen (none until both are
 * chosen: the server then refuses and says what to choose) and, where the clinic requires
 * monitoring, the reason typed for going without it.
 */
export function startSupervisionInput(
  values: StartSupervisionValues,
  requiredMonitoring: readonly MonitoringItem[],
): { supervision?: SupervisionChoice; monitoringReason?: string } {
  const userId = Number(values.physicianUserId);
  const chosen = values.physicianUserId !== '' && Number.isInteger(userId) && values.availability !== '';
  const reason = values.monitoringReason.trim();
  return {
    ...(chosen && values.availability !== ''
      ? { supervision: { physicianUserId: userId, availability: values.availability } }
      : {}),
    ...(requiredMonitoring.length > 0 && reason !== '' ? { monitoringReason: values.monitoringReason } : {}),
  };
}
