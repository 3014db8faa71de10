import type { ExamContent } from '../../../domain/exam';
import {
  priorTreatmentKindLabels,
  priorTreatmentOutcomeText,
  priorTreatmentPeriodText,
} from '../../../domain/prior-treatments';
import { suicideRiskFlags } from '../../../domain/suicide-risk';
import { SuicideRiskAlert } from './SuicideRiskSection';

const answerWords = { yes: 'Yes', no: 'No' } as const;

/** Prior treatments, read-only: one row each. Absent in older exams: said so, not left blank. */
export function PriorTreatmentsView({ content, uid }: { content: ExamContent; uid: string }) {
  const treatments = content.priorTreatments ?? [];
  return (
    <section className="card" aria-labelledby={`${uid}-prior-treatments`}>
      <h2 id={`${uid}-prior-treatments`}>Prior treatments</h2>
      {treatments.length === 0 ? (
        <p className="value-unknown">None recorded</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Treatment</th>
              <th scope="col">Dose or details</th>
              <th scope="col">When</th>
              <th scope="col">Outcome</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {treatments.map((treatment, index) => (
              <tr key={index}>
                <th scope="row" dir="auto">
                  {treatment.name.trim() === '' ? 'Not named' : treatment.name}{' '}
                  <span className="label">({priorTreatmentKindLabels[treatment.kind]})</span>
                </th>
                <td dir="auto">{treatment.details}</td>
                <td>{priorTreatmentPeriodText(treatment)}</td>
                <td>{priorTreatmentOutcomeText(treatment)}</td>
                <td dir="auto">{treatment.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The risk screen's answers, the flag in words, and what was done about it. */
export function SuicideRiskView({ content, uid }: { content: ExamContent; uid: string }) {
  const flags = suicideRiskFlags(content);
  const screen = content.riskScreen ?? [];
  return (
    <section className="card" aria-labelledby={`${uid}-suicide-risk`}>
      <h2 id={`${uid}-suicide-risk`}>Suicide risk</h2>
      <SuicideRiskAlert flags={flags} live="none" />
      {screen.length > 0 && (
        <dl className="answer-list">
          {screen.map((item) => (
            <div className="answer-list-row" key={item.itemId}>
              <dt dir="auto">{item.label}</dt>
              <dd className={item.answer === null ? 'value-unknown' : `value answer-${item.answer}`}>
                {item.answer === null ? 'Not answered' : answerWords[item.answer]}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {flags.length === 0 ? (
        <p className="value-unknown">No suicide risk flagged by the answers recorded.</p>
      ) : (
        <>
          <h3 className="form-subsection-title">What was done about it</h3>
          {(content.riskAcknowledgement?.actionTaken.trim() ?? '') === '' ? (
            <p className="value-unknown">Not recorded</p>
          ) : (
            <p className="narrative" dir="auto">
              {content.riskAcknowledgement?.actionTaken}
            </p>
          )}
        </>
      )}
    </section>
  );
}
