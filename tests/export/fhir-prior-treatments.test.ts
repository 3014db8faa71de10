import { describe, expect, it } from 'vitest';
import { completeExam } from '../../src/cli/demo-clinical';
import type { ExamContent } from '../../src/domain/exam';
import { buildExportFiles } from '../../src/export/export-files';
import { allNdjsonResources, bundleOf, resourceById } from './support/export-reader';
import { requiredBindingErrors } from './support/fhir-bindings';
import { fhirSchemaErrors } from './support/fhir-schema';
import { r4Errors } from './support/r4-validator';
import { buildRecord, exportSnapshot } from './support/snapshot-fixture';

const flaggedBy = 'PHQ-9 item 9 scored 1 of 3';
const exam: ExamContent = completeExam('2026-11-10', {
  scales: { phq9: [1, 2, 1, 0, 1, 2, 1, 0, 1], gad7: null, pcl5: null, painNrs: null },
  priorTreatments: [
    {
      kind: 'medication',
      name: 'Sertraline',
      details: '150 mg daily',
      from: '2019-03',
      to: '2019-09-30',
      outcome: 'no-response',
      adequateTrial: 'yes',
      note: '',
    },
    {
      kind: 'medication',
      name: 'Bupropion',
      details: '',
      from: '2024',
      to: null,
      outcome: 'partial',
      adequateTrial: null,
      note: '',
    },
    {
      kind: 'procedure',
      name: 'Stellate ganglion block',
      details: 'Right side',
      from: '2021',
      to: '2021-06',
      outcome: 'partial',
      adequateTrial: null,
      note: 'Relief for 3 weeks',
    },
    {
      kind: 'therapy',
      name: 'Cognitive behavioural therapy',
      details: '12 sessions',
      from: null,
      to: null,
      outcome: 'unknown',
      adequateTrial: null,
      note: '',
    },
  ],
  riskScreen: [{ itemId: 'plan', label: 'Any plan or intent?', answer: 'no' }],
  riskAcknowledgement: { actionTaken: 'Safety plan written with the patient', flaggedBy },
});

const records = [
  buildRecord('exam', 10, 1, [
    {
      id: 1001,
      content: exam,
      author: 2,
      createdAt: '2026-11-10T14:00:00.000Z',
      signatures: [{ id: 101, signer: 2, meaning: 'authored', at: '2026-11-10T14:05:00.000Z' }],
    },
  ]),
];
const files = buildExportFiles(exportSnapshot({ records }));
const resources = allNdjsonResources(files);

describe('prior treatments and the suicide risk in the FHIR export', () => {
  it('writes medications as MedicationStatement: active without an end, dates as partial as recorded', () => {
    const sertraline = resourceById(resources, 'MedicationStatement', 'exam-10-prior-treatment-1');
    expect(sertraline).toMatchObject({
      status: 'completed',
      medicationCodeableConcept: { text: 'Sertraline' },
      effectivePeriod: { start: '2019-03', end: '2019-09-30' },
      dosage: [{ text: '150 mg daily' }],
      subject: { reference: 'Patient/patient-1' },
      context: { reference: 'Encounter/exam-10' },
      informationSource: { reference: 'Practitioner/user-2' },
    });
    expect(JSON.stringify(sertraline.note)).toContain('No response; adequate trial: Yes');
    const bupropion = resourceById(resources, 'MedicationStatement', 'exam-10-prior-treatment-2');
    expect(bupropion).toMatchObject({ status: 'active', effectivePeriod: { start: '2024' } });
    expect(bupropion.dosage).toBeUndefined();
  });

  it('writes procedures and therapies as completed Procedure with the outcome in words', () => {
    const block = resourceById(resources, 'Procedure', 'exam-10-prior-treatment-3');
    expect(block).toMatchObject({
      status: 'completed',
      code: { text: 'Stellate ganglion block (Right side)' },
      // A year and a month within it: given at the year, which both share (the note keeps both).
      performedPeriod: { start: '2021', end: '2021' },
      outcome: { text: 'Partial response' },
    });
    expect(JSON.stringify(block.note)).toContain('2021 to Jun-2021');
    expect(resourceById(resources, 'Procedure', 'exam-10-prior-treatment-4').performedPeriod).toBeUndefined();
  });

  it('writes the flagged risk as an Observation of the exam with what was done', () => {
    const risk = resourceById(resources, 'Observation', 'exam-10-suicide-risk');
    expect(JSON.stringify(risk.valueCodeableConcept)).toContain('PHQ-9 item 9 scored 1 of 3');
    expect(risk.note).toEqual([{ text: 'What was done: Safety plan written with the patient' }]);
  });

  it('stays valid R4 by Medplum, fhirpath.js and the official JSON schema', () => {
    const ours = resources.filter((resource) => /^exam-10-(prior-treatment|suicide-risk)/.test(resource.id));
    expect(ours).toHaveLength(5);
    expect(ours.flatMap(r4Errors)).toEqual([]);
    expect(resources.flatMap(fhirSchemaErrors)).toEqual([]);
    expect(resources.flatMap(requiredBindingErrors)).toEqual([]);
    expect(fhirSchemaErrors(bundleOf(files))).toEqual([]);
  });
});
