import type { Formulary } from '../../../domain/formulary';
import type { Patient } from '../../../domain/patient';
import type { RecordView } from '../../../domain/record-view';
import type { Loaded } from '../../app/use-call';
import { useCall } from '../../app/use-call';
import { useRecordFollow } from './use-record-follow';

export interface RecordData {
  /** The patient as soon as known, for the banner while the rest loads. */
  patient: Patient | null;
  /** Everything, once every read has answered. */
  ready: { patient: Patient; view: RecordView; records: RecordView[]; formulary: Formulary } | null;
  /** The first read still loading or failed, for the loading and error messages. */
  loaded: Loaded<unknown>;
  replace: (view: RecordView) => void;
  reload: () => void;
}

/**
 * What a record screen reads: the patient (banner), the record (opening it is audited), the
 * patient's other records (the exam a plan rests on) and the formulary (drug names, limits).
 */
export function useRecordData(patientId: number, recordId: number): RecordData {
  const patient = useCall('patients.get', { patientId });
  const record = useCall('records.get', { recordId });
  // Unaudited, so it follows ledger changes in clinic mode; the record follows it (see useRecordFollow).
  const records = useCall('records.list', { patientId }, { live: true });
  const formulary = useCall('formulary.get', {});
  const all: Loaded<unknown>[] = [patient.loaded, record.loaded, records.loaded, formulary.loaded];
  const pending = all.find((loaded) => loaded.status === 'failed') ?? all.find((loaded) => loaded.status !== 'ready');
  useRecordFollow(
    record.loaded.status === 'ready' ? record.loaded.value : null,
    records.loaded.status === 'ready'
      ? (records.loaded.value.records.find((listed) => listed.id === recordId) ?? null)
      : null,
    record.reload,
  );
  const belongs = record.loaded.status === 'ready' && record.loaded.value.patientId === patientId;
  return {
    patient: patient.loaded.status === 'ready' ? patient.loaded.value : null,
    ready:
      patient.loaded.status === 'ready' &&
      record.loaded.status === 'ready' &&
      records.loaded.status === 'ready' &&
      formulary.loaded.status === 'ready' &&
      belongs
        ? {
            patient: patient.loaded.value,
            view: record.loaded.value,
            records: records.loaded.value.records,
            formulary: formulary.loaded.value,
          }
        : null,
    loaded:
      pending ??
      ({
        status: 'failed',
        error: { code: 'NOT_FOUND', message: 'This record belongs to another patient. Open it from their chart.' },
      } as const),
    replace: record.replace,
    reload: () => {
      record.reload();
      records.reload();
    },
  };
}
