import { scaleDefinitions } from '../../domain/scales';
import { coding, systems } from './code-systems';
import type { Coding } from './datatypes';

/**
 * LOINC codes and UCUM units of what an exam records. Vital signs follow the R4 vital signs
 * profile (blood pressure as the 85354-9 panel with systolic and diastolic components; SpO2
 * carries both 2708-6 and the pulse-oximetry code 59408-5). Scale codes come from the domain's
 * scale definitions, so the app and the export cannot disagree about them.
 */
export interface ObservationCode {
  /** Suffix of the Observation id: exam-3-heart-rate. */
  kind: string;
  codings: readonly Coding[];
  text: string;
  unit?: { readonly code: string; readonly display: string };
  category: 'vital-signs' | 'survey';
}

const loinc = (code: string, display: string) => coding(systems.loinc, code, display);
const ucum = (code: string, display: string) => ({ code, display });

export const bloodPressureCodes = {
  panel: {
    kind: 'blood-pressure',
    codings: [loinc('85354-9', 'Blood pressure panel with all children optional')],
    text: 'Blood pressure',
    category: 'vital-signs',
  },
  systolic: { codings: [loinc('8480-6', 'Systolic blood pressure')], text: 'Systolic blood pressure' },
  diastolic: { codings: [loinc('8462-4', 'Diastolic blood pressure')], text: 'Diastolic blood pressure' },
  unit: ucum('mm[Hg]', 'mmHg'),
} as const;

export const vitalCodes = {
  heartRate: {
    kind: 'heart-rate',
    codings: [loinc('8867-4', 'Heart rate')],
    text: 'Heart rate',
    unit: ucum('/min', 'beats/min'),
    category: 'vital-signs',
  },
  oxygenSaturation: {
    kind: 'oxygen-saturation',
    codings: [
      loinc('2708-6', 'Oxygen saturation in Arterial blood'),
      loinc('59408-5', 'Oxygen saturation in Arterial blood by Pulse oximetry'),
    ],
    text: 'Oxygen saturation (SpO2)',
    unit: ucum('%', '%'),
    category: 'vital-signs',
  },
  respiratoryRate: {
    kind: 'respiratory-rate',
    codings: [loinc('9279-1', 'Respiratory rate')],
    text: 'Respiratory rate',
    unit: ucum('/min', 'breaths/min'),
    category: 'vital-signs',
  },
  bodyTemperature: {
    kind: 'body-temperature',
    codings: [loinc('8310-5', 'Body temperature')],
    text: 'Body temperature',
    unit: ucum('Cel', '°C'),
    category: 'vital-signs',
  },
  bodyWeight: {
    kind: 'body-weight',
    codings: [loinc('29463-7', 'Body weight')],
    text: 'Body weight',
    unit: ucum('kg', 'kg'),
    category: 'vital-signs',
  },
  bodyHeight: {
    kind: 'body-height',
    codings: [loinc('8302-2', 'Body height')],
    text: 'Body height',
    unit: ucum('cm', 'cm'),
    category: 'vital-signs',
  },
} as const satisfies Record<string, ObservationCode>;

const score = ucum('{score}', 'score');

export const scaleCodes = {
  phq9: {
    kind: 'phq9',
    codings: [
      coding(
        systems.loinc,
        scaleDefinitions.phq9.loinc,
        'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]',
      ),
    ],
    text: 'PHQ-9 total score',
    unit: score,
    category: 'survey',
  },
  gad7: {
    kind: 'gad7',
    codings: [
      coding(
        systems.loinc,
        scaleDefinitions.gad7.loinc,
        'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
      ),
    ],
    text: 'GAD-7 total score',
    unit: score,
    category: 'survey',
  },
  // Display left out where we are not certain of LOINC's exact wording; the text says it.
  pcl5: {
    kind: 'pcl5',
    codings: [coding(systems.loinc, scaleDefinitions.pcl5.loinc)],
    text: 'PCL-5 total score',
    unit: score,
    category: 'survey',
  },
  painNrs: {
    kind: 'pain',
    codings: [loinc('72514-3', 'Pain severity - 0-10 verbal numeric rating [Score] - Reported')],
    text: 'Pain severity (0–10 numeric rating)',
    unit: score,
    category: 'survey',
  },
} as const satisfies Record<string, ObservationCode>;
