import { useId } from 'react';
import type { ExamContent } from '../../../domain/exam';
import { candidacyLabels, historyItemNames, historyItems } from '../../../domain/exam';
import { formatNumber, formatQuantity } from '../../../domain/quantity';
import { scaleDefinitions, scaleIds } from '../../../domain/scales';
import { formatDate } from '../../../domain/time';
import { Facts } from '../../components/Facts';
import { weightText } from '../../lib/weight-text';
import type { WeightCheckComputed } from '../../../domain/record-view';
import { RecordedWeightCheck } from '../records/RecordedWeightCheck';
import { PretreatmentView } from './PretreatmentView';
import { PriorTreatmentsView, SuicideRiskView } from './RiskAndHistoryView';
import { scaleSummary } from './ScaleFieldset';

const answerWords = { yes: 'Yes', no: 'No', unknown: 'Not known' } as const;

function Text({ value }: { value: string }) {
  return value.trim() === '' ? (
    <p className="value-unknown">None recorded</p>
  ) : (
    <p className="narrative" dir="auto">
      {value}
    </p>
  );
}

/** A signed (or someone else's) exam, read-only, every value in words with its unit. */
export function ExamView({
  content,
  weightCheck,
}: {
  content: ExamContent;
  /** What the weight check surfaced at signing (signed versions only). */
  weightCheck?: WeightCheckComputed | undefined;
}) {
  // Several versions may be shown on one page (the history): ids must not repeat.
  const uid = useId();
  const { vitals } = content;
  const bp =
    vitals.systolicMmHg === null || vitals.diastolicMmHg === null
      ? ''
      : `${vitals.systolicMmHg}/${vitals.diastolicMmHg} mmHg`;
  const quantity = (value: string | number | null, unit: string) => (value === null ? '' : formatQuantity(value, unit));
  return (
    <div className="record-view">
      <section className="card" aria-labelledby={`${uid}-basics`}>
        <h2 id={`${uid}-basics`}>Exam and indication</h2>
        <Facts
          columns={3}
          facts={[
            { label: 'Exam date', value: content.examDate === null ? '' : formatDate(content.examDate) },
            { label: 'Indication', value: content.indication.text, autoDirection: true },
            { label: 'ICD-10 code', value: content.indication.icd10 },
          ]}
        />
      </section>
      <section className="card" aria-labelledby={`${uid}-history`}>
        <h2 id={`${uid}-history`}>History review</h2>
        <dl className="answer-list">
          {historyItemNames.map((name) => {
            const answer = content.history.answers[name];
            return (
              <div className="answer-list-row" key={name}>
                <dt>{historyItems[name]}</dt>
                <dd className={answer === null ? 'value-unknown' : `value answer-${answer}`}>
                  {answer === null ? 'Not answered' : answerWords[answer]}
                </dd>
              </div>
            );
          })}
        </dl>
        <h3 className="form-subsection-title">History notes</h3>
        <Text value={content.history.notes} />
        <h3 className="form-subsection-title">Current medications</h3>
        <Text value={content.history.currentMedications} />
        <h3 className="form-subsection-title">Prior ketamine or anaesthesia reactions</h3>
        <Text value={content.history.priorReactions} />
        <p>
          <span className="label">Allergies reviewed with the patient</span>{' '}
          <span className="value">{content.history.allergiesReviewed ? 'Yes' : 'No'}</span>
        </p>
      </section>
      <PriorTreatmentsView content={content} uid={uid} />
      <PretreatmentView content={content} uid={uid} />
      <section className="card" aria-labelledby={`${uid}-screening`}>
        <h2 id={`${uid}-screening`}>Screening checklist</h2>
        {content.screening.length === 0 ? (
          <p className="value-unknown">No screening questions</p>
        ) : (
          <dl className="answer-list">
            {content.screening.map((item) => (
              <div className="answer-list-row" key={item.itemId}>
                <dt dir="auto">{item.label}</dt>
                <dd className={item.answer === null ? 'value-unknown' : `value answer-${item.answer}`}>
                  {item.answer === null ? 'Not answered' : answerWords[item.answer]}
                  {item.note.trim() !== '' && (
                    <span className="answer-note" dir="auto">
                      {' '}
                      — {item.note}
                    </span>
                  )}
                </dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section className="card" aria-labelledby={`${uid}-vitals`}>
        <h2 id={`${uid}-vitals`}>Vital signs, weight and height</h2>
        <Facts
          columns={3}
          facts={[
            { label: 'Blood pressure', value: bp },
            { label: 'Heart rate', value: quantity(vitals.heartRateBpm, 'beats/min') },
            { label: 'SpO2', value: vitals.spo2Percent === null ? '' : `${vitals.spo2Percent}%` },
            { label: 'Respiratory rate', value: quantity(vitals.respiratoryRatePerMin, 'breaths/min') },
            { label: 'Temperature', value: quantity(vitals.temperatureC, '°C') },
            { label: 'Weight', value: content.weight === null ? '' : weightText(content.weight) },
            { label: 'Height', value: quantity(content.heightCm, 'cm') },
          ]}
        />
        <RecordedWeightCheck weightCheck={weightCheck} acknowledgement={content.weightAcknowledgement} />
      </section>
      <section className="card" aria-labelledby={`${uid}-scales`}>
        <h2 id={`${uid}-scales`}>Baseline scales</h2>
        <Facts
          columns={2}
          facts={[
            ...scaleIds.map((scale) => ({
              label: scaleDefinitions[scale].name,
              value: scaleSummary(
                scale,
                (content.scales[scale] ?? []).map((item) => (item === null ? '' : String(item))),
              ),
            })),
            {
              label: 'Pain now (0–10)',
              value: content.scales.painNrs === null ? 'Not recorded' : `${formatNumber(content.scales.painNrs)} of 10`,
            },
          ]}
        />
      </section>
      <SuicideRiskView content={content} uid={uid} />
      <section className="card" aria-labelledby={`${uid}-findings`}>
        <h2 id={`${uid}-findings`}>Findings and candidacy</h2>
        <h3 className="form-subsection-title">Findings</h3>
        <Text value={content.findings} />
        <p className="candidacy">
          <span className="label">Candidacy decision</span>{' '}
          <span className="value">
            {content.candidacy.decision === null ? 'Not recorded' : candidacyLabels[content.candidacy.decision]}
          </span>
        </p>
        <h3 className="form-subsection-title">Rationale</h3>
        <Text value={content.candidacy.rationale} />
      </section>
    </div>
  );
}
