import { useId } from 'react';
import type { LimitCheck } from '../../../domain/limits';
import type { PlanContent } from '../../../domain/plan';
import { formatQuantity } from '../../../domain/quantity';
import { Facts } from '../../components/Facts';
import { Notice } from '../../components/Notice';
import type { WeightCheckComputed } from '../../../domain/record-view';
import type { LinkedExam } from '../records/linked-exam';
import { RecordedWeightCheck } from '../records/RecordedWeightCheck';
import { CourseGoalView } from './CourseGoalView';
import { DerivationList } from './DerivationList';
import { LimitsInForce } from './LimitsInForce';
import { PumpDeliveryNote } from './PumpDeliveryNote';
import { LinkedExamSummary } from './LinkedExamSummary';
import type { PlanFigures } from './plan-figures';
import { doseText, preparationWords, durationText, monitoringText, seriesText } from './plan-text';
import { weightUsedText } from './weight-used';

function Narrative({ label, text }: { label: string; text: string }) {
  return (
    <div className="narrative-block">
      <h3 className="form-subsection-title">{label}</h3>
      {text.trim() === '' ? (
        <p className="value-unknown">None recorded</p>
      ) : (
        <p className="narrative" dir="auto">
          {text}
        </p>
      )}
    </div>
  );
}

/** A plan, read-only: what the physician chose, the arithmetic on it, and each finding with its reason. */
export function PlanView({
  content,
  figures,
  formularyVersion,
  exam,
  patientId,
  weightCheck,
}: {
  content: PlanContent;
  figures: PlanFigures;
  formularyVersion: number | null;
  exam: LinkedExam | null;
  patientId: number;
  /** What the weight check surfaced at signing (signed versions only). */
  weightCheck?: WeightCheckComputed | undefined;
}) {
  // Several versions may be shown on one page (the history): ids must not repeat.
  const uid = useId();
  return (
    <div className="record-view">
      <LinkedExamSummary exam={exam} patientId={patientId} />
      <section className="card" aria-labelledby={`${uid}-plan`}>
        <h2 id={`${uid}-plan`}>Plan</h2>
        <Facts
          columns={3}
          facts={[
            { label: 'Drug', value: figures.drugName, autoDirection: true },
            {
              label: 'Concentration',
              value: content.concentrationMgPerMl === null ? '' : formatQuantity(content.concentrationMgPerMl, 'mg/mL'),
            },
            { label: 'How it is given', value: preparationWords(content), autoDirection: true },
            { label: 'Dose', value: doseText(content) },
            { label: 'Weight used', value: weightUsedText(content.weight) },
            { label: 'Duration of each infusion', value: durationText(content.durationMin) },
            { label: 'Series', value: seriesText(content.series) },
            { label: 'Monitoring', value: monitoringText(content.monitoringIntervalMin) },
          ]}
        />
        <RecordedWeightCheck weightCheck={weightCheck} acknowledgement={content.weightAcknowledgement} />
      </section>
      <section className="card" aria-labelledby={`${uid}-arithmetic`}>
        <h2 id={`${uid}-arithmetic`}>
          {figures.basis === 'signed' ? 'Arithmetic, as signed' : 'Arithmetic on the draft as it stands'}
        </h2>
        {figures.lines.length === 0 ? (
          <p className="value-unknown">Not enough entries to work out the figures.</p>
        ) : (
          <DerivationList lines={figures.lines} />
        )}
        <PumpDeliveryNote delivery={figures.delivery} />
        <h3 className="panel-subtitle">Limits</h3>
        {figures.limits === null ? (
          <p className="value-unknown">No drug chosen.</p>
        ) : (
          <LimitsInForce limits={figures.limits} formularyVersion={formularyVersion} />
        )}
        {figures.findings.length > 0 && (
          <>
            <h3 className="panel-subtitle">Outside the configured ranges</h3>
            <ul className="findings">
              {figures.findings.map((finding) => {
                const reason = content.overrideReasons[finding.check as LimitCheck];
                return (
                  <li key={finding.check}>
                    <Notice
                      tone={finding.level === 'hard' ? 'error' : 'warning'}
                      title={
                        finding.level === 'hard'
                          ? "Outside your clinic's hard limit"
                          : "Outside your clinic's configured range"
                      }
                    >
                      <p>{finding.message}</p>
                      {finding.level === 'soft' && (
                        <p>
                          <span className="label">Reason given</span>{' '}
                          {reason === undefined || reason.trim() === '' ? (
                            <span className="value-unknown">None yet</span>
                          ) : (
                            <span className="value" dir="auto">
                              {reason}
                            </span>
                          )}
                        </p>
                      )}
                    </Notice>
                  </li>
                );
              })}
            </ul>
          </>
        )}
      </section>
      <CourseGoalView goal={content.courseGoal} />
      <section className="card" aria-labelledby={`${uid}-notes`}>
        <h2 id={`${uid}-notes`}>Medication notes</h2>
        <Narrative label="Premedication" text={content.premedication} />
        <Narrative label="Rescue medication" text={content.rescueMedication} />
        <Narrative label="Notes" text={content.notes} />
      </section>
    </div>
  );
}
