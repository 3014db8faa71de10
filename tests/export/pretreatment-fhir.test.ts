import { describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import type { PretreatmentResult } from '../../src/domain/pretreatment-results';
import { buildExportFiles } from '../../src/export/export-files';
import type { JsonResource } from './support/export-reader';
import { allNdjsonResources } from './support/export-reader';
import { r4Errors } from './support/r4-validator';
import { buildRecord, exportSnapshot, records } from './support/snapshot-fixture';
import { ucumErrors } from './support/ucum-codes';

const recordedBy = { userId: 2, printedName: 'Ana Ruiz, MD' };
const common = { source: { type: 'in-house' as const }, recordedBy, recordedAt: '2026-11-22T13:00:00.000Z', note: '' };
const results: PretreatmentResult[] = [
  {
    ...common,
    id: 'ecg-1',
    takenOn: '2026-10-01',
    source: { type: 'outside', reference: 'City Cardiology 4411' },
    value: { kind: 'ecg', rhythm: 'Sinus rhythm', rateBpm: 68, qtcMs: 421, interpretation: 'normal', text: '' },
  },
  {
    ...common,
    id: 'liver-1',
    takenOn: '2026-11-01',
    value: { kind: 'liver', altUPerL: '31', astUPerL: '28', bilirubinMgPerDl: '0.4' },
  },
  {
    ...common,
    id: 'kidney-1',
    takenOn: '2026-11-01',
    value: { kind: 'kidney', creatinineMgPerDl: '0.82', egfrMlMin173m2: '94' },
  },
  { ...common, id: 'preg-1', takenOn: '2026-11-20', value: { kind: 'pregnancy', result: 'negative', method: 'urine' } },
  {
    ...common,
    id: 'uds-1',
    takenOn: '2026-11-20',
    value: {
      kind: 'urine-drug-screen',
      classes: {
        amphetamines: 'negative',
        barbiturates: 'not-tested',
        benzodiazepines: 'positive',
        cannabinoids: 'negative',
        cocaine: 'negative',
        methadone: 'not-tested',
        opiates: 'negative',
        oxycodone: 'not-tested',
        phencyclidine: 'not-tested',
        fentanyl: 'negative',
        buprenorphine: 'not-tested',
        mdma: 'not-tested',
      },
    },
  },
  {
    ...common,
    id: 'sb-1',
    takenOn: '2026-11-20',
    value: {
      kind: 'stop-bang',
      answers: {
        snoring: 'yes',
        tired: 'no',
        observed: 'no',
        pressure: 'yes',
        bmiOver35: 'no',
        ageOver50: 'yes',
        neckOver40Cm: 'no',
        genderMale: 'no',
      },
    },
  },
  {
    ...common,
    id: 'item-1',
    takenOn: '2026-11-20',
    value: { kind: 'clinic-item', itemId: 'chest-x-ray', label: 'Chest X-ray', result: 'Clear' },
  },
];

const exam = buildRecord('exam', 9, 1, [
  {
    id: 901,
    content: completeExam('2026-11-22', { pretreatment: { results } }),
    author: 2,
    createdAt: '2026-11-22T13:00:00.000Z',
    signatures: [{ id: 90, signer: 2, meaning: 'authored', at: '2026-11-22T13:30:00.000Z' }],
  },
]);
const resources = allNdjsonResources(buildExportFiles(exportSnapshot({ records: [...records, exam] })));
const observation = (id: string) =>
  resources.find((resource) => resource.resourceType === 'Observation' && resource.id === id) as JsonResource;

describe('pre-treatment results as FHIR Observations', () => {
  it('exports each result, dated when taken, by whoever entered it, with LOINC codes where they fit', () => {
    expect(observation('exam-9-pre-liver-1-alt')).toMatchObject({
      category: [{ coding: [{ code: 'laboratory' }] }],
      code: { coding: [{ system: 'http://loinc.org', code: '1742-6' }] },
      valueQuantity: { value: 31, system: 'http://unitsofmeasure.org', code: 'U/L' },
      effectiveDateTime: '2026-11-01',
      performer: [{ reference: 'Practitioner/user-2' }],
    });
    expect(observation('exam-9-pre-kidney-1-egfr')).toMatchObject({ code: { text: 'eGFR (formula not recorded)' } });
    expect(observation('exam-9-pre-kidney-1-egfr').code).not.toHaveProperty('coding');
    expect(observation('exam-9-pre-ecg-1')).toMatchObject({
      category: [{ coding: [{ code: 'procedure' }] }],
      note: [{ text: 'Outside: City Cardiology 4411' }],
    });
    expect(JSON.stringify(observation('exam-9-pre-ecg-1').component)).toContain('8636-3');
    expect(observation('exam-9-pre-preg-1')).toMatchObject({
      code: { coding: [{ code: '2106-3' }] },
      valueCodeableConcept: { text: 'Negative' },
    });
    expect(observation('exam-9-pre-sb-1')).toMatchObject({ valueQuantity: { value: 3, code: '{score}' } });
    expect(observation('exam-9-pre-uds-1').component).toHaveLength(6);
    expect(observation('exam-9-pre-item-1')).toMatchObject({ valueCodeableConcept: { text: 'Clear' } });
  });

  it('keeps the export valid R4 with UCUM units', () => {
    const exported = resources.filter((resource) => String(resource.id).startsWith('exam-9-pre-'));
    expect(exported).toHaveLength(10);
    expect(exported.flatMap((resource) => r4Errors(resource))).toEqual([]);
    expect(exported.flatMap(ucumErrors)).toEqual([]);
  });
});
