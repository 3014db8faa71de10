import type { ExamPretreatment, PretreatmentResult } from '../../domain/pretreatment-results';
import { drugClassIds, drugClasses, ecgInterpretationLabels, resultLabel } from '../../domain/pretreatment-results';
import { resultSourceText } from '../../domain/pretreatment-text';
import { stopBangQuestionIds, stopBangQuestions, stopBangScore } from '../../domain/stop-bang';
import type { ExportIndex } from '../snapshot-index';
import { coding, concept, systems } from './code-systems';
import type { Annotation, CodeableConcept, Coding, FhirResource, Meta, Quantity, Reference } from './datatypes';
import { fhirDecimal } from './json';
import type { ObservationBase } from './observation';
import { ucumQuantity } from './observation';
import { practitionerReference } from './references';

/**
 * Pre-treatment results as FHIR Observations, one per result (one per analyte for liver and
 * kidney tests), dated when taken and performed by whoever entered them. LOINC codes only
 * where one fits what was recorded without guessing: eGFR has none here, because LOINC's eGFR
 * codes name the formula and the ledger does not record which one the laboratory used; the
 * ECG as a whole, the STOP-BANG total, drug classes and clinic items are coded by text alone.
 */

const loinc = (code: string, display: string) => coding(systems.loinc, code, display);
const ucum = (code: string, display: string) => ({ code, display });

/** The codes used here, in one table, with LOINC's display names. */
export const pretreatmentCodes = {
  alt: {
    codings: [loinc('1742-6', 'Alanine aminotransferase [Enzymatic activity/volume] in Serum or Plasma')],
    text: 'ALT',
    unit: ucum('U/L', 'U/L'),
  },
  ast: {
    codings: [loinc('1920-8', 'Aspartate aminotransferase [Enzymatic activity/volume] in Serum or Plasma')],
    text: 'AST',
    unit: ucum('U/L', 'U/L'),
  },
  bilirubin: {
    codings: [loinc('1975-2', 'Bilirubin.total [Mass/volume] in Serum or Plasma')],
    text: 'Total bilirubin',
    unit: ucum('mg/dL', 'mg/dL'),
  },
  creatinine: {
    codings: [loinc('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma')],
    text: 'Creatinine',
    unit: ucum('mg/dL', 'mg/dL'),
  },
  egfr: { codings: [], text: 'eGFR (formula not recorded)', unit: ucum('mL/min/{1.73_m2}', 'mL/min/1.73 m²') },
  hcgUrine: {
    codings: [loinc('2106-3', 'Choriogonadotropin (pregnancy test) [Presence] in Urine')],
    text: 'Pregnancy test (urine)',
  },
  hcgSerum: {
    codings: [loinc('2118-8', 'Choriogonadotropin (pregnancy test) [Presence] in Serum or Plasma')],
    text: 'Pregnancy test (serum)',
  },
  heartRate: { codings: [loinc('8867-4', 'Heart rate')], text: 'Heart rate', unit: ucum('/min', 'beats/min') },
  qtc: { codings: [loinc('8636-3', 'Q-T interval corrected')], text: 'QTc interval', unit: ucum('ms', 'ms') },
  score: { codings: [], text: 'Score', unit: ucum('{score}', 'score') },
} as const;

const interpretationSystem = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const dataAbsentSystem = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';
const positive = (yes: boolean): CodeableConcept =>
  yes
    ? { coding: [coding(systems.snomed, '10828004', 'Positive')], text: 'Positive' }
    : { coding: [coding(systems.snomed, '260385009', 'Negative')], text: 'Negative' };

interface Component {
  code: CodeableConcept;
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
}

export interface PretreatmentObservation extends FhirResource {
  resourceType: 'Observation';
  meta: Meta;
  status: 'final';
  category?: CodeableConcept[];
  code: CodeableConcept;
  subject: Reference;
  encounter: Reference;
  effectiveDateTime?: string;
  performer: Reference[];
  valueQuantity?: Quantity;
  valueCodeableConcept?: CodeableConcept;
  dataAbsentReason?: CodeableConcept;
  interpretation?: CodeableConcept[];
  note?: Annotation[];
  component?: Component[];
}

type Category = 'laboratory' | 'procedure' | 'survey' | null;
const categoryNames = { laboratory: 'Laboratory', procedure: 'Procedure', survey: 'Survey' } as const;
const codeOf = (code: { codings: readonly Coding[]; text: string }): CodeableConcept =>
  code.codings.length === 0 ? { text: code.text } : { coding: [...code.codings], text: code.text };

function resultObservations(
  index: ExportIndex,
  base: (kind: string) => ObservationBase,
  result: PretreatmentResult,
): PretreatmentObservation[] {
  const common = (suffix: string, category: Category, code: CodeableConcept): PretreatmentObservation => {
    const from = base(`pre-${result.id}${suffix}`);
    const notes = [result.source.type === 'outside' ? resultSourceText(result) : '', result.note.trim()];
    const note = notes.filter((part) => part !== '').map((part) => ({ text: part }));
    return {
      resourceType: 'Observation',
      id: from.id,
      meta: from.meta,
      status: 'final',
      ...(category === null
        ? {}
        : { category: [concept(systems.observationCategory, category, categoryNames[category])] }),
      code,
      subject: from.subject,
      encounter: from.encounter,
      effectiveDateTime: result.takenOn ?? undefined,
      performer: [
        result.recordedBy === undefined ? from.performer : practitionerReference(index, result.recordedBy.userId),
      ],
      ...(note.length === 0 ? {} : { note }),
    };
  };
  const quantity = (
    suffix: string,
    code: (typeof pretreatmentCodes)['alt' | 'ast' | 'bilirubin' | 'creatinine' | 'egfr'],
    value: string | null,
  ) =>
    value === null
      ? []
      : [{ ...common(suffix, 'laboratory', codeOf(code)), valueQuantity: ucumQuantity(fhirDecimal(value), code.unit) }];
  const { value } = result;
  switch (value.kind) {
    case 'liver':
      return [
        ...quantity('-alt', pretreatmentCodes.alt, value.altUPerL),
        ...quantity('-ast', pretreatmentCodes.ast, value.astUPerL),
        ...quantity('-bili', pretreatmentCodes.bilirubin, value.bilirubinMgPerDl),
      ];
    case 'kidney':
      return [
        ...quantity('-creat', pretreatmentCodes.creatinine, value.creatinineMgPerDl),
        ...quantity('-egfr', pretreatmentCodes.egfr, value.egfrMlMin173m2),
      ];
    case 'ecg': {
      const component: Component[] = [];
      if (value.rhythm.trim() !== '')
        component.push({ code: { text: 'Rhythm' }, valueCodeableConcept: { text: value.rhythm.trim() } });
      if (value.rateBpm !== null)
        component.push({
          code: codeOf(pretreatmentCodes.heartRate),
          valueQuantity: ucumQuantity(value.rateBpm, pretreatmentCodes.heartRate.unit),
        });
      if (value.qtcMs !== null)
        component.push({
          code: codeOf(pretreatmentCodes.qtc),
          valueQuantity: ucumQuantity(value.qtcMs, pretreatmentCodes.qtc.unit),
        });
      const interpretation =
        value.interpretation === null
          ? undefined
          : [
              {
                coding: [
                  value.interpretation === 'normal'
                    ? coding(interpretationSystem, 'N', 'Normal')
                    : coding(interpretationSystem, 'A', 'Abnormal'),
                ],
                text: ecgInterpretationLabels[value.interpretation],
              },
            ];
      // Also as a component, so that an amendment changing only the interpretation reads as a change.
      if (interpretation !== undefined)
        component.push({ code: { text: 'Interpretation' }, valueCodeableConcept: interpretation[0] ?? { text: '' } });
      const observation = common('', 'procedure', { text: 'ECG' });
      const text = value.text.trim();
      return [
        {
          ...observation,
          ...(interpretation === undefined ? {} : { interpretation }),
          ...(component.length === 0 ? {} : { component }),
          ...(text === '' ? {} : { note: [...(observation.note ?? []), { text }] }),
          ...(component.length === 0 && interpretation === undefined && text === ''
            ? { dataAbsentReason: concept(dataAbsentSystem, 'unknown', 'Unknown') }
            : {}),
        },
      ];
    }
    case 'pregnancy': {
      const code =
        value.method === 'urine'
          ? codeOf(pretreatmentCodes.hcgUrine)
          : value.method === 'serum'
            ? codeOf(pretreatmentCodes.hcgSerum)
            : { text: 'Pregnancy test' };
      const observation = common('', 'laboratory', code);
      if (value.result === 'positive' || value.result === 'negative')
        return [{ ...observation, valueCodeableConcept: positive(value.result === 'positive') }];
      return [
        {
          ...observation,
          dataAbsentReason:
            value.result === null
              ? concept(dataAbsentSystem, 'unknown', 'Unknown')
              : concept(dataAbsentSystem, 'not-applicable', 'Not Applicable'),
        },
      ];
    }
    case 'urine-drug-screen': {
      const component = drugClassIds
        .filter((id) => value.classes[id] !== 'not-tested')
        .map((id) => ({
          code: { text: drugClasses[id] },
          valueCodeableConcept: positive(value.classes[id] === 'positive'),
        }));
      const observation = common('', 'laboratory', { text: 'Urine drug screen' });
      return [
        component.length === 0
          ? { ...observation, dataAbsentReason: concept(dataAbsentSystem, 'not-performed', 'Not Performed') }
          : { ...observation, component },
      ];
    }
    case 'stop-bang': {
      const score = stopBangScore(value.answers);
      const component = stopBangQuestionIds.flatMap((id) => {
        const answer = value.answers[id];
        return answer === null
          ? []
          : [
              {
                code: { text: stopBangQuestions[id] },
                valueCodeableConcept: { text: answer === 'yes' ? 'Yes' : 'No' },
              },
            ];
      });
      const observation = common('', 'survey', { text: 'STOP-BANG score (counted from the eight answers)' });
      return [
        {
          ...observation,
          ...(score === null
            ? { dataAbsentReason: concept(dataAbsentSystem, 'unknown', 'Unknown') }
            : { valueQuantity: ucumQuantity(score, pretreatmentCodes.score.unit) }),
          ...(component.length === 0 ? {} : { component }),
        },
      ];
    }
    case 'clinic-item': {
      const observation = common('', null, { text: resultLabel(value) });
      const text = value.result.trim();
      return [
        text === ''
          ? { ...observation, dataAbsentReason: concept(dataAbsentSystem, 'unknown', 'Unknown') }
          : { ...observation, valueCodeableConcept: { text } },
      ];
    }
  }
}

/** Every result of the exam, as Observations; none for an exam recorded before results were. */
export function pretreatmentObservations(
  index: ExportIndex,
  base: (kind: string) => ObservationBase,
  pretreatment: ExamPretreatment | undefined,
): PretreatmentObservation[] {
  return (pretreatment?.results ?? []).flatMap((result) => resultObservations(index, base, result));
}
