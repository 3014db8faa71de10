import { getPatient } from '../db/patients-repo';
import { getRecord, listEvents, listPatientRecords, listVersions } from '../db/records-repo';
import type { Handlers } from './context';
import { recordViews } from './record-views';
import { ServiceError } from './service-error';

export const chairsideHandlers: Handlers<'chairside.get' | 'chairside.status'> = {
  /**
   * The newest plan of the patient that has a signed version, with the exam it rests on.
   * A discontinued plan is still returned, so the screen can say so rather than go blank.
   */
  'chairside.get': (context, input) => {
    const patient = getPatient(context.ledger.db, input.patientId);
    if (patient === undefined) throw new ServiceError('NOT_FOUND', `There is no patient with ID ${input.patientId}.`);
    const all = recordViews(context, listPatientRecords(context.ledger.db, patient.id));
    const plan =
      all.find((record) => record.type === 'plan' && record.versions.some((version) => version.status === 'signed')) ??
      null;
    const current = plan?.versions.filter((version) => version.status === 'signed').at(-1) ?? null;
    const exam =
      all
        .filter((record) => record.type === 'exam')
        .flatMap((record) => record.versions)
        .find((version) => current !== null && version.id === current.examVersionId) ?? null;
    context.audit('chairside.viewed', 'patient', patient.id, {
      planRecordId: plan?.id ?? null,
      versionId: current?.id ?? null,
    });
    return { patient, plan, currentVersionId: current?.id ?? null, exam };
  },

  'chairside.status': (context, input) => {
    const record = getRecord(context.ledger.db, input.planRecordId);
    if (record?.type !== 'plan') throw new ServiceError('NOT_FOUND', `There is no plan with ID ${input.planRecordId}.`);
    const current = listVersions(context.ledger.db, [record.id])
      .filter((version) => version.status === 'signed')
      .at(-1);
    const discontinued = listEvents(context.ledger.db, [record.id]).find((event) => event.kind === 'discontinued');
    return {
      currentVersionId: current?.id ?? null,
      discontinued: discontinued !== undefined,
      discontinuedAt: discontinued?.at ?? null,
      latestSignedAt: current?.signedAt ?? null,
    };
  },
};
