import type { ExamContent } from '../domain/exam';
import type { Pump } from '../domain/pump';
import { emptyExam, historyItemNames } from '../domain/exam';
import type { Drug } from '../domain/formulary';
import { starterScreeningItems } from '../domain/formulary';
import { noLimits } from '../domain/limits';
import type { PlanContent } from '../domain/plan';
import { emptyPlan } from '../domain/plan';

/**
 * The demo clinic's ketamine entry. These numbers are what the demo clinic configured
 * for itself (demo and tests only); the app ships no drugs and no doses.
 */
export const demoKetamine: Drug = {
  id: 'ketamine',
  name: 'Ketamine hydrochloride',
  concentrationsMgPerMl: ['10', '50'],
  limits: {
    ...noLimits,
    doseMgPerKg: { hardMin: '0.05', softMin: '0.1', softMax: '1', hardMax: '2' },
    totalMg: { hardMin: null, softMin: null, softMax: '100', hardMax: '200' },
    durationMin: { hardMin: '20', softMin: '40', softMax: null, hardMax: null },
    weightMaxAgeDays: { soft: 30, hard: 90 },
  },
};

export const demoFormulary = { drugs: [demoKetamine], screeningItems: starterScreeningItems };

/** The demo clinic's volumetric pump, set in steps of 0.1 mL/h (demo only). */
export const demoPump: Pump = {
  id: 'volumetric',
  name: 'Volumetric infusion pump',
  kind: 'infusion-pump',
  rateStepMlPerH: '0.1',
};

export function completeExam(examDate: string, overrides: Partial<ExamContent> = {}): ExamContent {
  const exam = emptyExam(starterScreeningItems);
  return {
    ...exam,
    examDate,
    indication: { text: 'Fibromyalgia', icd10: 'M79.7' },
    history: {
      ...exam.history,
      answers: Object.fromEntries(historyItemNames.map((name) => [name, 'no'])) as ExamContent['history']['answers'],
      allergiesReviewed: true,
      currentMedications: 'Duloxetine 60 mg daily',
    },
    screening: exam.screening.map((item) => ({ ...item, answer: 'no' })),
    vitals: {
      systolicMmHg: 122,
      diastolicMmHg: 78,
      heartRateBpm: 72,
      spo2Percent: 98,
      respiratoryRatePerMin: 14,
      temperatureC: '36.8',
    },
    weight: { value: '72.4', unit: 'kg', measuredOn: examDate, source: 'measured' },
    heightCm: '168',
    scales: { phq9: [1, 2, 1, 0, 1, 2, 1, 0, 0], gad7: null, pcl5: null, painNrs: 7 },
    findings: 'Widespread tenderness; no focal neurological deficit.',
    candidacy: { decision: 'candidate', rationale: 'Refractory to first-line treatment.' },
    ...overrides,
  };
}

export function planWith(weightFrom: PlanContent['weight'], overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    ...emptyPlan,
    drugId: 'ketamine',
    concentrationMgPerMl: '50',
    administration: 'bag',
    diluent: '0.9% sodium chloride',
    diluentVolumeMl: '100',
    doseBasis: 'mg/kg',
    doseMgPerKg: '0.5',
    weight: weightFrom,
    durationMin: 40,
    series: { infusions: 6, intervalDays: 7 },
    monitoringIntervalMin: 15,
    ...overrides,
  };
}
