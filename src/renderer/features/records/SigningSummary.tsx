import type { ReactNode } from 'react';
import { useId } from 'react';
import { preparationText } from '../../../domain/administration';
import type { DerivedQuantity } from '../../../domain/dose';
import type { ExamContent } from '../../../domain/exam';
import { candidacyLabels } from '../../../domain/exam';
import type { Patient } from '../../../domain/patient';
import { formatPatientName } from '../../../domain/patient';
import { courseGoalLines } from '../../../domain/course-goal';
import type { PlanContent, PlanEvaluation } from '../../../domain/plan';
import { formatQuantity } from '../../../domain/quantity';
import { formatDate } from '../../../domain/time';
import { useSignedIn } from '../../app/sign-in-context';
import type { Fact } from '../../components/Facts';
import { Facts } from '../../components/Facts';
import { formatBorn } from '../../lib/born';
import { doseText, durationText, monitoringText, seriesText } from '../plans/plan-text';
import { PumpDeliveryNote } from '../plans/PumpDeliveryNote';
import { weightUsedText } from '../plans/weight-used';
import { pretreatmentFact } from './pretreatment-fact';
import { suicideRiskFact } from './suicide-risk-fact';

/**
 * What a signer attests to (21 CFR 11.50, and plain safety), shown in the signing dialog
 * before the password: the patient by two identifiers, then the record's substance. Every
 * figure is the one the plan screen and the PDF show (the same evaluation and the same
 * text helpers); nothing here is worked out anew.
 */

/** Name, date of birth with age and MRN: the identifiers a record is confirmed by. */
export function SigningPatient({ patient }: { patient: Patient }) {
  const { clinic } = useSignedIn();
  return (
    <div className="signing-patient">
      <p className="signing-patient-name">
        <span dir="auto">{formatPatientName(patient)}</span>
      </p>
      <p className="banner-facts">
        <span className="banner-fact">
          <span className="label">Born</span>{' '}
          <span className="value">{formatBorn(patient.dateOfBirth, clinic.timeZone)}</span>
        </span>{' '}
        <span className="banner-fact">
          <span className="label">MRN</span> <span className="value mrn">{patient.mrn}</span>
        </span>
      </p>
    </div>
  );
}

/** Wraps the summary in a labelled section, so the dialog reads "What you are signing" first. */
function Attestation({ title, patient, children }: { title: string; patient: Patient; children: ReactNode }) {
  const titleId = useId();
  return (
    <section className="signing-summary" aria-labelledby={titleId}>
      <h3 className="signing-summary-title" id={titleId}>
        {title}
      </h3>
      <SigningPatient patient={patient} />
      {children}
    </section>
  );
}

function goalFacts(content: PlanContent): Fact[] {
  const lines = courseGoalLines(content.courseGoal);
  if (lines.goal === null && lines.definitions.length === 0) return [];
  return [
    { label: 'Goal of the series', value: lines.goal ?? '', autoDirection: true },
    { label: 'Response judged by', value: lines.definitions.join('; ') },
  ];
}

export function PlanAttestation({
  patient,
  content,
  evaluation,
}: {
  patient: Patient;
  content: PlanContent;
  evaluation: PlanEvaluation;
}) {
  const lines = evaluation.derivation?.lines ?? [];
  // The figure as the plan screen's arithmetic shows it, under the same label.
  const figure = (quantity: DerivedQuantity, label: string): Fact => {
    const line = lines.find((candidate) => candidate.quantity === quantity);
    return { label: line?.label ?? label, value: line?.shown ?? '' };
  };
  // Figures only some plans have (a pump's programmed rate, a syringe's diluent): shown when worked out.
  const ifWorkedOut = (quantity: DerivedQuantity): Fact[] =>
    lines.some((line) => line.quantity === quantity) ? [figure(quantity, quantity)] : [];
  const concentration =
    content.concentrationMgPerMl === null ? '' : formatQuantity(content.concentrationMgPerMl, 'mg/mL');
  return (
    <Attestation title="What you are signing" patient={patient}>
      <Facts
        facts={[
          { label: 'Drug and concentration', value: `${evaluation.drug?.name ?? ''} ${concentration}`.trim() },
          { label: 'Dose', value: doseText(content) },
          { label: 'Weight used', value: weightUsedText(content.weight) },
          figure('totalMg', 'Total dose'),
          figure('rateMgPerH', 'Rate'),
          figure('rateMgPerKgPerH', 'Rate per kg'),
          figure('rateMlPerH', 'Pump rate'),
          ...ifWorkedOut('pumpRateMlPerH'),
          ...ifWorkedOut('deliveredMg'),
          { label: 'Duration of each infusion', value: durationText(content.durationMin) },
          // In words for the method chosen: a bag's diluent, a syringe's volume, or undiluted.
          { label: 'Preparation', value: preparationText(content), autoDirection: true },
          figure('drugVolumeMl', 'Drug volume to add'),
          ...ifWorkedOut('diluentToAddMl'),
          figure('finalVolumeMl', 'Final bag volume'),
          { label: 'Series', value: seriesText(content.series) },
          { label: 'Monitoring', value: monitoringText(content.monitoringIntervalMin) },
          // The series' goal and how response will be judged, as the plan will keep them (issue 22).
          ...goalFacts(content),
        ]}
      />
      <PumpDeliveryNote delivery={evaluation.derivation?.delivery ?? null} />
      <h4 className="signing-summary-subtitle">Outside your clinic&apos;s configured ranges</h4>
      {evaluation.findings.length === 0 ? (
        <p>None: every figure is within the ranges your clinic configured.</p>
      ) : (
        <ul className="signing-findings">
          {evaluation.findings.map((finding) => {
            const reason = content.overrideReasons[finding.check] ?? '';
            return (
              <li key={finding.check}>
                <p>{finding.message}</p>
                {finding.level === 'soft' && (
                  <p>
                    <span className="label">Reason given</span>{' '}
                    {reason.trim() === '' ? (
                      <span className="value-unknown">None yet</span>
                    ) : (
                      <span className="value" dir="auto">
                        {reason}
                      </span>
                    )}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Attestation>
  );
}

/** An exam's short attestation: whose exam, of which day, for what, and the decision. */
export function ExamAttestation({ patient, content }: { patient: Patient; content: ExamContent }) {
  const decision = content.candidacy.decision;
  return (
    <Attestation title="What you are signing" patient={patient}>
      <Facts
        facts={[
          { label: 'Exam date', value: content.examDate === null ? '' : formatDate(content.examDate) },
          { label: 'Indication', value: content.indication.text, autoDirection: true },
          { label: 'Candidacy decision', value: decision === null ? '' : candidacyLabels[decision] },
          suicideRiskFact(content),
          pretreatmentFact(content),
        ]}
      />
    </Attestation>
  );
}
